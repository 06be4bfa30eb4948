// The Store written once over the SQL layer (store/sql.h); the two engines differ only in
// DDL (schema.cc), the full-text clauses (FTS5 bm25 vs tsvector ts_rank_cd) and how a
// write transaction begins. See store.h for the contract and docs/store.md for the schema.
#include "store/sql_store.h"

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>
#include <tuple>

#include "core/json.h"
#include "core/utf8.h"
#include "store/query.h"
#include "store/schema.h"
#include "store/sql.h"
#include "stories/sketch.h"
#include "stories/story_index.h"

namespace newsgraph::store {
namespace {

using stories::Sketch;

std::string_view SV(const std::string& s) { return s; }

// Identity of an event inside a story: reposts of one report code the same actors and
// action, so they share the key (and count once, with one mention per report).
std::string EventKey(const Event& e) {
  return NormalizeName(e.source_code.empty() ? e.source : e.source_code) + "|" +
         NormalizeName(e.target_code.empty() ? e.target : e.target_code) + "|" + e.cameo;
}

const std::string& LshInsertSql() {
  static const std::string sql = [] {
    std::string s = "INSERT INTO lsh(band_key, article) VALUES ";
    for (int b = 0; b < stories::kBands; ++b) {
      s += (b ? ",($" : "($") + std::to_string(b + 1) + ",$" + std::to_string(stories::kBands + 1) + ")";
    }
    return s + " ON CONFLICT DO NOTHING";
  }();
  return sql;
}

// FTS5 query from user text: words and "quoted phrases" become quoted FTS5 strings (so
// no user character is syntax), OR between terms is kept, a trailing * is a prefix.
std::string Fts5Query(std::string_view text) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    if (i >= text.size()) break;
    std::string term;
    bool phrase = text[i] == '"';
    if (phrase) {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      term = std::string(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
      term = std::string(text.substr(i, end - i));
      i = end;
    }
    if (!phrase && term == "OR") {
      if (!terms.empty() && terms.back() != "OR") terms.push_back("OR");
      continue;
    }
    bool prefix = !phrase && term.size() > 1 && term.back() == '*';
    if (prefix) term.pop_back();
    std::string quoted = "\"";
    bool any = false;
    for (char c : term) {
      auto u = static_cast<unsigned char>(c);
      bool word = u >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
      quoted += word ? c : ' ';
      any |= word;
    }
    if (!any) continue;
    quoted += "\"";
    if (prefix) quoted += "*";
    terms.push_back(quoted);
  }
  while (!terms.empty() && terms.back() == "OR") terms.pop_back();
  std::string q;
  for (const std::string& t : terms) q += (q.empty() ? "" : " ") + t;
  return q;
}

// Bound parameters that own their text: conditions append "$N" placeholders.
class Params {
 public:
  std::string Add(std::string v) {
    owned_.push_back(std::move(v));
    params_.emplace_back(std::string_view(owned_.back()));
    return "$" + std::to_string(params_.size());
  }
  std::string Add(int64_t v) {
    params_.emplace_back(v);
    return "$" + std::to_string(params_.size());
  }
  const std::vector<Param>& get() const { return params_; }

 private:
  std::deque<std::string> owned_;
  std::vector<Param> params_;
};

}  // namespace

}  // namespace newsgraph::store

namespace newsgraph {

PreparedArticle PrepareArticle(Analysis analysis) {
  PreparedArticle p;
  p.analysis = std::move(analysis);
  const Analysis& a = p.analysis;
  // What the tables do not hold (see schema version 3).
  p.stored_json = ToJson(a, JsonOmit{.body = true, .entity_mentions = true, .quotes = true, .events = true})
                      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  p.sketch = stories::ComputeSketch(a.body);
  p.band_keys = stories::BandKeys(p.sketch);
  for (const Entity& e : a.entities) p.entity_norms.push_back(NormalizeName(e.name));
  for (const Quote& q : a.quotes) p.speaker_norms.push_back(NormalizeName(q.speaker));
  for (const Event& e : a.events) p.event_keys.push_back(store::EventKey(e));
  return p;
}

Status Store::PutPrepared(const std::vector<PreparedArticle>& batch, size_t* inserted) {
  std::vector<Analysis> analyses;
  analyses.reserve(batch.size());
  for (const PreparedArticle& p : batch) analyses.push_back(p.analysis);
  return Put(analyses, inserted);
}

StatusOr<EventPage> Store::FindEvents(const EventQuery& q) {
  EventQuery all = q;
  all.limit = std::numeric_limits<int>::max();
  all.offset = 0;
  auto rows = Events(all);
  if (!rows.ok()) return rows.status();
  EventPage page;
  page.total = static_cast<int64_t>(rows->size());
  size_t from = std::min(rows->size(), static_cast<size_t>(std::max(q.offset, 0)));
  size_t to = std::min(rows->size(), from + static_cast<size_t>(std::max(q.limit, 0)));
  page.events.assign(std::make_move_iterator(rows->begin() + from), std::make_move_iterator(rows->begin() + to));
  return page;
}

StatusOr<int64_t> Store::CountEntities(std::string_view q) {
  auto rows = ListEntities(q, std::numeric_limits<int>::max(), 0);
  if (!rows.ok()) return rows.status();
  return static_cast<int64_t>(rows->size());
}

}  // namespace newsgraph

namespace newsgraph::store {

SqlStore::SqlStore(std::unique_ptr<SqlDb> db) : db_(std::move(db)) {}
SqlStore::~SqlStore() = default;

StatusOr<std::unique_ptr<Store>> SqlStore::Create(std::unique_ptr<SqlDb> db) {
  Status s = Migrate(db.get());
  if (!s.ok()) return s;
  return std::unique_ptr<Store>(new SqlStore(std::move(db)));
}

bool SqlStore::pg() const { return db_->dialect() == Dialect::kPostgres; }

Status SqlStore::Put(const std::vector<Analysis>& batch, size_t* inserted) {
  std::vector<PreparedArticle> prepared;
  prepared.reserve(batch.size());
  for (const Analysis& a : batch) prepared.push_back(PrepareArticle(a));
  return PutPrepared(prepared, inserted);
}

Status SqlStore::PutPrepared(const std::vector<PreparedArticle>& batch, size_t* inserted) {
  // Writers that collide (PostgreSQL deadlock, a concurrent insert of the same article)
  // roll back and retry the whole batch: it is idempotent.
  std::mt19937 rng(std::random_device{}());
  Status s;
  for (int attempt = 0; attempt < 20; ++attempt) {
    size_t n = 0;
    s = PutOnce(batch, &n);
    if (s.ok()) {
      if (inserted) *inserted = n;
      return SettleStories();
    }
    if (!db_->LastErrorRetryable()) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % (20 * (attempt + 1))));
  }
  return s;
}

