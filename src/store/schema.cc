#include "store/schema.h"

#include <cstring>
#include <string>

namespace newsgraph::store {
namespace {

// The schema is written once with dialect tokens, replaced per engine by ForEngine():
//   @ID@      the row id: INTEGER PRIMARY KEY (SQLite) / BIGSERIAL PRIMARY KEY
//   @BIG@     a 64-bit integer column: INTEGER / BIGINT
//   @REAL@    REAL / DOUBLE PRECISION        @BLOB@  BLOB / BYTEA
//   @NOROWID@ WITHOUT ROWID (SQLite: the primary key is the table) / nothing
struct Migration {
  int version;
  const char* both;      // for both engines, with tokens
  const char* sqlite;    // then this for SQLite only
  const char* postgres;  // or this for PostgreSQL only
};

// Version 1: the knowledge base. Articles are keyed by their content id (idempotence);
// `rid` is the engine's compact row id that child rows point at. Full text: an FTS5
// external-content table (SQLite), a stored tsvector with a GIN index (PostgreSQL).
constexpr Migration kMigrations[] = {
    {1,
     R"sql(
CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT NOT NULL, first_article TEXT NOT NULL);
CREATE TABLE articles(
  rid @ID@, id TEXT NOT NULL UNIQUE, story_id TEXT NOT NULL,
  title TEXT NOT NULL, published TEXT NOT NULL, dateline TEXT NOT NULL, url TEXT NOT NULL,
  source TEXT NOT NULL, language TEXT NOT NULL, byline TEXT NOT NULL, body TEXT NOT NULL,
  tone @REAL@ NOT NULL, analysis TEXT NOT NULL);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE entities(id @ID@, norm TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  country TEXT NOT NULL, UNIQUE(norm, type));
CREATE TABLE entity_names(entity_id @BIG@ NOT NULL REFERENCES entities(id), kind TEXT NOT NULL,
  value TEXT NOT NULL, norm TEXT NOT NULL, PRIMARY KEY(entity_id, kind, value));
CREATE INDEX entity_names_norm ON entity_names(norm);
CREATE TABLE article_entities(article @BIG@ NOT NULL REFERENCES articles(rid), local_id TEXT NOT NULL,
  entity_id @BIG@ NOT NULL REFERENCES entities(id), title TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(article, local_id));
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE mentions(article @BIG@ NOT NULL REFERENCES articles(rid), entity_id @BIG@ NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE quotes(article @BIG@ NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL, text TEXT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_norm TEXT NOT NULL,
  speaker_entity @BIG@, cue TEXT NOT NULL, PRIMARY KEY(article, idx));
CREATE INDEX quotes_speaker ON quotes(speaker_norm);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE TABLE events(article @BIG@ NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL,
  story_id TEXT NOT NULL, event_key TEXT NOT NULL,
  source TEXT NOT NULL, source_code TEXT NOT NULL, source_detail TEXT NOT NULL,
  target TEXT NOT NULL, target_code TEXT NOT NULL, target_detail TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein @REAL@ NOT NULL,
  location TEXT NOT NULL, when_text TEXT NOT NULL, date TEXT NOT NULL, sentence INTEGER NOT NULL,
  evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY(article, idx));
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_story ON events(story_id, event_key);
CREATE TABLE sketches(article @BIG@ PRIMARY KEY REFERENCES articles(rid), sketch @BLOB@ NOT NULL);
CREATE TABLE lsh(band_key @BIG@ NOT NULL, article @BIG@ NOT NULL REFERENCES articles(rid),
  PRIMARY KEY(band_key, article)) @NOROWID@;
)sql",
     R"sql(
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rid',
  tokenize='unicode61 remove_diacritics 2');
)sql",
     R"sql(
ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED;
CREATE INDEX articles_tsv ON articles USING GIN(tsv);
)sql"},
    // Version 2: the ingest log, one row per ingest run.
    {2, "CREATE TABLE ingest_runs(id @ID@, started TEXT NOT NULL, inserted @BIG@ NOT NULL, skipped @BIG@ NOT NULL);",
     "", ""},
    // Version 3: mentions, quotes and events live only in their tables; the stored
    // analysis JSON leaves them out (it was 85% of the database) and reading puts them
    // back, which needs the article-local ids of mentions and speakers. Rows written by
    // version 2 keep their full JSON and are read as they are. A mention of an entity
    // without a corpus entity (no name to merge by) has entity_id 0. The story id is
    // copied into `sketches`, so that finding the story of a new article reads only the
    // small sketch rows of its candidates. SQLite: the per-article child tables become
    // WITHOUT ROWID tables clustered on their primary key, one B-tree fewer per row.
    {3,
     "ALTER TABLE sketches ADD COLUMN story_id TEXT NOT NULL DEFAULT ''; "
     "UPDATE sketches SET story_id = (SELECT a.story_id FROM articles a WHERE a.rid = sketches.article);",
     R"sql(
CREATE TABLE article_entities_v3(article INTEGER NOT NULL REFERENCES articles(rid), local_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id), title TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(article, local_id)) WITHOUT ROWID;
INSERT INTO article_entities_v3 SELECT article, local_id, entity_id, title, mentions FROM article_entities;
DROP TABLE article_entities;
ALTER TABLE article_entities_v3 RENAME TO article_entities;
CREATE INDEX article_entities_entity ON article_entities(entity_id);
CREATE TABLE mentions_v3(article INTEGER NOT NULL REFERENCES articles(rid), local_id TEXT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, entity_id INTEGER NOT NULL,
  PRIMARY KEY(article, local_id, start_byte, end_byte)) WITHOUT ROWID;
