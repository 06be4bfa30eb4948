// An in-memory Store: the whole knowledge base in RAM, built from analyses put into it or
// loaded from a JSON Lines file of analysis contracts (`newsgraph analyze --json` output).
//
// It serves `newsgraph serve --db FILE.jsonl` (browse a set of analyses without building a
// database) and the server's tests. Search is a word index over title and body (ASCII
// case folding; title words weigh 3), filters and facets as in the Store contract.
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
  StatusOr<std::vector<EntitySummary>> CoOccurring(int64_t id, int limit) override;
  StatusOr<StoreStats> Stats() override;

 private:
  struct Doc {
    Analysis analysis;
    std::string story_id;
    std::vector<int64_t> entity_ids;  // corpus id of analysis.entities[i]
  };
  struct Posting {
    uint32_t doc;
    uint32_t weight;  // occurrences, title words counted 3 times
  };

  void Index(uint32_t doc);
  std::vector<uint32_t> Candidates(const SearchQuery& q, std::unordered_map<uint32_t, uint32_t>* scores) const;
  bool Matches(const Doc& d, const SearchQuery& q) const;
  std::string StoryOf(const Analysis& a) const;

  std::vector<Doc> docs_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<EntitySummary> entities_;  // corpus id i+1 at index i
  std::vector<std::vector<uint32_t>> entity_docs_;
  std::unordered_map<std::string, int64_t> entity_by_key_;  // "TYPE\tlower name"
  std::map<std::string, std::vector<uint32_t>> stories_;
};

}  // namespace newsgraph
