// An in-memory, incremental story index. A story is a connected group of near-duplicates
// (by the chosen method): an added article joins the stories of all its earlier
// near-duplicates, folding them into one when they are several (into the largest, then
// the oldest; it keeps that story's name), or starts a new story named after itself. So the
// stories do not depend on the order articles are added in (but for the kMaxBucketScan
// limit). Nothing already added is reprocessed. Used by the benchmark, the
// precision/recall tests and anyone clustering a stream without a database; the stores
// make the same decision against band keys kept in their tables (src/store/sql_stories.cc).
//
// Memory: one sketch (about 530 bytes) and kBands bucket entries per article, about
// 1.5 KB per article in all.
// Thread-safety: one thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "stories/sketch.h"

namespace newsgraph::stories {

enum class Method { kMinHash, kSimHash };

class StoryIndex {
 public:
  explicit StoryIndex(Method method = Method::kMinHash) : method_(method) {}

  // Adds an article and returns its story id (the id of the story's first article). An
  // earlier article's story may change when a later one joins two stories (StoryOf).
  // Adding an id twice returns its story without adding it again.
  std::string Add(std::string_view article_id, const Sketch& sketch);
  std::string Add(std::string_view article_id, std::string_view body) {
    return Add(article_id, ComputeSketch(body, method_ == Method::kSimHash));
  }

  size_t size() const { return ids_.size(); }
  size_t stories() const { return story_count_; }
  // The story of the article added `article`-th (from 0), now.
  const std::string& StoryOf(size_t article) const { return names_[Root(story_[article])]; }

 private:
  bool Near(const Sketch& a, const Sketch& b) const;
  // Earlier articles that are near-duplicates of `sketch`.
  void NearDuplicates(const Sketch& sketch, std::vector<uint32_t>* out) const;
  uint32_t Root(uint32_t story) const;

  Method method_;
  std::vector<std::string> ids_;
  std::vector<uint32_t> story_;  // per article: its story when added (Root gives today's)
  // Stories as a union-find forest: parent, size and name of each story ever started.
  mutable std::vector<uint32_t> parent_;
  std::vector<uint32_t> articles_;
  std::vector<std::string> names_;
  std::vector<Sketch> sketches_;
  std::unordered_map<std::string, uint32_t> by_id_;
  // Buckets as linked lists, newest first: key -> head entry; entry = (article, next).
  // MinHash keys are LSH band keys; SimHash keys are (block index, 8-bit block).
  std::unordered_map<int64_t, uint32_t> heads_;
  std::vector<std::pair<uint32_t, uint32_t>> entries_;
  void Insert(int64_t key, uint32_t article);
  size_t story_count_ = 0;
};

// A bucket holding this many articles is a shared passage (boilerplate), not a story:
// only its most recent entries are compared.
inline constexpr size_t kMaxBucketScan = 64;

}  // namespace newsgraph::stories