// One batch in one transaction, in phases that take locks in a global order, so that
// concurrent PostgreSQL writers wait for each other but never deadlock:
//   1. read only: skip stored articles and find the stories of the rest (AssignStories;
//      a new story is named after the first article that has it);
//   2. entities, sorted by (norm, type), then their aliases and titles, sorted;
//   3. the stories this batch founds, sorted by id;
//   4. articles, sorted by id, each with its children. An article that a concurrent
//      writer stored meanwhile is skipped (ON CONFLICT DO NOTHING).
Status SqlStore::PutOnce(const std::vector<PreparedArticle>& batch, size_t* inserted) {
  batch_entities_.clear();
  batch_names_.clear();
  Status s = db_->Begin();
  if (s.ok()) s = PutPhases(batch, inserted);
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    db_->Rollback();
    return s;
  }
  for (auto& [key, known] : batch_entities_) known_entities_[key] = known;
  known_names_.merge(batch_names_);
  return s;
}

Status SqlStore::PutPhases(const std::vector<PreparedArticle>& batch, size_t* inserted) {
  std::vector<Pending> pending;
  std::vector<std::string_view> seen;
  for (const PreparedArticle& prepared : batch) {
    const Analysis& a = prepared.analysis;
    if (a.id.empty()) return Status::InvalidArgument("store: article without id (source " + a.source + ")");
    if (std::find(seen.begin(), seen.end(), std::string_view(a.id)) != seen.end()) continue;
    seen.push_back(a.id);
    std::vector<Row> rows;
    Status s = db_->Exec("SELECT 1 FROM articles WHERE id = $1", {SV(a.id)}, &rows);
    if (!s.ok()) return s;
    if (!rows.empty()) continue;
    pending.push_back(Pending{&prepared, &a, {}});
  }
  if (pending.empty()) return Status::Ok();
  std::vector<std::pair<std::string, std::vector<std::string>>> merges;
  if (Status s = AssignStories(&pending, &merges); !s.ok()) return s;
  // SQLite writers hold the database's write lock from the start of the batch, so stored
  // stories that the batch joins are folded now; PostgreSQL folds them when the batch's
  // articles are settled (SettleStories), one settler at a time.
  if (!pg()) {
    for (const auto& [survivor, dead] : merges) {
      if (Status s = FoldStories(survivor, dead); !s.ok()) return s;
    }
  }

  // 2. Entities.
  struct EntityKey {
    std::string norm;
    const char* type;
    const Entity* e;
    bool operator<(const EntityKey& o) const {
      int c = norm.compare(o.norm);
      return c != 0 ? c < 0 : std::strcmp(type, o.type) < 0;
    }
  };
  std::vector<EntityKey> ents;
  for (const Pending& p : pending) {
    for (size_t i = 0; i < p.a->entities.size(); ++i) {
      const Entity& e = p.a->entities[i];
      const std::string& norm = p.p->entity_norms[i];
      if (!norm.empty()) ents.push_back(EntityKey{norm, EntityTypeName(e.type), &e});
    }
  }
  std::stable_sort(ents.begin(), ents.end());
  std::map<std::pair<std::string, std::string>, int64_t> ids;
  struct NameRow {
    int64_t id;
    std::string kind, value, norm;
    bool operator<(const NameRow& o) const { return std::tie(id, kind, value) < std::tie(o.id, o.kind, o.value); }
  };
  std::vector<NameRow> names;
  std::map<EntityMapKey, bool> has_country;  // per entity of this batch
  for (const EntityKey& k : ents) {
    auto key = std::make_pair(k.norm, std::string(k.type));
    auto it = ids.find(key);
    if (it == ids.end()) {
      auto known = known_entities_.find(key);
      if (known != known_entities_.end() && (known->second.has_country || k.e->country.empty())) {
        it = ids.emplace(key, known->second.id).first;
        has_country[key] = known->second.has_country;
      } else {
        bool country = false;
        auto id = EnsureEntity(k.norm, k.type, *k.e, &country);
        if (!id.ok()) return id.status();
        it = ids.emplace(key, *id).first;
        has_country[key] = country;
        batch_entities_[key] = KnownEntity{*id, country};
      }
    } else if (!k.e->country.empty() && !has_country[key]) {
      Status s =
          db_->Exec("UPDATE entities SET country = $1 WHERE id = $2 AND country = ''", {SV(k.e->country), it->second});
      if (!s.ok()) return s;
      has_country[key] = true;
      batch_entities_[key] = KnownEntity{it->second, true};
    }
    for (const std::string& alias : k.e->aliases) names.push_back({it->second, "alias", alias, NormalizeName(alias)});
    if (!k.e->title.empty()) names.push_back({it->second, "title", k.e->title, NormalizeName(k.e->title)});
  }
  std::sort(names.begin(), names.end());
  names.erase(
      std::unique(names.begin(), names.end(), [](const NameRow& x, const NameRow& y) { return !(x < y) && !(y < x); }),
      names.end());
  for (const NameRow& n : names) {
    if (n.norm.empty()) continue;
    NameKey name_key{n.id, n.kind, n.value};
    if (known_names_.count(name_key) != 0) continue;
    batch_names_.insert(std::move(name_key));
    Status s =
        db_->Exec("INSERT INTO entity_names(entity_id, kind, value, norm) VALUES($1,$2,$3,$4) ON CONFLICT DO NOTHING",
                  {n.id, SV(n.kind), SV(n.value), SV(n.norm)});
    if (!s.ok()) return s;
  }

  // 3. Stories founded here.
  std::vector<const Pending*> order;
  for (const Pending& p : pending) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const Pending* x, const Pending* y) { return x->a->id < y->a->id; });
  for (const Pending* p : order) {
    if (p->story != p->a->id) continue;
    Status s = db_->Exec("INSERT INTO stories(id, title, first_article) VALUES($1,$2,$3) ON CONFLICT(id) DO NOTHING",
                         {SV(p->story), SV(p->a->title), SV(p->a->id)});
    if (!s.ok()) return s;
  }

  // 4. Articles.
  fts_rows_.clear();
  for (const Pending* p : order) {
    Status s = InsertArticle(*p, ids, inserted);
    if (!s.ok()) return s;
  }
  // The full-text rows last: FTS5 flushes its pending index at every statement savepoint
  // once it has been written in a transaction, so rows added between the other inserts
  // would each become a segment of their own; added together they make one per batch.
  for (const auto& [rid, a] : fts_rows_) {
    Status s = db_->Exec("INSERT INTO articles_fts(rowid, title, body) VALUES($1,$2,$3)", {rid, SV(a->title), SV(a->body)});
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

StatusOr<int64_t> SqlStore::EnsureEntity(const std::string& norm, const char* type, const Entity& e,
                                         bool* has_country) {
  // Read first: an existing entity is not locked (a country is filled in only when missing).
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT id, country FROM entities WHERE norm = $1 AND type = $2",
                       {SV(norm), std::string_view(type)}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) {
    s = db_->Exec(
        "INSERT INTO entities(norm, type, name, country) VALUES($1,$2,$3,$4) ON CONFLICT(norm, type) DO NOTHING "
        "RETURNING id, country",
        {SV(norm), std::string_view(type), SV(e.name), SV(e.country)}, &rows);
    if (!s.ok()) return s;
    if (rows.empty()) {  // a concurrent writer created it
      s = db_->Exec("SELECT id, country FROM entities WHERE norm = $1 AND type = $2",
                    {SV(norm), std::string_view(type)}, &rows);
      if (!s.ok()) return s;
      if (rows.empty()) return Status::Internal("store: entity vanished: " + e.name);
    }
  }
  int64_t id = rows[0][0].Int();
  *has_country = !rows[0][1].text.empty();
  if (!*has_country && !e.country.empty()) {
    s = db_->Exec("UPDATE entities SET country = $1 WHERE id = $2 AND country = ''", {SV(e.country), id});
    if (!s.ok()) return s;
    *has_country = true;
  }
  return id;
}