INSERT OR IGNORE INTO mentions_v3 SELECT article, '', start_byte, end_byte, entity_id FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_v3 RENAME TO mentions;
CREATE TABLE quotes_v3(article INTEGER NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL, text TEXT NOT NULL,
  start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_norm TEXT NOT NULL,
  speaker_entity INTEGER, cue TEXT NOT NULL, speaker_id TEXT NOT NULL DEFAULT '', PRIMARY KEY(article, idx))
  WITHOUT ROWID;
INSERT INTO quotes_v3 SELECT article, idx, text, start_byte, end_byte, speaker, speaker_norm, speaker_entity, cue, ''
  FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_v3 RENAME TO quotes;
CREATE INDEX quotes_speaker ON quotes(speaker_norm);
CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE TABLE events_v3(article INTEGER NOT NULL REFERENCES articles(rid), idx INTEGER NOT NULL,
  story_id TEXT NOT NULL, event_key TEXT NOT NULL,
  source TEXT NOT NULL, source_code TEXT NOT NULL, source_detail TEXT NOT NULL,
  target TEXT NOT NULL, target_code TEXT NOT NULL, target_detail TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  location TEXT NOT NULL, when_text TEXT NOT NULL, date TEXT NOT NULL, sentence INTEGER NOT NULL,
  evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, rule TEXT NOT NULL,
  PRIMARY KEY(article, idx)) WITHOUT ROWID;
INSERT INTO events_v3 SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_story ON events(story_id, event_key);
)sql",
     "ALTER TABLE mentions ADD COLUMN local_id TEXT NOT NULL DEFAULT ''; "
     "ALTER TABLE quotes ADD COLUMN speaker_id TEXT NOT NULL DEFAULT '';"},
    // Version 4: search that stems ("protest" finds "protests"): SQLite's full-text table is
    // rebuilt with FTS5's porter tokenizer over the stored rows (PostgreSQL's 'english'
    // configuration stems already). The events explorer filters by actor name and code, by
    // root and by day: an index on each, and `day` (the event's date, else its article's
    // publication date) filled for the events already stored.
    {4,
     R"sql(
ALTER TABLE events ADD COLUMN day TEXT NOT NULL DEFAULT '';
UPDATE events SET day = CASE WHEN date <> '' THEN date
  ELSE (SELECT a.published FROM articles a WHERE a.rid = events.article) END;
CREATE INDEX events_day ON events(day);
CREATE INDEX events_root_day ON events(root, day);
CREATE INDEX events_location ON events((lower(location)));
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_source_name ON events((lower(source)));
CREATE INDEX events_target_name ON events((lower(target)));
)sql",
     R"sql(
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rid',
  tokenize='porter unicode61 remove_diacritics 2');
INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
)sql",
     ""},
};

// Tables added without a schema version (each CREATE is idempotent, run by every opener
// under the migration lock), so that they merge with version bumps made elsewhere:
//   ingest_files   one row per input file an ingest finished (Store::RecordInputs): what
//                  a cluster driver skips on a re-run;
//   story_pending  PostgreSQL: articles committed whose story has not been settled
//                  against concurrent writers yet (SqlStore::SettleStories).
constexpr const char* kSideTables =
    "CREATE TABLE IF NOT EXISTS ingest_files(path TEXT PRIMARY KEY, bytes @BIG@ NOT NULL, "
    "articles @BIG@ NOT NULL, inserted @BIG@ NOT NULL, failed @BIG@ NOT NULL, finished TEXT NOT NULL);";
constexpr const char* kSideTablesPostgres = "CREATE TABLE IF NOT EXISTS story_pending(article BIGINT PRIMARY KEY);";

std::string ForEngine(std::string sql, bool pg) {
  static const char* const kTokens[][3] = {{"@ID@", "INTEGER PRIMARY KEY", "BIGSERIAL PRIMARY KEY"},
                                           {"@BIG@", "INTEGER", "BIGINT"},
                                           {"@REAL@", "REAL", "DOUBLE PRECISION"},
                                           {"@BLOB@", "BLOB", "BYTEA"},
                                           {"@NOROWID@", "WITHOUT ROWID", ""}};
  for (const auto& t : kTokens) {
    for (size_t at = sql.find(t[0]); at != std::string::npos; at = sql.find(t[0], at)) {
      sql.replace(at, std::strlen(t[0]), t[pg ? 2 : 1]);
    }
  }
  return sql;
}

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
    s = db->ExecScript(ForEngine(m.both, pg) + (pg ? m.postgres : m.sqlite));
    if (s.ok()) {
      std::string v = std::to_string(m.version);
      s = db->Exec(
          "INSERT INTO meta(key, value) VALUES('schema_version', $1) ON CONFLICT(key) DO UPDATE SET value = "
          "excluded.value",
          {std::string_view(v)});
    }
  }
  if (s.ok()) s = db->ExecScript(ForEngine(kSideTables, pg) + (pg ? kSideTablesPostgres : ""));
  if (!s.ok()) {
    db->Rollback();
    return s;
  }
  return db->Commit();
}

}  // namespace newsgraph::store
