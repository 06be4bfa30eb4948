// An in-memory Store: the whole knowledge base in RAM, built from analyses put into it or
// loaded from a JSON Lines file of analysis contracts (`newsgraph analyze --json` output).
//
// It serves `newsgraph serve --db FILE.jsonl` (browse a set of analyses without building a
// database) and the server's tests. Search is a word index over title and body (ASCII
// case folding, Snowball English stems as the SQL stores stem; title words weigh 3), filters and facets as in the Store contract.
// Stories: articles with the same normalised title form one story (a stand-in for the
// near-duplicate clustering of src/stories). Nothing is persisted.
// Thread-safety: as Store, one thread at a time; Share() makes handles for many threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace newsgraph {

class MemoryStore : public Store {
 public:
  MemoryStore() = default;

  // Reads one analysis per line; blank lines are skipped. Errors name the line.
  static StatusOr<std::unique_ptr<MemoryStore>> LoadJsonl(const std::string& path);

  // `n` Store handles onto `store`, one per thread: reads run in parallel, Put excludes
  // everything else (a reader-writer lock shared by the handles).
  static std::vector<std::unique_ptr<Store>> Share(std::unique_ptr<MemoryStore> store, size_t n);

  Status Put(const std::vector<Analysis>& batch, size_t* inserted) override;
  StatusOr<bool> Contains(std::string_view article_id) override;
  StatusOr<Analysis> GetArticle(std::string_view article_id) override;
  StatusOr<SearchResult> Search(const SearchQuery& q) override;
  StatusOr<std::vector<StorySummary>> ListStories(int limit, int offset) override;
  StatusOr<StorySummary> GetStory(std::string_view story_id) override;
  StatusOr<std::vector<EntitySummary>> ListEntities(std::string_view q, int limit, int offset) override;
  StatusOr<EntitySummary> GetEntity(int64_t id) override;
  StatusOr<std::vector<QuoteRow>> Quotes(std::string_view speaker, int limit, int offset) override;
  StatusOr<std::vector<EventRow>> Events(const EventQuery& q) override;
  StatusOr<QuotePage> FindQuotes(const QuoteQuery& q) override;
  StatusOr<std::vector<EntitySummary>> CoOccurring(int64_t id, int limit) override;
  StatusOr<StoreStats> Stats() override;

 private:
  // Facet values (speakers, CAMEO roots, dates) interned to small ids, so counting them over
  // many matches is array arithmetic.
  struct Interned {
    std::vector<std::string> values;
    std::unordered_map<std::string, uint32_t> ids;
    uint32_t Id(const std::string& v);
  };
  struct Doc {
    Analysis analysis;
    std::string story_id;
    std::vector<int64_t> entity_ids;  // corpus id of analysis.entities[i]
  };
  // What search filters and counts, per document, packed for cache-friendly scans:
  // entity ids, then speaker ids, then CAMEO root ids, at facet_ids_[begin...].
  struct DocFacets {
    uint32_t begin = 0;
    uint16_t entities = 0, speakers = 0, roots = 0;
    uint32_t date = 0;  // id into dates_; 0: undated
    uint32_t day = 0;   // published as YYYYMMDD; 0: undated
    uint32_t story = 0;  // id into story_ids_
  };
  struct Posting {
    uint32_t doc;
    uint32_t weight;  // occurrences, title words counted 3 times
  };
  struct Match {
    uint32_t doc;
    uint32_t score;
  };

  void Index(uint32_t doc);
  // Documents containing every word of q.text, else every document of the entity or
  // speaker filter, else all documents; in index order.
  std::vector<Match> Candidates(const SearchQuery& q, const std::vector<int64_t>& entities, int64_t speaker) const;
  bool Matches(uint32_t doc, const SearchQuery& q, const std::vector<int64_t>& entities, int64_t speaker) const;
  std::string StoryOf(const Analysis& a) const;
  // The corpus entity of quote `q`'s speaker in document `d`, 0 when none.
  int64_t SpeakerEntity(const Doc& d, const Quote& q) const;
  // The speaker of `q` is `who` (speaker text, or the entity's name or an alias).
  bool SpeakerIs(const Doc& d, const Quote& q, std::string_view who) const;

  std::vector<Doc> docs_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;  // doc order
  std::vector<EntitySummary> entities_;                             // corpus id i+1 at index i
  std::vector<std::vector<uint32_t>> entity_docs_;
  std::unordered_map<std::string, int64_t> entity_by_key_;                   // "TYPE\tlower name"
  std::unordered_map<std::string, std::vector<int64_t>> entity_by_surface_;  // folded name or alias
  Interned speakers_, roots_, dates_, story_ids_;
  std::vector<uint32_t> facet_ids_;
  std::vector<DocFacets> facets_;                    // per document
  std::vector<std::vector<uint32_t>> speaker_docs_;  // by speaker id, doc order
  std::vector<std::string> speaker_names_;           // display name per speaker id
  std::map<std::string, std::vector<uint32_t>> stories_;
  int64_t quotes_ = 0, events_ = 0;
};

}  // namespace newsgraph