Status SqlStore::InsertArticle(const Pending& p, const std::map<std::pair<std::string, std::string>, int64_t>& ids,
                               size_t* inserted) {
  const Analysis& a = *p.a;
  const PreparedArticle& prepared = *p.p;
  // Corpus entity of each entity of the article (0: none, its name normalises to nothing).
  std::vector<int64_t> corpus(a.entities.size(), 0);
  for (size_t i = 0; i < a.entities.size(); ++i) {
    auto it = ids.find({prepared.entity_norms[i], EntityTypeName(a.entities[i].type)});
    if (it != ids.end()) corpus[i] = it->second;
  }
  std::vector<Row> rows;
  Status s = db_->Exec(
      "INSERT INTO articles(id, story_id, title, published, dateline, url, source, language, byline, body, tone, "
      "analysis) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) ON CONFLICT(id) DO NOTHING RETURNING rid",
      {SV(a.id), SV(p.story), SV(a.title), SV(a.published), SV(a.dateline), SV(a.url), SV(a.source), SV(a.language),
       SV(a.byline), SV(a.body), a.tone.score, SV(prepared.stored_json)},
      &rows);
  if (!s.ok() || rows.empty()) return s;  // empty: a concurrent writer stored it first
  int64_t rid = rows[0][0].Int();
  ++*inserted;
  if (!pg()) fts_rows_.emplace_back(rid, &a);
  std::vector<uint8_t> bytes = stories::EncodeSketch(prepared.sketch);
  s = db_->Exec("INSERT INTO sketches(article, sketch, story_id) VALUES($1,$2,$3)",
                {rid, Blob{std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size())}, SV(p.story)});
  if (!s.ok()) return s;
  if (pg()) {
    if (s = db_->Exec("INSERT INTO story_pending(article) VALUES($1)", {rid}); !s.ok()) return s;
  }
  std::vector<Param> lsh(prepared.band_keys.begin(), prepared.band_keys.end());
  lsh.emplace_back(rid);
  if (s = db_->Exec(LshInsertSql(), lsh); !s.ok()) return s;

  std::map<std::string_view, int64_t> corpus_id;  // local entity id -> corpus entity id
  std::vector<Param> values, mentions;
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    for (const Span& m : e.mentions) {
      mentions.insert(mentions.end(),
                      {rid, corpus[i], static_cast<int64_t>(m.start), static_cast<int64_t>(m.end), SV(e.id)});
    }
    if (corpus[i] == 0) continue;
    corpus_id.emplace(e.id, corpus[i]);
    values.insert(values.end(), {rid, SV(e.id), corpus[i], SV(e.title), static_cast<int64_t>(e.mentions.size())});
  }
  if (s = InsertRows("INSERT INTO article_entities(article, local_id, entity_id, title, mentions) VALUES ", 5, values,
                     " ON CONFLICT DO NOTHING");
      !s.ok()) {
    return s;
  }
  // A span given twice for one entity is kept once (SQLite: the primary key).
  if (s = InsertRows("INSERT INTO mentions(article, entity_id, start_byte, end_byte, local_id) VALUES ", 5, mentions,
                     " ON CONFLICT DO NOTHING");
      !s.ok()) {
    return s;
  }
  values.clear();
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote& q = a.quotes[i];
    auto it = corpus_id.find(q.speaker_id);
    Param speaker_entity = it == corpus_id.end() ? Param(Null{}) : Param(it->second);
    values.insert(values.end(), {rid, static_cast<int64_t>(i), SV(q.text), static_cast<int64_t>(q.span.start),
                                 static_cast<int64_t>(q.span.end), SV(q.speaker), SV(prepared.speaker_norms[i]),
                                 speaker_entity,
                                 SV(q.cue), SV(q.speaker_id)});
  }
  if (s = InsertRows(
          "INSERT INTO quotes(article, idx, text, start_byte, end_byte, speaker, speaker_norm, speaker_entity, cue, "
          "speaker_id) VALUES ",
          10, values);
      !s.ok()) {
    return s;
  }
  values.clear();
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    values.insert(values.end(), {rid,
                                 static_cast<int64_t>(i),
                                 SV(p.story),
                                 SV(prepared.event_keys[i]),
                                 SV(e.source),
                                 SV(e.source_code),
                                 SV(e.source_detail),
                                 SV(e.target),
                                 SV(e.target_code),
                                 SV(e.target_detail),
                                 SV(e.cameo),
                                 SV(e.root),
                                 static_cast<int64_t>(e.quad_class),
                                 e.goldstein,
                                 SV(e.location),
                                 SV(e.when),
                                 SV(e.date),
                                 static_cast<int64_t>(e.sentence),
                                 SV(e.evidence),
                                 static_cast<int64_t>(e.evidence_span.start),
                                 static_cast<int64_t>(e.evidence_span.end),
                                 SV(e.rule),
                                 SV(EventDay(e, a.published))});
  }
  return InsertRows(
      "INSERT INTO events(article, idx, story_id, event_key, source, source_code, source_detail, target, "
      "target_code, target_detail, cameo, root, quad_class, goldstein, location, when_text, date, sentence, "
      "evidence, evidence_start, evidence_end, rule, day) VALUES ",
      23, values);
}

Status SqlStore::InsertRows(std::string_view head, size_t columns, const std::vector<Param>& values,
                            std::string_view tail) {
  // Up to kRowsPerInsert rows per statement; the text of each shape is built once.
  constexpr size_t kRowsPerInsert = 32;
  size_t rows = values.size() / columns;
  std::vector<Param> chunk;
  for (size_t at = 0; at < rows; at += kRowsPerInsert) {
    size_t n = std::min(kRowsPerInsert, rows - at);
    std::string& sql = insert_sql_[std::make_tuple(head.data(), columns, n)];
    if (sql.empty()) {
      sql = head;
      int next = 1;
      for (size_t r = 0; r < n; ++r) {
        sql += r ? ",(" : "(";
        for (size_t c = 0; c < columns; ++c) sql += (c ? ",$" : "$") + std::to_string(next++);
        sql += ")";
      }
      sql += tail;
    }
    chunk.assign(values.begin() + static_cast<long>(at * columns),
                 values.begin() + static_cast<long>((at + n) * columns));
    if (Status s = db_->Exec(sql, chunk); !s.ok()) return s;
  }
  return Status::Ok();
}

StatusOr<bool> SqlStore::Contains(std::string_view article_id) {
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT 1 FROM articles WHERE id = $1", {article_id}, &rows);
  if (!s.ok()) return s;
  return !rows.empty();
}

