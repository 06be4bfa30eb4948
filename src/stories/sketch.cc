#include "stories/sketch.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <string>

namespace newsgraph::stories {
namespace {

uint64_t Mix(uint64_t z) {  // splitmix64 finaliser: every input bit reaches every output bit
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

// 64-bit hashes of the words of `body`, lower-cased.
void WordHashes(std::string_view body, std::vector<uint64_t>* out) {
  std::string word;
  size_t i = 0, n = body.size();
  while (i < n) {
    while (i < n && !IsWordByte(static_cast<unsigned char>(body[i]))) ++i;
    word.clear();
    while (i < n && IsWordByte(static_cast<unsigned char>(body[i]))) {
      char c = body[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
      word.push_back(c);
    }
    if (!word.empty()) out->push_back(XXH3_64bits(word.data(), word.size()));
  }
}

}  // namespace

Sketch ComputeSketch(std::string_view body, bool with_simhash) {
  Sketch s;
  thread_local std::vector<uint64_t> words, shingles;
  words.clear();
  shingles.clear();
  WordHashes(body, &words);
  if (words.empty()) {
    s.minhash.fill(std::numeric_limits<uint32_t>::max());
    return s;
  }
  size_t k = std::min<size_t>(kShingleWords, words.size());
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t h = 0x243f6a8885a308d3ULL;
    for (size_t j = 0; j < k; ++j) h = Mix(h ^ words[i + j]);
    shingles.push_back(h);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  s.shingles = static_cast<uint32_t>(shingles.size());

  // One permutation hashing: the top 7 bits of a shingle's hash pick one of 128 bins, the
  // low 32 bits compete for that bin's minimum; one pass instead of 128.
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  std::array<uint32_t, kMinHashes> mins;
  mins.fill(kEmpty);
  int votes[64] = {};
  static_assert(kMinHashes == 128, "bins are the top 7 bits");
  for (uint64_t h : shingles) {
    uint32_t bin = static_cast<uint32_t>(h >> 57);
    mins[bin] = std::min(mins[bin], static_cast<uint32_t>(h) & 0x7fffffff);
    if (with_simhash) {
      for (int b = 0; b < 64; ++b) votes[b] += (h >> b & 1) ? 1 : -1;
    }
  }
  // Densification: an empty bin borrows the next filled bin's value (circularly), marked
  // with its distance so that it only matches a bin that borrowed alike.
  for (int i = 0; i < kMinHashes; ++i) {
    s.minhash[i] = mins[i];
    if (mins[i] != kEmpty) continue;
    for (int d = 1; d < kMinHashes; ++d) {
      uint32_t v = mins[(i + d) % kMinHashes];
      if (v != kEmpty) {
        s.minhash[i] = 0x80000000u | static_cast<uint32_t>(Mix(v + static_cast<uint64_t>(d) * 0x9e3779b97f4a7c15ULL));
        break;
      }
    }
  }
  for (int b = 0; b < 64 && with_simhash; ++b) {
    if (votes[b] > 0) s.simhash |= uint64_t{1} << b;
  }
  return s;
}

std::array<int64_t, kBands> BandKeys(const Sketch& s) {
  std::array<int64_t, kBands> keys;
  for (int b = 0; b < kBands; ++b) {
    uint64_t h = XXH3_64bits_withSeed(&s.minhash[b * kRows], kRows * sizeof(uint32_t), static_cast<uint64_t>(b));
    keys[b] = static_cast<int64_t>(h);
  }
  return keys;
}

double EstimatedJaccard(const Sketch& a, const Sketch& b) {
  int same = 0;
  for (int i = 0; i < kMinHashes; ++i) same += a.minhash[i] == b.minhash[i];
  return static_cast<double>(same) / kMinHashes;
}

double EstimatedContainment(const Sketch& a, const Sketch& b) {
  double j = EstimatedJaccard(a, b);
  double small = std::min(a.shingles, b.shingles);
  if (small == 0) return 0.0;
  double inter = j * (static_cast<double>(a.shingles) + b.shingles) / (1.0 + j);
  return std::min(1.0, inter / small);
}

double NearDuplicateScore(const Sketch& a, const Sketch& b) {
  double j = EstimatedJaccard(a, b);
  if (j >= kJaccardThreshold) return j;
  if (std::min(a.shingles, b.shingles) < kMinShingles) return 0.0;
  double c = EstimatedContainment(a, b);
  return c >= kContainmentThreshold ? c : 0.0;
}

int SimHashDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

std::vector<uint8_t> EncodeSketch(const Sketch& s) {
  std::vector<uint8_t> out(4 + 8 + 4 * kMinHashes);
  auto put = [&out](size_t at, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out[at + i] = static_cast<uint8_t>(v >> (8 * i));
  };
  put(0, s.shingles, 4);
  put(4, s.simhash, 8);
  for (int i = 0; i < kMinHashes; ++i) put(12 + 4 * i, s.minhash[i], 4);
  return out;
}

bool DecodeSketch(const void* data, size_t size, Sketch* s) {
  if (size != 12 + 4 * kMinHashes || data == nullptr) return false;
  const auto* p = static_cast<const uint8_t*>(data);
  auto get = [p](size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t{p[at + i]} << (8 * i);
    return v;
  };
  s->shingles = static_cast<uint32_t>(get(0, 4));
  s->simhash = get(4, 8);
  for (int i = 0; i < kMinHashes; ++i) s->minhash[i] = static_cast<uint32_t>(get(12 + 4 * i, 4));
  return true;
}

}  // namespace newsgraph::stories
