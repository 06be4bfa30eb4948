// The knowledge base behind one interface, with two engines: SQLite (embedded default,
// a file path) and PostgreSQL (a postgresql:// URL, for many writers on many machines).
//
// Contract shared by both engines:
//  * Put is idempotent by Analysis::id: an article already stored is not stored twice,
//    and a crash mid-batch leaves the database as it was before the batch.
//  * Entities are merged across the corpus by (normalised name, type); every article's
//    entities, mentions, quotes and events point at the corpus entity.
//  * Stories group near-duplicate articles (src/stories); aggregates count a story once.
//  * All SQL uses bound parameters.
// Thread-safety: a Store object is used by one thread at a time; open one per thread.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "stories/sketch.h"

namespace newsgraph {

struct SearchQuery {
  std::string text;     // full-text query over title and body; empty: all articles
  std::string entity;   // only articles mentioning this entity (name or alias)
  std::string speaker;  // only articles quoting this speaker
  std::string cameo;    // only articles with an event whose code starts with this
  std::string from;     // published on or after YYYY-MM-DD
  std::string to;       // published on or before YYYY-MM-DD
  std::string story;    // only articles of this story id
  int limit = 20;
  int offset = 0;
  bool facets = true;     // compute SearchResult facets (costs a pass over all matches)
  bool timeline = false;  // compute SearchResult::timeline
};

struct SearchHit {
  std::string article_id;
  std::string title;
  std::string url;
  std::string published;
  std::string story_id;
  std::string snippet;  // a bit of matching text, matches marked with [ and ]
  double score = 0.0;   // higher is better
  int64_t story_articles = 1;  // articles in its story (the hit and its reposts)
};

// One day of a search's matches: how many articles, in how many stories, their mean tone.
struct DayVolume {
  std::string day;  // YYYY-MM-DD
  int64_t articles = 0, stories = 0;
  double tone = 0.0;
};

struct Facet {
  std::string value;
  int64_t count = 0;
};

struct SearchResult {
  int64_t total = 0;    // matches before limit/offset
  int64_t stories = 0;  // stories of all matches (computed with the facets)
  std::vector<SearchHit> hits;
  // Facets over all matches, each story counted once: entities, speakers, CAMEO roots,
  // publication dates.
  std::vector<Facet> entities, speakers, cameo_roots, dates;
  std::vector<DayVolume> timeline;  // dated matches per day, oldest first (SearchQuery::timeline)
};

struct StorySummary {
  std::string id;
  std::string title;  // of its first article
  int64_t articles = 0;
  std::string first_published, last_published;
  std::vector<std::string> article_ids;  // filled by GetStory, empty in ListStories
};

struct EntitySummary {
  int64_t id = 0;  // corpus entity id
  std::string name;
  std::string type;  // PERSON | ORG | LOC
  std::string country;
  std::vector<std::string> aliases, titles;
  int64_t articles = 0;  // stories count once
  int64_t mentions = 0;
};

struct QuoteRow {
  std::string article_id;
  std::string text;
  std::string speaker;
  int64_t speaker_entity = 0;  // 0 when unresolved
  std::string cue;
  std::string published;
  // Filled by FindQuotes: the article's title and story, and the sentence(s) holding the quote.
  std::string title, story_id, context;
};

// The quotes explorer's filter; empty fields do not filter.
struct QuoteQuery {
  std::string speaker;   // speaker name or alias (as Quotes)
  std::string text;      // words that must all occur in the quote (case-insensitive)
  std::string from, to;  // article published on or after / before YYYY-MM-DD
  std::string story;     // story id
  int limit = 20;
  int offset = 0;
};

struct QuotePage {
  int64_t total = 0;  // matches before limit/offset
  std::vector<QuoteRow> quotes;
};

struct EventRow {
  std::string article_id;
  std::string story_id;
  Event event;
  std::string published;
  int64_t mentions = 1;  // reports of this event across the story (GDELT NumMentions)
  int64_t articles = 1;  // articles of the story reporting it (GDELT NumArticles)
};

// Events filter; empty fields do not filter. Names and CAMEO actor codes match whole
// (case-insensitive for names).
struct EventQuery {
  std::string actor;     // source or target name/code
  std::string source;    // source name/code
  std::string target;    // target name/code
  std::string cameo;     // code prefix: a root ("17"), a code ("173") or a sub-code ("1731")
  std::string location;  // place of the event (case-insensitive, whole)
  int quad_class = 0;    // 1-4 (GDELT QuadClass); 0: any
  std::string from, to;  // the event's day (its resolved date, else the article's) within
  std::string story;     // story id
  int limit = 50;
  int offset = 0;
};

// An input file that an ingest finished (Store::RecordInputs).
struct InputFile {
  std::string path;  // as given to the ingest
  int64_t bytes = 0;
  int64_t articles = 0, inserted = 0, failed = 0;  // of the whole ingest run that recorded it
  std::string finished;                            // UTC, YYYY-MM-DDTHH:MM:SSZ (empty: now)
};

struct EventPage {
  int64_t total = 0;  // events (each counted once per story) before limit/offset
  std::vector<EventRow> events;
};

struct StoreStats {
  int64_t articles = 0, stories = 0, entities = 0, quotes = 0, events = 0;
  int64_t event_mentions = 0;  // event reports before counting each story once (events <= this)
  int schema_version = 0;
};

// An analysis with the part of storing it that needs no database done ahead: the JSON
// kept in the article row, the near-duplicate sketch and the normalised names. Preparing
// runs on any thread, so that an ingest prepares the next batch while one thread writes
// (Store::PutPrepared); its cost is then off the writer's serial path.
struct PreparedArticle {
  Analysis analysis;
  std::string stored_json;  // the contract JSON without body, mentions, quotes, events
  stories::Sketch sketch;
  std::array<int64_t, stories::kBands> band_keys{};
  std::vector<std::string> entity_norms;   // NormalizeName of each entity's name
  std::vector<std::string> speaker_norms;  // of each quote's speaker
  std::vector<std::string> event_keys;     // identity of each event inside a story
};
PreparedArticle PrepareArticle(Analysis analysis);

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating as needed) the database named by `db`: a file path for
  // SQLite, or a postgresql:// (postgres://) URL.
  static StatusOr<std::unique_ptr<Store>> Open(std::string_view db);

  // Stores a batch of analyses in one transaction. Articles already present are skipped;
  // *inserted (when not null) receives how many were new.
  [[nodiscard]] virtual Status Put(const std::vector<Analysis>& batch, size_t* inserted) = 0;
  // The same for prepared articles (PrepareArticle); by default their analyses are Put.
  [[nodiscard]] virtual Status PutPrepared(const std::vector<PreparedArticle>& batch, size_t* inserted);

  [[nodiscard]] virtual StatusOr<bool> Contains(std::string_view article_id) = 0;
  [[nodiscard]] virtual StatusOr<Analysis> GetArticle(std::string_view article_id) = 0;
  [[nodiscard]] virtual StatusOr<SearchResult> Search(const SearchQuery& q) = 0;
  [[nodiscard]] virtual StatusOr<std::vector<StorySummary>> ListStories(int limit, int offset) = 0;
  [[nodiscard]] virtual StatusOr<StorySummary> GetStory(std::string_view story_id) = 0;
  [[nodiscard]] virtual StatusOr<std::vector<EntitySummary>> ListEntities(std::string_view q, int limit,
                                                                          int offset) = 0;
  [[nodiscard]] virtual StatusOr<EntitySummary> GetEntity(int64_t id) = 0;
  [[nodiscard]] virtual StatusOr<std::vector<QuoteRow>> Quotes(std::string_view speaker, int limit, int offset) = 0;
  [[nodiscard]] virtual StatusOr<std::vector<EventRow>> Events(const EventQuery& q) = 0;
  // Entities that co-occur with `id` in articles, most frequent first.
  [[nodiscard]] virtual StatusOr<std::vector<EntitySummary>> CoOccurring(int64_t id, int limit) = 0;
  [[nodiscard]] virtual StatusOr<StoreStats> Stats() = 0;

  // Added after the first sketch of this interface; they have defaults so that other
  // implementations (test fakes) need not provide them.

  // Every stored article in storage order with its story id, read in pages (memory stays
  // bounded); `fn` returns false to stop.
  [[nodiscard]] virtual Status ForEachArticle(
      const std::function<bool(const Analysis& a, const std::string& story_id)>& fn) {
    return Status::Internal("ForEachArticle: not supported");
  }
  // The story an article belongs to.
  [[nodiscard]] virtual StatusOr<std::string> StoryOf(std::string_view article_id) {
    return Status::Internal("StoryOf: not supported");
  }
  // Speakers quoted the most, each story counted once.
  [[nodiscard]] virtual StatusOr<std::vector<Facet>> TopSpeakers(int limit) {
    return Status::Internal("TopSpeakers: not supported");
  }
  // Events per CAMEO root code, each event counted once per story.
  [[nodiscard]] virtual StatusOr<std::vector<Facet>> EventRoots() {
    return Status::Internal("EventRoots: not supported");
  }
  // Events with the total before paging. By default: every match from Events, then a page.
  [[nodiscard]] virtual StatusOr<EventPage> FindEvents(const EventQuery& q);
  // How many entities ListEntities(q, ...) would list without paging.
  [[nodiscard]] virtual StatusOr<int64_t> CountEntities(std::string_view q);
  // The quotes explorer: quotes matching `q`, newest first, with title, story and context.
  [[nodiscard]] virtual StatusOr<QuotePage> FindQuotes(const QuoteQuery& q) {
    return Status::Internal("FindQuotes: not supported");
  }
  // Records an ingest run (how many articles were new and how many already stored).
  [[nodiscard]] virtual Status LogIngest(int64_t inserted, int64_t skipped) { return Status::Ok(); }
  // Records input files whose every record an ingest has stored or reported as failed
  // (a later record of the same path replaces it), and lists them, by path. A cluster
  // driver skips what is listed with an unchanged size (cluster/newsgraph_dask.py).
  [[nodiscard]] virtual Status RecordInputs(const std::vector<InputFile>& files) { return Status::Ok(); }
  [[nodiscard]] virtual StatusOr<std::vector<InputFile>> IngestedInputs() {
    return Status::Internal("IngestedInputs: not supported");
  }
  // Stories under concurrent writers (PostgreSQL): near-duplicates that two writers store
  // at the same moment cannot see each other. Every committed article is queued
  // (story_pending) and settled here, after its batch commits, one settler at a time:
  // it is compared with every stored candidate again and stories that should have met
  // are joined. PutPrepared calls it after each batch, so stories never depend on how
  // many writers there are; it also settles what a killed writer left queued. SQLite
  // writers are serialised by the database and need nothing (a no-op).
  [[nodiscard]] virtual Status SettleStories() { return Status::Ok(); }
};

// Normalised form under which entities are merged and names looked up: Unicode lower
// case, dots dropped ("U.S." = "us"), other punctuation and spaces collapsed to one space.
std::string NormalizeName(std::string_view name);

}  // namespace newsgraph