StatusOr<Analysis> SqlStore::ArticleFromRow(const Row& r, int64_t rid) {
  // r: analysis, body
  nlohmann::json j = nlohmann::json::parse(r[0].text, nullptr, false);
  if (j.is_discarded()) return Status::Corrupt("store: stored analysis is not JSON");
  auto a = AnalysisFromJson(j);
  if (!a.ok()) return a.status();
  a->body = r[1].text;
  if (j.contains("events")) return a;  // written by schema version 2: the JSON is whole
  if (Status s = LoadChildren(rid, &*a); !s.ok()) return s;
  // Unnamed speakers' roles (core/json.cc "quote_roles": quote index -> words).
  if (auto roles = j.find("quote_roles"); roles != j.end() && roles->is_object()) {
    for (const auto& [idx, role] : roles->items()) {
      size_t i = std::strtoul(idx.c_str(), nullptr, 10);
      if (i < a->quotes.size() && role.is_string()) a->quotes[i].speaker_role = role.get<std::string>();
    }
  }
  return a;
}

Status SqlStore::LoadChildren(int64_t rid, Analysis* a) {
  std::vector<Row> rows;
  Status s = db_->Exec(
      "SELECT local_id, start_byte, end_byte FROM mentions WHERE article = $1 ORDER BY local_id, start_byte, end_byte",
      {rid}, &rows);
  if (!s.ok()) return s;
  std::map<std::string_view, Entity*> by_id;
  for (Entity& e : a->entities) by_id.emplace(e.id, &e);
  for (const Row& m : rows) {
    auto it = by_id.find(m[0].text);
    if (it == by_id.end()) return Status::Corrupt("store: mention of unknown entity " + m[0].text);
    it->second->mentions.push_back(Span{static_cast<uint32_t>(m[1].Int()), static_cast<uint32_t>(m[2].Int())});
  }
  rows.clear();
  s = db_->Exec(
      "SELECT text, start_byte, end_byte, speaker, speaker_id, cue FROM quotes WHERE article = $1 ORDER BY idx", {rid},
      &rows);
  if (!s.ok()) return s;
  for (Row& q : rows) {
    a->quotes.push_back(Quote{std::move(q[0].text), Span{static_cast<uint32_t>(q[1].Int()), static_cast<uint32_t>(q[2].Int())},
                              std::move(q[3].text), std::move(q[4].text), std::move(q[5].text)});
  }
  rows.clear();
  s = db_->Exec(
      "SELECT source, source_code, source_detail, target, target_code, target_detail, cameo, root, quad_class, "
      "goldstein, location, when_text, date, sentence, evidence, evidence_start, evidence_end, rule FROM events "
      "WHERE article = $1 ORDER BY idx",
      {rid}, &rows);
  if (!s.ok()) return s;
  for (Row& r : rows) {
    Event& e = a->events.emplace_back();
    e.source = std::move(r[0].text);
    e.source_code = std::move(r[1].text);
    e.source_detail = std::move(r[2].text);
    e.target = std::move(r[3].text);
    e.target_code = std::move(r[4].text);
    e.target_detail = std::move(r[5].text);
    e.cameo = std::move(r[6].text);
    e.root = std::move(r[7].text);
    e.quad_class = static_cast<int>(r[8].Int());
    e.goldstein = r[9].Real();
    e.location = std::move(r[10].text);
    e.when = std::move(r[11].text);
    e.date = std::move(r[12].text);
    e.sentence = static_cast<int>(r[13].Int());
    e.evidence = std::move(r[14].text);
    e.evidence_span = Span{static_cast<uint32_t>(r[15].Int()), static_cast<uint32_t>(r[16].Int())};
    e.rule = std::move(r[17].text);
  }
  return Status::Ok();
}

StatusOr<Analysis> SqlStore::GetArticle(std::string_view article_id) {
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT analysis, body, rid FROM articles WHERE id = $1", {article_id}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound("no article " + std::string(article_id));
  return ArticleFromRow(rows[0], rows[0][2].Int());
}

StatusOr<std::string> SqlStore::StoryOf(std::string_view article_id) {
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT story_id FROM articles WHERE id = $1", {article_id}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound("no article " + std::string(article_id));
  return rows[0][0].text;
}

Status SqlStore::ForEachArticle(const std::function<bool(const Analysis&, const std::string&)>& fn) {
  int64_t after = 0;
  while (true) {
    std::vector<Row> rows;
    Status s = db_->Exec("SELECT analysis, body, story_id, rid FROM articles WHERE rid > $1 ORDER BY rid LIMIT 256",
                         {after}, &rows);
    if (!s.ok()) return s;
    if (rows.empty()) return Status::Ok();
    for (const Row& r : rows) {
      auto a = ArticleFromRow(r, r[3].Int());
      if (!a.ok()) return a.status();
      if (!fn(*a, r[2].text)) return Status::Ok();
      after = r[3].Int();
    }
  }
}

