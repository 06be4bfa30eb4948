// Averaged perceptron over hashed features, the learner of every syntax model (tagger,
// parser transitions, arc labels). A feature is a 64-bit hash of its template and values;
// a model maps features to one weight per class. Training keeps dense rows with lazily
// averaged totals (Collins 2002; Daumé's trick of timestamps); Finish() averages, drops the
// rows whose weights all stay small, and quantizes to 16 bits, giving the compact model that
// ships in data/syntax/ and scores at run time.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/data.h"
#include "core/status.h"

namespace newsgraph::syntax {

using Feature = uint64_t;

// Hash mixing for feature keys (a 64-bit finaliser over a running combination). Forced
// inline: a decision hashes about a hundred features.
[[gnu::always_inline]] inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return h;
}
[[gnu::always_inline]] inline Feature F(uint64_t tmpl, uint64_t a) { return Mix(Mix(tmpl * 0x100000001B3ull, a), 1); }
[[gnu::always_inline]] inline Feature F(uint64_t tmpl, uint64_t a, uint64_t b) { return Mix(F(tmpl, a), b); }
[[gnu::always_inline]] inline Feature F(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return Mix(F(tmpl, a, b), c);
}
uint64_t HashString(std::string_view s);

// The features of one decision, filled anew for each without allocating. Holds at most
// kCapacity: every feature extractor adds a fixed number of templates, fewer than that.
class FeatureList {
 public:
  static constexpr size_t kCapacity = 128;
  void clear() { n_ = 0; }
  void push_back(Feature f) {
    assert(n_ < kCapacity);
    f_[n_++] = f;
  }
  const Feature* data() const { return f_; }
  size_t size() const { return n_; }
  const Feature* begin() const { return f_; }
  const Feature* end() const { return f_ + n_; }

 private:
  Feature f_[kCapacity];
  size_t n_ = 0;
};

// The shipped, read-only form of a model: 32-bit feature keys in an open-addressing table,
// each with a short list of (class, weight) pairs (16-bit weights, one scale per model).
class CompactModel {
 public:
  int classes() const { return classes_; }
  size_t features() const { return row_count_; }

  // Adds the weights of `feats` to scores[0..classes).
  void Score(const Feature* feats, size_t n, float* scores) const;
  void Score(std::span<const Feature> feats, float* scores) const { Score(feats.data(), feats.size(), scores); }

  // Serialises into / reads from a byte string (the caller frames and compresses it).
  void Save(std::string* out) const;
  [[nodiscard]] static StatusOr<CompactModel> Load(std::string_view* in);

 private:
  friend class PerceptronTrainer;
  struct Entry {
    uint8_t cls;
    int16_t weight;
  };
  // One open-addressing slot of a model of more than three classes: the feature key and up
  // to four (class, weight) pairs, 16 bytes, so that most look-ups touch one cache line.
  // Unused pairs weigh 0. A row of more pairs spills: w[0] is kSpill, w[1] its pair count,
  // and cls[] holds (as a 32-bit index) where its pairs start in packed_.
  static constexpr int kInline = 4;
  static constexpr int16_t kSpill = INT16_MIN;  // never a weight: Finish clamps to +-32767
  struct alignas(16) SparseSlot {
    uint32_t key = 0;  // 0 = empty
    uint8_t cls[kInline] = {};
    int16_t w[kInline] = {};
  };
  // Models of up to three classes (the parser's transitions) keep every weight in the
  // slot.
  static constexpr int kMaxDense = 3;
  struct DenseSlot {
    uint32_t key = 0;
    int16_t w[kMaxDense] = {};
  };
  void Build(const std::vector<uint32_t>& keys, const std::vector<uint32_t>& starts, const std::vector<Entry>& entries);
  const SparseSlot* Find(uint32_t key) const;
  void ScoreDense(const Feature* feats, size_t n, float* scores) const;
  // Calls f(class, weight) for each pair of a sparse slot's row.
  template <class F>
  void ForEachPair(const SparseSlot& slot, const F& f) const;

  int classes_ = 0;
  float scale_ = 1.0f;
  size_t row_count_ = 0;
  std::vector<SparseSlot> slots_;
  std::vector<uint32_t> packed_;  // spilled pairs: class << 16 | (uint16) weight
  std::vector<DenseSlot> dense_;  // instead of slots_ when classes_ <= kMaxDense
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes);

  int classes() const { return classes_; }
  // Current (not averaged) scores.
  void Score(std::span<const Feature> feats, float* scores) const;
  // One training instance seen (advances the averaging clock).
  void Tick() { ++now_; }
  // Moves weight toward `truth` and away from `guess` (no-op when equal).
  void Update(std::span<const Feature> feats, int truth, int guess, float step = 1.0f);
  // Adds `delta` to the weights of class `cls` (structured updates: one path up, another down).
  void Add(std::span<const Feature> feats, int cls, float delta);

  // The averaged model; rows whose averaged weights are all below `min_weight` in absolute
  // value (relative to the largest weight) are dropped.
  CompactModel Finish(float min_relative_weight) const;
  size_t rows() const { return keys_used_; }

 private:
  int64_t Row(Feature f) const;
  int64_t RowOrInsert(Feature f);
  void Grow();
  // Adds `delta` to weight i, first banking its value since the last change (lazy averaging).
  void Bump(size_t i, float delta);

  int classes_;
  uint64_t now_ = 1;
  size_t keys_used_ = 0;
  std::vector<Feature> slot_key_;    // 0 = empty
  std::vector<int64_t> slot_row_;
  std::vector<Feature> row_key_;
  std::vector<float> w_;
  std::vector<double> total_;
  std::vector<uint64_t> stamp_;
};

// Little helpers for the model files: varints and length-prefixed strings.
void PutVarint(uint64_t v, std::string* out);
bool GetVarint(std::string_view* in, uint64_t* v);
void PutString(std::string_view s, std::string* out);
bool GetString(std::string_view* in, std::string* s);
void PutFloat(float f, std::string* out);
bool GetFloat(std::string_view* in, float* f);

// The framing of every model file (syntax, named entities): a magic line, the raw size as a
// varint, then the raw bytes compressed with zlib. `what` names the model in errors
// ("syntax model: compressed data is damaged").
std::string CompressModelFile(std::string_view magic, std::string_view raw);
[[nodiscard]] StatusOr<std::string> DecompressModelFile(std::string_view magic, std::string_view bytes,
                                                        std::string_view what);

// The model compiled into the binary from data file `file` ("syntax/en.model"), read with
// Model::Deserialize once per process (thread-safe); an error names what is missing or
// damaged.
template <class Model>
StatusOr<const Model*> LoadDefaultModel(std::string_view file, std::string_view what) {
  static std::once_flag once;
  static std::unique_ptr<Model> model;
  static Status error = Status::Ok();
  std::call_once(once, [&] {
    auto bytes = ReadDataFile(file);
    if (!bytes.ok()) {
      error = Status::NotFound(std::string(what) + " data/" + std::string(file) +
                               " is missing (run make models): " + bytes.status().message());
      return;
    }
    auto m = Model::Deserialize(*bytes);
    if (!m.ok()) {
      error = m.status();
      return;
    }
    model = std::move(*m);
  });
  if (!model) return error;
  return model.get();
}

}  // namespace newsgraph::syntax
