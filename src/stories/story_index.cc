#include "stories/story_index.h"

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

int64_t StoryIndex::BestMatch(const Sketch& sketch) const {
  int64_t best = -1;
  double best_score = 0.0;
  auto consider = [&](int64_t key) {
    auto it = buckets_.find(key);
    if (it == buckets_.end()) return;
    const std::vector<uint32_t>& bucket = it->second;
    size_t from = bucket.size() > kMaxBucketScan ? bucket.size() - kMaxBucketScan : 0;
    for (size_t i = from; i < bucket.size(); ++i) {
      uint32_t cand = bucket[i];
      double score;
      if (Near(sketch, sketches_[cand], &score) && score > best_score) {
        best_score = score;
        best = cand;
      }
    }
  };
  if (method_ == Method::kSimHash) {
    for (int64_t k : SimHashKeys(sketch.simhash)) consider(k);
  } else {
    for (int64_t k : BandKeys(sketch)) consider(k);
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
    for (int64_t k : SimHashKeys(sketch.simhash)) buckets_[k].push_back(index);
  } else {
    for (int64_t k : BandKeys(sketch)) buckets_[k].push_back(index);
  }
  return story_.back();
}

}  // namespace newsgraph::stories