StatusOr<SearchResult> SqlStore::Search(const SearchQuery& q) {
  Params p;
  std::string text_cond, from = "articles a", score = "0.0", order = "a.published DESC, a.rid DESC";
  std::string snippet = "substr(a.body, 1, 240)";
  bool fts = false;
  if (!q.text.empty()) {
    if (pg()) {
      std::string t = p.Add(q.text);
      from = "articles a, websearch_to_tsquery('english', " + t + ") AS tq";
      text_cond = "a.tsv @@ tq";
      score = "ts_rank_cd(a.tsv, tq)";
      order = "score DESC, a.rid";
      fts = true;
    } else {
      std::string fq = Fts5Query(q.text);
      if (!fq.empty()) {
        std::string t = p.Add(fq);
        from = "articles_fts JOIN articles a ON a.rid = articles_fts.rowid";
        text_cond = "articles_fts MATCH " + t;
        score = "-bm25(articles_fts, 4.0, 1.0)";
        snippet = "snippet(articles_fts, 1, '[', ']', '...', 24)";
        order = "bm25(articles_fts, 4.0, 1.0), articles_fts.rowid";
        fts = true;
      }
    }
  }
  std::vector<std::string> conds;
  if (!text_cond.empty()) conds.push_back(text_cond);
  if (!q.entity.empty()) {
    std::string n = p.Add(NormalizeName(q.entity));
    conds.push_back(
        "a.rid IN (SELECT ae.article FROM article_entities ae WHERE ae.entity_id IN (SELECT id FROM "
        "entities WHERE norm = " +
        n + " UNION SELECT entity_id FROM entity_names WHERE kind = 'alias' AND norm = " + n + "))");
  }
  if (!q.speaker.empty()) {
    std::string n = p.Add(NormalizeName(q.speaker));
    conds.push_back("a.rid IN (SELECT article FROM quotes WHERE speaker_norm = " + n +
                    " OR speaker_entity IN (SELECT id FROM entities WHERE norm = " + n +
                    " UNION SELECT entity_id FROM entity_names WHERE kind = 'alias' AND norm = " + n + "))");
  }
  if (!q.cameo.empty()) {
    std::string c = p.Add(q.cameo);
    conds.push_back("a.rid IN (SELECT article FROM events WHERE substr(cameo, 1, length(CAST(" + c +
                    " AS TEXT))) = " + c + ")");
  }
  if (!q.from.empty()) conds.push_back("a.published >= " + p.Add(q.from) + " AND a.published <> ''");
  if (!q.to.empty()) conds.push_back("a.published <= " + p.Add(q.to) + " AND a.published <> ''");
  if (!q.story.empty()) conds.push_back("a.story_id = " + p.Add(q.story));
  std::string where;
  for (const std::string& c : conds) where += (where.empty() ? " WHERE " : " AND ") + c;

  SearchResult result;
  std::vector<Row> rows;
  // SQLite without filters counts on the full-text index alone.
  bool fts_only = fts && !pg() && conds.size() == 1;
  Status s = db_->Exec(
      fts_only ? "SELECT COUNT(*) FROM articles_fts WHERE " + text_cond : "SELECT COUNT(*) FROM " + from + where,
      p.get(), &rows);
  if (!s.ok()) return s;
  result.total = rows.empty() ? 0 : rows[0][0].Int();

  Params page = p;
  std::string limit = page.Add(static_cast<int64_t>(std::max(0, q.limit)));
  std::string offset = page.Add(static_cast<int64_t>(std::max(0, q.offset)));
  std::string sql;
  if (pg() && fts) {
    // ts_headline only for the page's rows.
    sql =
        "SELECT h.id, h.title, h.url, h.published, h.story_id, ts_headline('english', h.body, "
        "websearch_to_tsquery('english', $1), 'StartSel=[, StopSel=], MaxWords=35, MinWords=15, "
        "MaxFragments=1'), h.score FROM (SELECT a.id, a.title, a.url, a.published, a.story_id, a.body, " +
        score + " AS score, a.rid FROM " + from + where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " +
        offset + ") AS h ORDER BY h.score DESC, h.rid";
  } else if (fts) {
    // Rank first (bm25 over every match is the cost), then build snippets for the page only:
    // SQLite would otherwise compute a snippet for every match before sorting.
    sql = fts_only ? "SELECT rowid, " + score + " FROM articles_fts WHERE " + text_cond + " ORDER BY " + order
                   : "SELECT a.rid, " + score + " AS score FROM " + from + where + " ORDER BY " + order;
    sql += " LIMIT " + limit + " OFFSET " + offset;
  } else {
    sql = "SELECT a.id, a.title, a.url, a.published, a.story_id, " + snippet + ", " + score + " AS score FROM " + from +
          where + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset;
  }
  rows.clear();
  s = db_->Exec(sql, page.get(), &rows);
  if (!s.ok()) return s;
  if (fts && !pg() && !rows.empty()) {
    // One pass over the full-text index for the page's snippets, then back in rank order.
    std::vector<Row> ranked = std::move(rows);
    rows.clear();
    std::vector<Param> params{p.get()[0]};
    std::string in;
    for (const Row& r : ranked) {
      params.emplace_back(r[0].Int());
      in += (in.empty() ? "$" : ",$") + std::to_string(params.size());
    }
    std::vector<Row> found;
    s = db_->Exec("SELECT a.id, a.title, a.url, a.published, a.story_id, " + snippet +
                      ", articles_fts.rowid FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid WHERE "
                      "articles_fts MATCH $1 AND articles_fts.rowid IN (" +
                      in + ")",
                  params, &found);
    if (!s.ok()) return s;
    std::map<int64_t, Row*> by_rid;
    for (Row& f : found) by_rid[f[6].Int()] = &f;
    for (const Row& r : ranked) {
      auto it = by_rid.find(r[0].Int());
      if (it == by_rid.end()) continue;
      Row row = std::move(*it->second);
      row[6] = r[1];  // the score
      rows.push_back(std::move(row));
    }
  }
  for (const Row& r : rows) {
    SearchHit h{r[0].text, r[1].text, r[2].text, r[3].text, r[4].text, r[5].text, r[6].Real()};
    if (!fts && h.snippet.size() >= 240) h.snippet += "...";
    result.hits.push_back(std::move(h));
  }
  if (!result.hits.empty()) {
    // The size of each hit's story, for "+N reposts".
    std::vector<Param> ids;
    std::string in;
    for (const SearchHit& h : result.hits) {
      ids.emplace_back(std::string_view(h.story_id));
      in += (in.empty() ? "$" : ",$") + std::to_string(ids.size());
    }
    std::vector<Row> sizes;
    s = db_->Exec("SELECT story_id, COUNT(*) FROM articles WHERE story_id IN (" + in + ") GROUP BY story_id", ids,
                  &sizes);
    if (!s.ok()) return s;
    std::map<std::string, int64_t> by_story;
    for (const Row& r : sizes) by_story[r[0].text] = r[1].Int();
    for (SearchHit& h : result.hits) h.story_articles = std::max<int64_t>(1, by_story[h.story_id]);
  }
  if (!q.facets || result.total == 0) return result;

  std::string m = "SELECT a.rid FROM " + from + where;
  auto facet = [&](const std::string& fsql, std::vector<Facet>* out) {
    std::vector<Row> fr;
    Status fs = db_->Exec(fsql, p.get(), &fr);
    for (const Row& r : fr) out->push_back(Facet{r[0].text, r[1].Int()});
    return fs;
  };
  // Facets count stories: reposts of one report count once.
  if (s = facet("SELECT e.name, COUNT(DISTINCT fa.story_id) AS n FROM entities e JOIN article_entities ae ON "
                "ae.entity_id = e.id JOIN articles fa ON fa.rid = ae.article WHERE ae.article IN (" +
                    m + ") GROUP BY e.id, e.name ORDER BY n DESC, e.name LIMIT 10",
                &result.entities);
      !s.ok()) {
    return s;
  }
  if (s = facet("SELECT q.speaker, COUNT(DISTINCT fa.story_id) AS n FROM quotes q JOIN articles fa ON fa.rid = "
                "q.article WHERE q.speaker <> '' AND q.article IN (" +
                    m + ") GROUP BY q.speaker ORDER BY n DESC, q.speaker LIMIT 10",
                &result.speakers);
      !s.ok()) {
    return s;
  }
  if (s = facet("SELECT ev.root, COUNT(DISTINCT ev.story_id) AS n FROM events ev WHERE ev.root <> '' AND "
                "ev.article IN (" +
                    m + ") GROUP BY ev.root ORDER BY n DESC, ev.root LIMIT 20",
                &result.cameo_roots);
      !s.ok()) {
    return s;
  }
  std::vector<Row> story_count;
  if (s = db_->Exec("SELECT COUNT(DISTINCT a.story_id) FROM " + from + where, p.get(), &story_count); !s.ok()) return s;
  result.stories = story_count.empty() ? 0 : story_count[0][0].Int();
  const std::string dated = from + where + (where.empty() ? " WHERE " : " AND ") + "a.published <> ''";
  s = facet("SELECT a.published, COUNT(DISTINCT a.story_id) AS n FROM " + dated +
                " GROUP BY a.published ORDER BY a.published DESC LIMIT 60",
            &result.dates);
  if (!s.ok() || !q.timeline) return s.ok() ? StatusOr<SearchResult>(std::move(result)) : s;
  std::vector<Row> days;
  s = db_->Exec("SELECT a.published, COUNT(*), COUNT(DISTINCT a.story_id), AVG(a.tone) FROM " + dated +
                    " GROUP BY a.published ORDER BY a.published",
                p.get(), &days);
  if (!s.ok()) return s;
  for (const Row& r : days) result.timeline.push_back(DayVolume{r[0].text, r[1].Int(), r[2].Int(), r[3].Real()});
  return result;
}

