#include "stories/story_index.h"

#include <algorithm>
#include <utility>

namespace newsgraph::stories {
namespace {

// SimHash candidate keys: the eight 8-bit blocks (pigeonhole: within 7 bits, one block
// is equal), tagged with the block index.
std::array<int64_t, 8> SimHashKeys(uint64_t h) {
  std::array<int64_t, 8> keys;
  for (int b = 0; b < 8; ++b) {
    keys[b] = static_cast<int64_t>((static_cast<uint64_t>(b + 1) << 56) ^ ((h >> (8 * b)) & 0xff));
  }
  return keys;
}

}  // namespace

bool StoryIndex::Near(const Sketch& a, const Sketch& b) const {
  if (method_ == Method::kSimHash) return SimHashDistance(a.simhash, b.simhash) <= kSimHashDistance;
  return NearDuplicateScore(a, b) > 0.0;
}

uint32_t StoryIndex::Root(uint32_t story) const {
  uint32_t root = story;
  while (parent_[root] != root) root = parent_[root];
  while (parent_[story] != root) story = std::exchange(parent_[story], root);
  return root;
}

namespace {
constexpr uint32_t kEnd = 0xffffffff;
}  // namespace

void StoryIndex::Insert(int64_t key, uint32_t article) {
  auto [it, fresh] = heads_.try_emplace(key, kEnd);
  entries_.emplace_back(article, it->second);
  it->second = static_cast<uint32_t>(entries_.size() - 1);
}

void StoryIndex::NearDuplicates(const Sketch& sketch, std::vector<uint32_t>* out) const {
  // Candidates: the newest kMaxBucketScan articles of each bucket, each compared once.
  thread_local std::vector<uint32_t> candidates;
  candidates.clear();
  auto gather = [&](int64_t key) {
    auto it = heads_.find(key);
    if (it == heads_.end()) return;
    size_t n = 0;
    for (uint32_t e = it->second; e != kEnd && n < kMaxBucketScan; e = entries_[e].second, ++n) {
      candidates.push_back(entries_[e].first);
    }
  };
  if (method_ == Method::kSimHash) {
    for (int64_t k : SimHashKeys(sketch.simhash)) gather(k);
  } else {
    for (int64_t k : BandKeys(sketch)) gather(k);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t cand : candidates) {
    if (Near(sketch, sketches_[cand])) out->push_back(cand);
  }
}

std::string StoryIndex::Add(std::string_view article_id, const Sketch& sketch) {
  if (auto it = by_id_.find(std::string(article_id)); it != by_id_.end()) return StoryOf(it->second);
  std::vector<uint32_t> near;
  NearDuplicates(sketch, &near);
  // The stories met, largest first, then oldest: the first one stays.
  std::vector<uint32_t> met;
  for (uint32_t n : near) met.push_back(Root(story_[n]));
  std::sort(met.begin(), met.end(),
            [&](uint32_t x, uint32_t y) { return articles_[x] != articles_[y] ? articles_[x] > articles_[y] : x < y; });
  met.erase(std::unique(met.begin(), met.end()), met.end());
  uint32_t story;
  if (met.empty()) {
    story = static_cast<uint32_t>(names_.size());
    parent_.push_back(story);
    articles_.push_back(0);
    names_.emplace_back(article_id);
    ++story_count_;
  } else {
    story = met[0];
    for (size_t i = 1; i < met.size(); ++i) {
      parent_[met[i]] = story;
      articles_[story] += articles_[met[i]];
      --story_count_;
    }
  }
  ++articles_[story];
  auto index = static_cast<uint32_t>(ids_.size());
  ids_.emplace_back(article_id);
  story_.push_back(story);
  sketches_.push_back(sketch);
  by_id_.emplace(ids_.back(), index);
  if (method_ == Method::kSimHash) {
    for (int64_t k : SimHashKeys(sketch.simhash)) Insert(k, index);
  } else {
    for (int64_t k : BandKeys(sketch)) Insert(k, index);
  }
  return names_[story];
}

}  // namespace newsgraph::stories
