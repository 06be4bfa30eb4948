// The Store over the SQL layer, shared by the SQLite and PostgreSQL engines. Internal to
// src/store; callers use Store::Open.
#pragma once

#include <array>
#include <map>
#include <set>
#include <tuple>
#include <memory>
#include <string>
#include <utility>

#include "store/sql.h"
#include "store/store.h"
#include "stories/sketch.h"

namespace newsgraph::store {

class SqlStore final : public Store {
 public:
  // Migrates the schema, then wraps the connection.
  static StatusOr<std::unique_ptr<Store>> Create(std::unique_ptr<SqlDb> db);
  ~SqlStore() override;

  Status Put(const std::vector<Analysis>& batch, size_t* inserted) override;
  Status PutPrepared(const std::vector<PreparedArticle>& batch, size_t* inserted) override;
  StatusOr<bool> Contains(std::string_view article_id) override;
  StatusOr<Analysis> GetArticle(std::string_view article_id) override;
  StatusOr<SearchResult> Search(const SearchQuery& q) override;
  StatusOr<std::vector<StorySummary>> ListStories(int limit, int offset) override;
  StatusOr<StorySummary> GetStory(std::string_view story_id) override;
  StatusOr<std::vector<EntitySummary>> ListEntities(std::string_view q, int limit, int offset) override;
  StatusOr<EntitySummary> GetEntity(int64_t id) override;
  StatusOr<std::vector<QuoteRow>> Quotes(std::string_view speaker, int limit, int offset) override;
  StatusOr<std::vector<EventRow>> Events(const EventQuery& q) override;
  StatusOr<EventPage> FindEvents(const EventQuery& q) override;
  StatusOr<int64_t> CountEntities(std::string_view q) override;
  StatusOr<QuotePage> FindQuotes(const QuoteQuery& q) override;
  StatusOr<std::vector<EntitySummary>> CoOccurring(int64_t id, int limit) override;
  StatusOr<StoreStats> Stats() override;
  Status ForEachArticle(const std::function<bool(const Analysis&, const std::string&)>& fn) override;
  StatusOr<std::string> StoryOf(std::string_view article_id) override;
  StatusOr<std::vector<Facet>> TopSpeakers(int limit) override;
  StatusOr<std::vector<Facet>> EventRoots() override;
  Status LogIngest(int64_t inserted, int64_t skipped) override;
  Status RecordInputs(const std::vector<InputFile>& files) override;
  StatusOr<std::vector<InputFile>> IngestedInputs() override;
  Status SettleStories() override;

 private:
  explicit SqlStore(std::unique_ptr<SqlDb> db);
  bool pg() const;
  // An article of the batch on its way in.
  struct Pending {
    const PreparedArticle* p;
    const Analysis* a;  // &p->analysis
    std::string story;
  };
  Status PutOnce(const std::vector<PreparedArticle>& batch, size_t* inserted);
  Status PutPhases(const std::vector<PreparedArticle>& batch, size_t* inserted);

  // Story assignment (sql_stories.cc). A story is a connected group of near-duplicates:
  // an article that is a near-duplicate of articles in several stories joins them into one.
  // Adds to *stories the story ids of the stored near-duplicates of a sketch.
  Status NearStories(const stories::Sketch& sketch, const std::array<int64_t, stories::kBands>& keys,
                     std::set<std::string>* stories);
  // Phase 1 of a batch: for each pending article (in input order) its story: its own id
  // when it founds one. *merges receives the stored stories that the batch joins: each
  // entry is (survivor, stories to fold into it).
  Status AssignStories(std::vector<Pending>* pending,
                       std::vector<std::pair<std::string, std::vector<std::string>>>* merges);
  // Of stored stories to be joined, the one that stays: the most articles, then the
  // oldest (lowest row id), then the smallest id.
  StatusOr<std::string> SurvivingStory(const std::set<std::string>& stories);
  // Relabels the articles, sketches and events of `dead` stories as `survivor` and drops
  // their rows; gives `survivor` a row when it has none.
  Status FoldStories(const std::string& survivor, const std::vector<std::string>& dead);
  Status SettleOnce(bool* more);
  // The corpus id of entity (norm, type), created when missing; *has_country tells
  // whether its country is now set.
  StatusOr<int64_t> EnsureEntity(const std::string& norm, const char* type, const Entity& e, bool* has_country);
  Status InsertArticle(const Pending& p, const std::map<std::pair<std::string, std::string>, int64_t>& ids,
                       size_t* inserted);
  // Multi-row INSERT of `values` (columns per row) after `head` ("INSERT INTO t(a, b) VALUES "),
  // then `tail` (" ON CONFLICT ..."). `head` must be a string literal: its address keys the
  // cache of statement texts.
  Status InsertRows(std::string_view head, size_t columns, const std::vector<Param>& values,
                    std::string_view tail = "");
  // An article from (analysis, body) of its row `rid`, with its mentions, quotes and
  // events put back from their tables (LoadChildren) unless the JSON still has them.
  StatusOr<Analysis> ArticleFromRow(const Row& r, int64_t rid);
  Status LoadChildren(int64_t rid, Analysis* a);
  // Events of `q`; with `count`, their total before paging too.
  StatusOr<EventPage> EventsPage(const EventQuery& q, bool count);
  StatusOr<std::vector<Facet>> Facets(const std::string& sql, const std::vector<Param>& params);
  Status EntitiesFromRows(const std::vector<Row>& rows, std::vector<EntitySummary>* out);

  std::unique_ptr<SqlDb> db_;
  std::vector<std::pair<int64_t, const Analysis*>> fts_rows_;  // SQLite: full-text rows of the batch
  std::map<std::tuple<const char*, size_t, size_t>, std::string> insert_sql_;  // (head, columns, rows) -> text

  // What this handle knows to be committed, to save a round trip per entity and name on
  // later batches. Entities and their names are never deleted, so an entry stays true;
  // what a batch learns joins only after its commit (a rolled-back id is never cached).
  struct KnownEntity {
    int64_t id;
    bool has_country;
  };
  using EntityMapKey = std::pair<std::string, std::string>;  // (normalised name, type)
  using NameKey = std::tuple<int64_t, std::string, std::string>;  // (entity, kind, value)
  std::map<EntityMapKey, KnownEntity> known_entities_, batch_entities_;
  std::set<NameKey> known_names_, batch_names_;
};

}  // namespace newsgraph::store
