// Near-duplicate detection for stories: the same wire story reposted on many sites with
// different boilerplate, headlines, a changed sentence or two, cut short, or with its
// paragraphs in another order.
//
// Method (MinHash with LSH banding, the default): the body is cut into words (lower-cased
// letters and digits; other scripts kept byte for byte), every run of kShingleWords words
// is a shingle, and each distinct shingle is hashed to 64 bits. One permutation hashing
// (Li, Owen and Zhang 2012, with densification for empty bins): the hash's top bits pick
// one of kMinHashes bins and the rest compete for the bin's minimum, so two bodies agree
// in a bin with probability close to the Jaccard similarity J of their shingle sets, at
// the cost of one hash per shingle rather than kMinHashes. Candidates come
// from LSH: the signature is cut into kBands bands of kRows slots; articles sharing any
// band key are compared. A pair is a near-duplicate when J >= kJaccardThreshold, or when
// the shorter body is mostly contained in the longer (containment |A∩B|/min(|A|,|B|),
// estimated from J and the two set sizes, >= kContainmentThreshold, for truncated copies),
// with at least kMinShingles shingles on the shorter side.
//
// SimHash (Charikar) is kept for comparison: a 64-bit fingerprint whose bits are the sign
// of the summed shingle hash bits; near-duplicates lie within kSimHashDistance bits (candidates: eight 8-bit blocks,
// one of which is equal by pigeonhole). Measured on the generated corpus (stories_test.cc, docs/store.md) MinHash keeps
// its recall on truncated and reordered copies where SimHash loses it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph::stories {

inline constexpr int kShingleWords = 4;
inline constexpr int kMinHashes = 128;
inline constexpr int kRows = 3;
inline constexpr int kBands = kMinHashes / kRows;  // 42 bands of 3: a pair with J = 0.4 is a candidate
                                                   // with probability 0.94, J = 0.1 with 0.04
inline constexpr double kJaccardThreshold = 0.5;
inline constexpr double kContainmentThreshold = 0.8;
inline constexpr uint32_t kMinShingles = 12;
inline constexpr int kSimHashDistance = 7;

struct Sketch {
  std::array<uint32_t, kMinHashes> minhash{};
  uint32_t shingles = 0;  // distinct shingles in the body
  uint64_t simhash = 0;   // when asked for
};

// The sketch of a body (the title is left out: reposts change headlines). A body with
// fewer than kShingleWords words yields one shingle of all its words. The SimHash is
// computed only on request (simhash stays 0 otherwise).
Sketch ComputeSketch(std::string_view body, bool with_simhash = false);

// LSH band keys of a sketch: kBands keys, each mixing the band index with its rows.
// Signed so that SQL engines store them as 64-bit integers.
std::array<int64_t, kBands> BandKeys(const Sketch& s);

// Estimated Jaccard similarity of the shingle sets (fraction of equal MinHash slots).
double EstimatedJaccard(const Sketch& a, const Sketch& b);
// Estimated containment of the smaller shingle set in the larger.
double EstimatedContainment(const Sketch& a, const Sketch& b);
// The MinHash near-duplicate decision described above; the score (>= 0, higher is more
// similar) is max(J, containment) when the pair is a near-duplicate, 0 otherwise.
double NearDuplicateScore(const Sketch& a, const Sketch& b);

int SimHashDistance(uint64_t a, uint64_t b);

// Sketch as bytes for a database column (little-endian), and back; false on a bad size.
std::vector<uint8_t> EncodeSketch(const Sketch& s);
bool DecodeSketch(const void* data, size_t size, Sketch* s);

}  // namespace newsgraph::stories
