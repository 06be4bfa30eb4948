#include "store/schema.h"

#include <string>

namespace newsgraph::store {
namespace {

struct Migration {
  int version;
  const char* sqlite;
  const char* postgres;
};

// Version 1: the knowledge base. Articles are keyed by their content id (idempotence);
// `rid` is the engine's compact row id that child rows point at.
constexpr Migration kMigrations[] = {
    {1,
     R"sql(
CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT NOT NULL, first_article TEXT NOT NULL);
CREATE TABLE articles(
  rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL,
  title TEXT NOT NULL, published TEXT NOT NULL, dateline TEXT NOT NULL, url TEXT NOT NULL,
  source TEXT NOT NULL, language TEXT NOT NULL, byline TEXT NOT NULL, body TEXT NOT NULL,
  tone REAL NOT NULL, analysis TEXT NOT NULL);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE entities(id INTEGER PRIMARY KEY, norm TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  country TEXT NOT NULL, UNIQUE(norm, type));
CREATE TABLE entity_names(entity_id INTEGER NOT NULL REFERENCES entities(id), kind TEXT NOT NULL,
  value TEXT NOT NULL, norm TEXT NOT NULL, PRIMARY KEY(entity_id, kind, value));
CREATE INDEX entity_names_norm ON entity_names(norm);
CREATE TABLE article_entities(article INTEGER NOT NULL REFERENCES articles(rid), local_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id), title TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(article, local_id));
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE mentions(article INTEGER NOT NULL REFERENCES articles(rid), entity_id INTEGER NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE quotes(article INTEGER NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL, text TEXT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_norm TEXT NOT NULL,
  speaker_entity INTEGER, cue TEXT NOT NULL, PRIMARY KEY(article, idx));
CREATE INDEX quotes_speaker ON quotes(speaker_norm);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE TABLE events(article INTEGER NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL,
  story_id TEXT NOT NULL, event_key TEXT NOT NULL,
  source TEXT NOT NULL, source_code TEXT NOT NULL, source_detail TEXT NOT NULL,
  target TEXT NOT NULL, target_code TEXT NOT NULL, target_detail TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  location TEXT NOT NULL, when_text TEXT NOT NULL, date TEXT NOT NULL, sentence INTEGER NOT NULL,
  evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY(article, idx));
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_story ON events(story_id, event_key);
CREATE TABLE sketches(article INTEGER PRIMARY KEY REFERENCES articles(rid), sketch BLOB NOT NULL);
CREATE TABLE lsh(band_key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES articles(rid));
CREATE INDEX lsh_key ON lsh(band_key, article);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rid',
  tokenize='unicode61 remove_diacritics 2');
)sql",
     R"sql(
CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT NOT NULL, first_article TEXT NOT NULL);
CREATE TABLE articles(
  rid BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL,
  title TEXT NOT NULL, published TEXT NOT NULL, dateline TEXT NOT NULL, url TEXT NOT NULL,
  source TEXT NOT NULL, language TEXT NOT NULL, byline TEXT NOT NULL, body TEXT NOT NULL,
  tone DOUBLE PRECISION NOT NULL, analysis TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') ||
                                    setweight(to_tsvector('english', body), 'B')) STORED);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_tsv ON articles USING GIN(tsv);
CREATE TABLE entities(id BIGSERIAL PRIMARY KEY, norm TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  country TEXT NOT NULL, UNIQUE(norm, type));
CREATE TABLE entity_names(entity_id BIGINT NOT NULL REFERENCES entities(id), kind TEXT NOT NULL,
  value TEXT NOT NULL, norm TEXT NOT NULL, PRIMARY KEY(entity_id, kind, value));
CREATE INDEX entity_names_norm ON entity_names(norm);
CREATE TABLE article_entities(article BIGINT NOT NULL REFERENCES articles(rid), local_id TEXT NOT NULL,
  entity_id BIGINT NOT NULL REFERENCES entities(id), title TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(article, local_id));
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE mentions(article BIGINT NOT NULL REFERENCES articles(rid), entity_id BIGINT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE quotes(article BIGINT NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL, text TEXT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_norm TEXT NOT NULL,
  speaker_entity BIGINT, cue TEXT NOT NULL, PRIMARY KEY(article, idx));
CREATE INDEX quotes_speaker ON quotes(speaker_norm);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE TABLE events(article BIGINT NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL,
  story_id TEXT NOT NULL, event_key TEXT NOT NULL,
  source TEXT NOT NULL, source_code TEXT NOT NULL, source_detail TEXT NOT NULL,
  target TEXT NOT NULL, target_code TEXT NOT NULL, target_detail TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein DOUBLE PRECISION NOT NULL,
  location TEXT NOT NULL, when_text TEXT NOT NULL, date TEXT NOT NULL, sentence INTEGER NOT NULL,
  evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY(article, idx));
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_story ON events(story_id, event_key);
CREATE TABLE sketches(article BIGINT PRIMARY KEY REFERENCES articles(rid), sketch BYTEA NOT NULL);
CREATE TABLE lsh(band_key BIGINT NOT NULL, article BIGINT NOT NULL REFERENCES articles(rid));
CREATE INDEX lsh_key ON lsh(band_key, article);
)sql"},
    // Version 2: the ingest log, one row per ingest run (what the CLI reports and resumes).
    {2,
     "CREATE TABLE ingest_runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, inserted INTEGER NOT NULL, "
     "skipped INTEGER NOT NULL);",
     "CREATE TABLE ingest_runs(id BIGSERIAL PRIMARY KEY, started TEXT NOT NULL, inserted BIGINT NOT NULL, "
     "skipped BIGINT NOT NULL);"},
};

}  // namespace

Status Migrate(SqlDb* db) {
  bool pg = db->dialect() == Dialect::kPostgres;
  Status s = db->ExecScript("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  if (!s.ok() && !pg) return s;
  if (!s.ok()) {
    // Two PostgreSQL openers racing on CREATE TABLE IF NOT EXISTS: one fails, the table exists.
    s = db->ExecScript("SELECT 1 FROM meta LIMIT 1");
    if (!s.ok()) return s;
  }
  if (s = db->Begin(); !s.ok()) return s;
  if (pg) s = db->ExecScript("SELECT pg_advisory_xact_lock(7316028)");
  std::vector<Row> rows;
  if (s.ok()) s = db->Exec("SELECT value FROM meta WHERE key = 'schema_version'", {}, &rows);
  int current = rows.empty() ? 0 : static_cast<int>(rows[0][0].Int());
  if (s.ok() && current > kSchemaVersion) {
    s = Status::InvalidArgument("database schema version " + std::to_string(current) +
                                " is newer than this newsgraph (" + std::to_string(kSchemaVersion) + ")");
  }
  for (const Migration& m : kMigrations) {
    if (!s.ok()) break;
    if (m.version <= current) continue;
    s = db->ExecScript(pg ? m.postgres : m.sqlite);
    if (s.ok()) {
      std::string v = std::to_string(m.version);
      s = db->Exec(
          "INSERT INTO meta(key, value) VALUES('schema_version', $1) ON CONFLICT(key) DO UPDATE SET value = "
          "excluded.value",
          {std::string_view(v)});
    }
  }
  if (!s.ok()) {
    db->Rollback();
    return s;
  }
  return db->Commit();
}

}  // namespace newsgraph::store
