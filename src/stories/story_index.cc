#include "stories/story_index.h"

#include <algorithm>

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

bool StoryIndex::Near(const Sketch& a, const Sketch& b, double* score) const {
  if (method_ == Method::kSimHash) {
    int d = SimHashDistance(a.simhash, b.simhash);
    *score = 1.0 - d / 64.0;
    return d <= kSimHashDistance;
  }
  *score = NearDuplicateScore(a, b);
  return *score > 0.0;
}

namespace {
constexpr uint32_t kEnd = 0xffffffff;
}  // namespace

void StoryIndex::Insert(int64_t key, uint32_t article) {
  auto [it, fresh] = heads_.try_emplace(key, kEnd);
  entries_.emplace_back(article, it->second);
  it->second = static_cast<uint32_t>(entries_.size() - 1);
}

int64_t StoryIndex::BestMatch(const Sketch& sketch) const {
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
  int64_t best = -1;
  double best_score = 0.0;
  for (uint32_t cand : candidates) {
    double score;
    if (Near(sketch, sketches_[cand], &score) && score > best_score) {
      best_score = score;
      best = cand;
    }
  }
  return best;
}

std::string StoryIndex::Add(std::string_view article_id, const Sketch& sketch) {
  if (auto it = by_id_.find(std::string(article_id)); it != by_id_.end()) return story_[it->second];
  int64_t match = BestMatch(sketch);
  auto index = static_cast<uint32_t>(ids_.size());
  ids_.emplace_back(article_id);
  if (match >= 0) {
    story_.push_back(story_[match]);
  } else {
    story_.emplace_back(article_id);
    ++story_count_;
  }
  sketches_.push_back(sketch);
  by_id_.emplace(ids_.back(), index);
  if (method_ == Method::kSimHash) {
    for (int64_t k : SimHashKeys(sketch.simhash)) Insert(k, index);
  } else {
    for (int64_t k : BandKeys(sketch)) Insert(k, index);
  }
  return story_.back();
}

}  // namespace newsgraph::stories