namespace {
constexpr const char* kStorySelect =
    "SELECT s.id, s.title, COUNT(a.rid), COALESCE(MIN(NULLIF(a.published, '')), ''), "
    "COALESCE(MAX(NULLIF(a.published, '')), '') FROM stories s JOIN articles a ON a.story_id = s.id ";
StorySummary StoryFromRow(const Row& r) {
  StorySummary st;
  st.id = r[0].text;
  st.title = r[1].text;
  st.articles = r[2].Int();
  st.first_published = r[3].text;
  st.last_published = r[4].text;
  return st;
}
}  // namespace

StatusOr<std::vector<StorySummary>> SqlStore::ListStories(int limit, int offset) {
  std::vector<Row> rows;
  Status s = db_->Exec(
      std::string(kStorySelect) + "GROUP BY s.id, s.title ORDER BY COUNT(a.rid) DESC, s.id LIMIT $1 OFFSET $2",
      {static_cast<int64_t>(limit), static_cast<int64_t>(offset)}, &rows);
  if (!s.ok()) return s;
  std::vector<StorySummary> out;
  for (const Row& r : rows) out.push_back(StoryFromRow(r));
  return out;
}

StatusOr<StorySummary> SqlStore::GetStory(std::string_view story_id) {
  std::vector<Row> rows;
  Status s = db_->Exec(std::string(kStorySelect) + "WHERE s.id = $1 GROUP BY s.id, s.title", {story_id}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound("no story " + std::string(story_id));
  StorySummary st = StoryFromRow(rows[0]);
  rows.clear();
  s = db_->Exec("SELECT id FROM articles WHERE story_id = $1 ORDER BY rid", {story_id}, &rows);
  if (!s.ok()) return s;
  for (const Row& r : rows) st.article_ids.push_back(r[0].text);
  return st;
}

namespace {
constexpr const char* kEntitySelect =
    "SELECT e.id, e.name, e.type, e.country, COUNT(DISTINCT a.story_id) AS stories, "
    "COALESCE(SUM(ae.mentions), 0) AS mentions FROM entities e LEFT JOIN article_entities ae ON ae.entity_id = e.id "
    "LEFT JOIN articles a ON a.rid = ae.article ";
constexpr const char* kEntityGroup = " GROUP BY e.id, e.name, e.type, e.country ";
}  // namespace

Status SqlStore::EntitiesFromRows(const std::vector<Row>& rows, std::vector<EntitySummary>* out) {
  for (const Row& r : rows) {
    EntitySummary e;
    e.id = r[0].Int();
    e.name = r[1].text;
    e.type = r[2].text;
    e.country = r[3].text;
    e.articles = r[4].Int();
    e.mentions = r[5].Int();
    std::vector<Row> names;
    Status s =
        db_->Exec("SELECT kind, value FROM entity_names WHERE entity_id = $1 ORDER BY kind, value", {e.id}, &names);
    if (!s.ok()) return s;
    for (const Row& n : names) (n[0].text == "alias" ? e.aliases : e.titles).push_back(n[1].text);
    out->push_back(std::move(e));
  }
  return Status::Ok();
}

StatusOr<std::vector<EntitySummary>> SqlStore::ListEntities(std::string_view q, int limit, int offset) {
  // A word prefix of the name or of an alias or title; the normalised query holds no LIKE
  // wildcards (NormalizeName keeps letters and digits only).
  std::string norm = NormalizeName(q);
  std::vector<Row> rows;
  Status s = db_->Exec(std::string(kEntitySelect) +
                           "WHERE CAST($1 AS TEXT) = '' OR (' ' || e.norm) LIKE ('% ' || $1 || '%') OR e.id IN (SELECT "
                           "entity_id FROM entity_names WHERE (' ' || norm) LIKE ('% ' || $1 || '%'))" +
                           kEntityGroup + "ORDER BY stories DESC, mentions DESC, e.name LIMIT $2 OFFSET $3",
                       {SV(norm), static_cast<int64_t>(limit), static_cast<int64_t>(offset)}, &rows);
  if (!s.ok()) return s;
  std::vector<EntitySummary> out;
  if (s = EntitiesFromRows(rows, &out); !s.ok()) return s;
  return out;
}

StatusOr<int64_t> SqlStore::CountEntities(std::string_view q) {
  std::string norm = NormalizeName(q);
  std::vector<Row> rows;
  Status s = db_->Exec(
      "SELECT COUNT(*) FROM entities e WHERE CAST($1 AS TEXT) = '' OR (' ' || e.norm) LIKE ('% ' || $1 || '%') OR "
      "e.id IN (SELECT entity_id FROM entity_names WHERE (' ' || norm) LIKE ('% ' || $1 || '%'))",
      {SV(norm)}, &rows);
  if (!s.ok()) return s;
  return rows.empty() ? 0 : rows[0][0].Int();
}

StatusOr<EntitySummary> SqlStore::GetEntity(int64_t id) {
  std::vector<Row> rows;
  Status s = db_->Exec(std::string(kEntitySelect) + "WHERE e.id = $1" + kEntityGroup, {id}, &rows);
  if (!s.ok()) return s;
  if (rows.empty()) return Status::NotFound("no entity " + std::to_string(id));
  std::vector<EntitySummary> out;
  if (s = EntitiesFromRows(rows, &out); !s.ok()) return s;
  return out[0];
}

StatusOr<std::vector<EntitySummary>> SqlStore::CoOccurring(int64_t id, int limit) {
  std::vector<Row> rows;
  Status s = db_->Exec(
      "SELECT e.id, e.name, e.type, e.country, COUNT(DISTINCT a.story_id) AS stories, SUM(ae2.mentions) AS mentions "
      "FROM article_entities ae1 JOIN article_entities ae2 ON ae2.article = ae1.article AND ae2.entity_id <> "
      "ae1.entity_id JOIN entities e ON e.id = ae2.entity_id JOIN articles a ON a.rid = ae1.article "
      "WHERE ae1.entity_id = $1" +
          std::string(kEntityGroup) + "ORDER BY stories DESC, mentions DESC, e.name LIMIT $2",
      {id, static_cast<int64_t>(limit)}, &rows);
  if (!s.ok()) return s;
  std::vector<EntitySummary> out;
  if (s = EntitiesFromRows(rows, &out); !s.ok()) return s;
  return out;
}

StatusOr<std::vector<QuoteRow>> SqlStore::Quotes(std::string_view speaker, int limit, int offset) {
  std::string norm = NormalizeName(speaker);
  std::vector<Row> rows;
  Status s = db_->Exec(
      "SELECT a.id, q.text, q.speaker, q.speaker_entity, q.cue, a.published FROM quotes q JOIN articles a ON a.rid = "
      "q.article WHERE CAST($1 AS TEXT) = '' OR q.speaker_norm = $1 OR q.speaker_entity IN (SELECT id FROM entities "
      "WHERE norm = $1 UNION SELECT entity_id FROM entity_names WHERE kind = 'alias' AND norm = $1) "
      "ORDER BY a.published DESC, a.rid DESC, q.idx LIMIT $2 OFFSET $3",
      {SV(norm), static_cast<int64_t>(limit), static_cast<int64_t>(offset)}, &rows);
  if (!s.ok()) return s;
  std::vector<QuoteRow> out;
  for (const Row& r : rows) {
    out.push_back(QuoteRow{r[0].text, r[1].text, r[2].text, r[3].Int(), r[4].text, r[5].text});
  }
  return out;
}

namespace {

// LIKE pattern for `text` anywhere, with % _ and \ escaped (ESCAPE '\').
std::string LikeAnywhere(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

// The WHERE conditions of an EventQuery over events e JOIN articles a (see store/query.cc).
std::string EventConditions(const EventQuery& q, Params* p, bool sqlite) {
  std::vector<std::string> conds;
  auto actor = [&](const std::string& who, bool source, bool target) {
    std::string n = p->Add(who);
    std::string lower = p->Add(utf8::AsciiLower(who));
    std::string s = "(lower(e.source) = " + lower + " OR e.source_code = " + n + ")";
    std::string t = "(lower(e.target) = " + lower + " OR e.target_code = " + n + ")";
    conds.push_back(source && target ? "(" + s + " OR " + t + ")" : source ? s : t);
  };
  if (!q.actor.empty()) actor(q.actor, true, true);
  if (!q.source.empty()) actor(q.source, true, false);
  if (!q.target.empty()) actor(q.target, false, true);
  if (q.cameo.size() == 2) {
    conds.push_back("e.root = " + p->Add(q.cameo));  // the (root, day) index
  } else if (!q.cameo.empty()) {
    // A prefix as a range of the code index: "17" <= cameo < "18" (codes are digits).
    std::string upper = q.cameo;
    upper.back() = static_cast<char>(upper.back() + 1);
    // With an actor too, SQLite's planner is told (unary +) to start from the actor's index:
    // an actor has far fewer events than a code.
    bool actor = !q.actor.empty() || !q.source.empty() || !q.target.empty();
    std::string col = sqlite && actor ? "+e.cameo" : "e.cameo";
    conds.push_back(col + " >= " + p->Add(q.cameo) + " AND " + col + " < " + p->Add(upper));
  }
  if (!q.location.empty()) conds.push_back("lower(e.location) = " + p->Add(utf8::AsciiLower(q.location)));
  if (q.quad_class != 0) conds.push_back("e.quad_class = " + p->Add(static_cast<int64_t>(q.quad_class)));
  if (!q.story.empty()) conds.push_back("e.story_id = " + p->Add(q.story));
  // `day`: the event's date, else its article's publication date (schema 4).
  if (!q.from.empty()) conds.push_back("e.day >= " + p->Add(q.from) + " AND e.day <> ''");
  if (!q.to.empty()) conds.push_back("e.day <= " + p->Add(q.to) + " AND e.day <> ''");
  std::string where;
  for (const std::string& c : conds) where += (where.empty() ? " WHERE " : " AND ") + c;
  return where;
}

}  // namespace

StatusOr<std::vector<EventRow>> SqlStore::Events(const EventQuery& q) {
  auto page = EventsPage(q, /*count=*/false);
  if (!page.ok()) return page.status();
  return std::move(page->events);
}

StatusOr<EventPage> SqlStore::FindEvents(const EventQuery& q) { return EventsPage(q, /*count=*/true); }

StatusOr<EventPage> SqlStore::EventsPage(const EventQuery& q, bool count) {
  // One row per (story, event key): the first report, with the count of reports; the
  // groups are found on the events table alone (indexes on actors, code, root and day),
  // and only the page's rows are joined to their articles. Newest event day first.
  Params p;
  std::string where = EventConditions(q, &p, !pg());
  std::string groups =
      "SELECT e.story_id, e.event_key, MIN(e.article) AS first, COUNT(*) AS n, COUNT(DISTINCT e.article) AS arts, "
      "MAX(e.day) AS day FROM events e" +
      where + " GROUP BY e.story_id, e.event_key";
  EventPage page;
  std::vector<Row> rows;
  std::string limit = p.Add(static_cast<int64_t>(std::max(0, q.limit)));
  std::string offset = p.Add(static_cast<int64_t>(std::max(0, q.offset)));
  Status s = db_->Exec(
      "WITH g AS (" + groups +
          "), pg AS (SELECT g.*, COUNT(*) OVER () AS total FROM g ORDER BY g.day DESC, g.first DESC LIMIT " + limit +
          " OFFSET " + offset +
          ") "
          "SELECT a.id, pg.story_id, a.published, pg.n, pg.arts, e.source, e.source_code, e.source_detail, e.target, "
          "e.target_code, e.target_detail, e.cameo, e.root, e.quad_class, e.goldstein, e.location, e.when_text, "
          "e.date, e.sentence, e.evidence, e.evidence_start, e.evidence_end, e.rule, pg.total "
          "FROM pg JOIN events e ON e.article = pg.first AND e.event_key = pg.event_key AND e.idx = (SELECT "
          "MIN(e3.idx) FROM events e3 WHERE e3.article = pg.first AND e3.event_key = pg.event_key) JOIN articles a ON "
          "a.rid = pg.first ORDER BY pg.day DESC, pg.first DESC, e.idx",
      p.get(), &rows);
  if (!s.ok()) return s;
  if (count) {
    if (!rows.empty()) {
      page.total = rows[0][23].Int();
    } else if (q.offset > 0 || q.limit <= 0) {  // past the end, or no page asked for: count alone
      std::vector<Row> n;
      if (s = db_->Exec("SELECT COUNT(*) FROM (" + groups + ") AS g", p.get(), &n); !s.ok()) return s;
      page.total = n.empty() ? 0 : n[0][0].Int();
    }
  }
  for (const Row& r : rows) {
    EventRow er;
    er.article_id = r[0].text;
    er.story_id = r[1].text;
    er.published = r[2].text;
    er.mentions = r[3].Int();
    er.articles = r[4].Int();
    Event& e = er.event;
    e.source = r[5].text;
    e.source_code = r[6].text;
    e.source_detail = r[7].text;
    e.target = r[8].text;
    e.target_code = r[9].text;
    e.target_detail = r[10].text;
    e.cameo = r[11].text;
    e.root = r[12].text;
    e.quad_class = static_cast<int>(r[13].Int());
    e.goldstein = r[14].Real();
    e.location = r[15].text;
    e.when = r[16].text;
    e.date = r[17].text;
    e.sentence = static_cast<int>(r[18].Int());
    e.evidence = r[19].text;
    e.evidence_span = Span{static_cast<uint32_t>(r[20].Int()), static_cast<uint32_t>(r[21].Int())};
    e.rule = r[22].text;
    page.events.push_back(std::move(er));
  }
  if (!count) page.total = static_cast<int64_t>(page.events.size());
  return page;
}

StatusOr<QuotePage> SqlStore::FindQuotes(const QuoteQuery& q) {
  Params p;
  std::vector<std::string> conds;
  if (!q.speaker.empty()) {
    std::string n = p.Add(NormalizeName(q.speaker));
    conds.push_back("(q.speaker_norm = " + n + " OR q.speaker_entity IN (SELECT id FROM entities WHERE norm = " + n +
                    " UNION SELECT entity_id FROM entity_names WHERE kind = 'alias' AND norm = " + n + "))");
  }
  for (size_t i = 0; i < q.text.size();) {
    size_t j = q.text.find(' ', i);
    if (j == std::string::npos) j = q.text.size();
    if (j > i) conds.push_back("lower(q.text) LIKE " + p.Add(LikeAnywhere(q.text.substr(i, j - i))) + " ESCAPE '\\'");
    i = j + 1;
  }
  if (!q.from.empty()) conds.push_back("a.published >= " + p.Add(q.from) + " AND a.published <> ''");
  if (!q.to.empty()) conds.push_back("a.published <= " + p.Add(q.to) + " AND a.published <> ''");
  if (!q.story.empty()) conds.push_back("a.story_id = " + p.Add(q.story));
  std::string where;
  for (const std::string& c : conds) where += (where.empty() ? " WHERE " : " AND ") + c;
  const std::string from = " FROM quotes q JOIN articles a ON a.rid = q.article";
  QuotePage page;
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT COUNT(*)" + from + where, p.get(), &rows);
  if (!s.ok()) return s;
  page.total = rows.empty() ? 0 : rows[0][0].Int();
  if (page.total == 0 || q.limit <= 0) return page;
  rows.clear();
  std::string limit = p.Add(static_cast<int64_t>(std::max(0, q.limit)));
  std::string offset = p.Add(static_cast<int64_t>(std::max(0, q.offset)));
  s = db_->Exec(
      "SELECT a.id, q.text, q.speaker, q.speaker_entity, q.cue, a.published, a.title, a.story_id, a.body, "
      "q.start_byte, q.end_byte, a.analysis" +
          from + where + " ORDER BY a.published DESC, a.rid DESC, q.idx LIMIT " + limit + " OFFSET " + offset,
      p.get(), &rows);
  if (!s.ok()) return s;
  for (const Row& r : rows) {
    QuoteRow row{r[0].text, r[1].text, r[2].text, r[3].Int(), r[4].text, r[5].text};
    row.title = r[6].text;
    row.story_id = r[7].text;
    std::vector<Sentence> sentences;
    nlohmann::json j = nlohmann::json::parse(r[11].text, nullptr, false);
    if (j.is_object() && j.contains("sentences") && j["sentences"].is_array()) {
      for (const auto& sj : j["sentences"]) {
        if (!sj.is_object() || !sj.value("start", nlohmann::json()).is_number_unsigned()) continue;
        Sentence sent;
        sent.span = Span{sj["start"].get<uint32_t>(), sj.value("end", 0u)};
        sentences.push_back(sent);
      }
    }
    row.context =
        QuoteContext(r[8].text, sentences, static_cast<uint32_t>(r[9].Int()), static_cast<uint32_t>(r[10].Int()));
    page.quotes.push_back(std::move(row));
  }
  return page;
}

StatusOr<std::vector<Facet>> SqlStore::Facets(const std::string& sql, const std::vector<Param>& params) {
  std::vector<Row> rows;
  Status s = db_->Exec(sql, params, &rows);
  if (!s.ok()) return s;
  std::vector<Facet> out;
  for (const Row& r : rows) out.push_back(Facet{r[0].text, r[1].Int()});
  return out;
}

StatusOr<std::vector<Facet>> SqlStore::TopSpeakers(int limit) {
  return Facets(
      "SELECT COALESCE(e.name, q.speaker) AS who, COUNT(DISTINCT a.story_id) AS n FROM quotes q JOIN articles a ON "
      "a.rid = q.article LEFT JOIN entities e ON e.id = q.speaker_entity WHERE q.speaker <> '' "
      "GROUP BY COALESCE(e.name, q.speaker) ORDER BY n DESC, who LIMIT $1",
      {static_cast<int64_t>(limit)});
}

StatusOr<std::vector<Facet>> SqlStore::EventRoots() {
  return Facets(
      "SELECT root, COUNT(*) AS n FROM (SELECT DISTINCT story_id, event_key, root FROM events) AS d "
      "GROUP BY root ORDER BY root",
      {});
}

namespace {
std::string NowUtc() {
  char now[32];
  std::time_t t = std::time(nullptr);
  std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return now;
}
}  // namespace

Status SqlStore::LogIngest(int64_t inserted, int64_t skipped) {
  std::string now = NowUtc();
  return db_->Exec("INSERT INTO ingest_runs(started, inserted, skipped) VALUES($1,$2,$3)",
                   {SV(now), inserted, skipped});
}

Status SqlStore::RecordInputs(const std::vector<InputFile>& files) {
  if (files.empty()) return Status::Ok();
  std::string now = NowUtc();
  Status s = db_->Begin();
  for (const InputFile& f : files) {
    if (!s.ok()) break;
    s = db_->Exec(
        "INSERT INTO ingest_files(path, bytes, articles, inserted, failed, finished) VALUES($1,$2,$3,$4,$5,$6) "
        "ON CONFLICT(path) DO UPDATE SET bytes = excluded.bytes, articles = excluded.articles, "
        "inserted = excluded.inserted, failed = excluded.failed, finished = excluded.finished",
        {SV(f.path), f.bytes, f.articles, f.inserted, f.failed, SV(f.finished.empty() ? now : f.finished)});
  }
  if (s.ok()) return db_->Commit();
  db_->Rollback();
  return s;
}

StatusOr<std::vector<InputFile>> SqlStore::IngestedInputs() {
  std::vector<Row> rows;
  Status s = db_->Exec("SELECT path, bytes, articles, inserted, failed, finished FROM ingest_files ORDER BY path", {},
                       &rows);
  if (!s.ok()) return s;
  std::vector<InputFile> out;
  for (const Row& r : rows) {
    out.push_back(InputFile{r[0].text, r[1].Int(), r[2].Int(), r[3].Int(), r[4].Int(), r[5].text});
  }
  return out;
}

StatusOr<StoreStats> SqlStore::Stats() {
  std::vector<Row> rows;
  Status s = db_->Exec(
      "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(DISTINCT story_id) FROM articles), (SELECT COUNT(*) FROM "
      "entities), "
      "(SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM (SELECT DISTINCT story_id, event_key FROM events) AS d), "
      "(SELECT COUNT(*) FROM events), (SELECT value FROM meta WHERE key = 'schema_version')",
      {}, &rows);
  if (!s.ok()) return s;
  StoreStats st;
  const Row& r = rows.at(0);
  st.articles = r[0].Int();
  st.stories = r[1].Int();
  st.entities = r[2].Int();
  st.quotes = r[3].Int();
  st.events = r[4].Int();
  st.event_mentions = r[5].Int();
  st.schema_version = static_cast<int>(r[6].Int());
  return st;
}

}  // namespace newsgraph::store

namespace newsgraph {

std::string NormalizeName(std::string_view name) {
  std::string lower = utf8::Lower(name);
  std::string out;
  bool space = false;
  for (char c : lower) {
    auto u = static_cast<unsigned char>(c);
    if (c == '.') continue;
    bool word = u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

StatusOr<std::unique_ptr<Store>> Store::Open(std::string_view db) {
  if (db.empty()) return Status::InvalidArgument("store: empty database name");
  StatusOr<std::unique_ptr<store::SqlDb>> conn = db.starts_with("postgresql://") || db.starts_with("postgres://")
                                                     ? store::OpenPostgres(db)
                                                     : store::OpenSqlite(db);
  if (!conn.ok()) return conn.status();
  return store::SqlStore::Create(std::move(conn).value());
}

}  // namespace newsgraph
