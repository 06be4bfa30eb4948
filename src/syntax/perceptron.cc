#include "syntax/perceptron.h"

#include <xxhash.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace newsgraph::syntax {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

namespace {

inline uint32_t Key32(Feature f) {
  uint32_t k = static_cast<uint32_t>(f ^ (f >> 32));
  return k == 0 ? 1 : k;
}
inline size_t Slot32(uint32_t k, size_t mask) { return (k * 0x9E3779B1u) & mask; }

}  // namespace

// ---- CompactModel

void CompactModel::Build(const std::vector<uint32_t>& keys, const std::vector<uint32_t>& starts,
                         const std::vector<Entry>& entries) {
  row_count_ = keys.size();
  // Load factor at most 0.38. Most look-ups are of features the model does not have
  // (pruning dropped four in five), and such a look-up probes up to the next empty slot:
  // at 0.77 that often crosses into another cache line, a second miss that was not
  // prefetched. Halving the load made tag + parse about 10% faster for 30 MB more memory.
  size_t cap = 16;
  while (cap * 10 < row_count_ * 26) cap <<= 1;
  slots_.clear();
  dense_.clear();
  packed_.clear();
  if (classes_ <= kMaxDense) {
    dense_.assign(cap, DenseSlot());
    for (size_t r = 0; r < keys.size(); ++r) {
      size_t s = Slot32(keys[r], cap - 1);
      while (dense_[s].key != 0) s = (s + 1) & (cap - 1);
      dense_[s].key = keys[r];
      for (uint32_t e = starts[r]; e < starts[r + 1]; ++e) dense_[s].w[entries[e].cls] = entries[e].weight;
    }
    return;
  }
  slots_.assign(cap, SparseSlot());
  for (size_t r = 0; r < keys.size(); ++r) {
    size_t s = Slot32(keys[r], cap - 1);
    while (slots_[s].key != 0) s = (s + 1) & (cap - 1);
    SparseSlot& slot = slots_[s];
    slot.key = keys[r];
    const uint32_t count = starts[r + 1] - starts[r];
    if (count <= kInline) {
      for (uint32_t k = 0; k < count; ++k) {
        slot.cls[k] = entries[starts[r] + k].cls;
        slot.w[k] = entries[starts[r] + k].weight;
      }
      continue;
    }
    const uint32_t first = static_cast<uint32_t>(packed_.size());
    for (uint32_t e = starts[r]; e < starts[r + 1]; ++e) {
      packed_.push_back(static_cast<uint32_t>(entries[e].cls) << 16 | static_cast<uint16_t>(entries[e].weight));
    }
    slot.w[0] = kSpill;
    slot.w[1] = static_cast<int16_t>(count);
    std::memcpy(slot.cls, &first, sizeof first);
  }
}

const CompactModel::SparseSlot* CompactModel::Find(uint32_t key) const {
  if (slots_.empty()) return nullptr;
  size_t mask = slots_.size() - 1;
  for (size_t s = Slot32(key, mask);; s = (s + 1) & mask) {
    const SparseSlot& slot = slots_[s];
    if (slot.key == key) return &slot;
    if (slot.key == 0) return nullptr;
  }
}

template <class F>
void CompactModel::ForEachPair(const SparseSlot& slot, const F& f) const {
  if (slot.w[0] == kSpill) {
    uint32_t first;
    std::memcpy(&first, slot.cls, sizeof first);
    const uint32_t* e = &packed_[first];
    for (int k = 0, count = slot.w[1]; k < count; ++k) f(e[k] >> 16, static_cast<int16_t>(e[k] & 0xFFFF));
    return;
  }
  for (int k = 0; k < kInline && slot.w[k] != 0; ++k) f(slot.cls[k], slot.w[k]);
}

void CompactModel::ScoreDense(const Feature* feats, size_t n, float* scores) const {
  const size_t mask = dense_.size() - 1;
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&dense_[Slot32(Key32(feats[i]), mask)]);
  int32_t acc[kMaxDense] = {};
  for (size_t i = 0; i < n; ++i) {
    const uint32_t key = Key32(feats[i]);
    for (size_t s = Slot32(key, mask);; s = (s + 1) & mask) {
      const DenseSlot& slot = dense_[s];
      if (slot.key == key) {
        for (int c = 0; c < kMaxDense; ++c) acc[c] += slot.w[c];
        break;
      }
      if (slot.key == 0) break;
    }
  }
  for (int c = 0; c < classes_; ++c) scores[c] += static_cast<float>(acc[c]) * scale_;
}

void CompactModel::Score(const Feature* feats, size_t n, float* scores) const {
  if (!dense_.empty()) return ScoreDense(feats, n, scores);
  if (slots_.empty()) return;
  // Fetch every slot first: the look-ups are cache misses, and issuing them together lets
  // the memory system overlap them. Inline rows are summed at once; spilled rows are
  // fetched in turn and summed after the others, so their misses overlap too.
  const size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[Slot32(Key32(feats[i]), mask)]);
  int32_t acc[256];
  std::fill(acc, acc + classes_, 0);
  constexpr size_t kMaxSpills = 64;
  const SparseSlot* spilled[kMaxSpills];
  size_t spills = 0;
  for (size_t i = 0; i < n; ++i) {
    const SparseSlot* slot = Find(Key32(feats[i]));
    if (slot == nullptr) continue;
    if (slot->w[0] != kSpill) {
      // Unused pairs weigh 0 on class 0.
      for (int k = 0; k < kInline; ++k) acc[slot->cls[k]] += slot->w[k];
      continue;
    }
    if (spills == kMaxSpills) {
      for (const SparseSlot* s : spilled) ForEachPair(*s, [&](uint32_t c, int16_t w) { acc[c] += w; });
      spills = 0;
    }
    uint32_t first;
    std::memcpy(&first, slot->cls, sizeof first);
    __builtin_prefetch(&packed_[first]);
    spilled[spills++] = slot;
  }
  for (size_t i = 0; i < spills; ++i) ForEachPair(*spilled[i], [&](uint32_t c, int16_t w) { acc[c] += w; });
  for (int c = 0; c < classes_; ++c) scores[c] += static_cast<float>(acc[c]) * scale_;
}

void CompactModel::Save(std::string* out) const {
  PutVarint(static_cast<uint64_t>(classes_), out);
  PutFloat(scale_, out);
  PutVarint(row_count_, out);
  // Rows sorted by key, keys delta-coded: compresses well and loads deterministically.
  if (!dense_.empty()) {
    std::vector<const DenseSlot*> order;
    order.reserve(row_count_);
    for (const DenseSlot& slot : dense_) {
      if (slot.key != 0) order.push_back(&slot);
    }
    std::sort(order.begin(), order.end(), [](const DenseSlot* a, const DenseSlot* b) { return a->key < b->key; });
    uint32_t prev = 0;
    for (const DenseSlot* slot : order) {
      PutVarint(slot->key - prev, out);
      prev = slot->key;
      int count = 0;
      for (int c = 0; c < classes_; ++c) count += slot->w[c] != 0;
      PutVarint(static_cast<uint64_t>(count), out);
      for (int c = 0; c < classes_; ++c) {
        if (slot->w[c] == 0) continue;
        uint16_t w = static_cast<uint16_t>(slot->w[c]);
        out->push_back(static_cast<char>(c));
        out->push_back(static_cast<char>(w & 0xFF));
        out->push_back(static_cast<char>(w >> 8));
      }
    }
    return;
  }
  std::vector<const SparseSlot*> order;
  order.reserve(row_count_);
  for (const SparseSlot& slot : slots_) {
    if (slot.key != 0) order.push_back(&slot);
  }
  std::sort(order.begin(), order.end(), [](const SparseSlot* a, const SparseSlot* b) { return a->key < b->key; });
  uint32_t prev = 0;
  std::string row;
  for (const SparseSlot* slot : order) {
    PutVarint(slot->key - prev, out);
    prev = slot->key;
    row.clear();
    uint64_t count = 0;
    ForEachPair(*slot, [&](uint32_t c, int16_t w) {
      row.push_back(static_cast<char>(c));
      row.push_back(static_cast<char>(static_cast<uint16_t>(w) & 0xFF));
      row.push_back(static_cast<char>(static_cast<uint16_t>(w) >> 8));
      ++count;
    });
    PutVarint(count, out);
    out->append(row);
  }
}

StatusOr<CompactModel> CompactModel::Load(std::string_view* in) {
  CompactModel m;
  uint64_t classes = 0, rows = 0;
  if (!GetVarint(in, &classes) || classes == 0 || classes > 256 || !GetFloat(in, &m.scale_) ||
      !GetVarint(in, &rows) || rows > (1u << 28)) {
    return Status::Corrupt("syntax model: bad header");
  }
  m.classes_ = static_cast<int>(classes);
  std::vector<uint32_t> keys, starts;
  std::vector<Entry> entries;
  keys.reserve(rows);
  starts.reserve(rows + 1);
  uint64_t key = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t delta = 0, count = 0;
    if (!GetVarint(in, &delta) || !GetVarint(in, &count) || count > classes || in->size() < count * 3) {
      return Status::Corrupt("syntax model: truncated row " + std::to_string(r));
    }
    key += delta;
    keys.push_back(static_cast<uint32_t>(key));
    starts.push_back(static_cast<uint32_t>(entries.size()));
    for (uint64_t i = 0; i < count; ++i) {
      Entry e;
      e.cls = static_cast<uint8_t>((*in)[0]);
      e.weight = static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint8_t>((*in)[1])) |
                                      (static_cast<uint16_t>(static_cast<uint8_t>((*in)[2])) << 8));
      in->remove_prefix(3);
      if (e.cls >= classes) return Status::Corrupt("syntax model: class out of range");
      if (e.weight == kSpill) return Status::Corrupt("syntax model: weight out of range");
      if (e.weight == 0) continue;  // adds nothing
      entries.push_back(e);
    }
  }
  starts.push_back(static_cast<uint32_t>(entries.size()));
  if (entries.size() >= (1u << 24)) return Status::Corrupt("syntax model: too many weights");
  m.Build(keys, starts, entries);
  return m;
}

// ---- PerceptronTrainer

PerceptronTrainer::PerceptronTrainer(int classes) : classes_(classes) {
  slot_key_.assign(1 << 16, 0);
  slot_row_.assign(1 << 16, -1);
}

int64_t PerceptronTrainer::Row(Feature f) const {
  if (f == 0) f = 1;
  size_t mask = slot_key_.size() - 1;
  for (size_t s = (f * 0x9E3779B97F4A7C15ull) >> 20 & mask;; s = (s + 1) & mask) {
    if (slot_key_[s] == f) return slot_row_[s];
    if (slot_key_[s] == 0) return -1;
  }
}

void PerceptronTrainer::Grow() {
  std::vector<Feature> keys(slot_key_.size() * 2, 0);
  std::vector<int64_t> rows(slot_key_.size() * 2, -1);
  size_t mask = keys.size() - 1;
  for (size_t i = 0; i < slot_key_.size(); ++i) {
    if (slot_key_[i] == 0) continue;
    size_t s = (slot_key_[i] * 0x9E3779B97F4A7C15ull) >> 20 & mask;
    while (keys[s] != 0) s = (s + 1) & mask;
    keys[s] = slot_key_[i];
    rows[s] = slot_row_[i];
  }
  slot_key_.swap(keys);
  slot_row_.swap(rows);
}

int64_t PerceptronTrainer::RowOrInsert(Feature f) {
  if (f == 0) f = 1;
  if ((keys_used_ + 1) * 2 > slot_key_.size()) Grow();
  size_t mask = slot_key_.size() - 1;
  size_t s = (f * 0x9E3779B97F4A7C15ull) >> 20 & mask;
  for (;; s = (s + 1) & mask) {
    if (slot_key_[s] == f) return slot_row_[s];
    if (slot_key_[s] == 0) break;
  }
  int64_t row = static_cast<int64_t>(row_key_.size());
  slot_key_[s] = f;
  slot_row_[s] = row;
  ++keys_used_;
  row_key_.push_back(f);
  w_.resize(w_.size() + classes_, 0.0f);
  total_.resize(total_.size() + classes_, 0.0);
  stamp_.resize(stamp_.size() + classes_, now_);
  return row;
}

void PerceptronTrainer::Score(std::span<const Feature> feats, float* scores) const {
  for (Feature f : feats) {
    int64_t r = Row(f);
    if (r < 0) continue;
    const float* w = &w_[static_cast<size_t>(r) * classes_];
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::Update(std::span<const Feature> feats, int truth, int guess, float step) {
  if (truth == guess) return;
  for (Feature f : feats) {
    size_t base = static_cast<size_t>(RowOrInsert(f)) * classes_;
    Bump(base + truth, step);
    Bump(base + guess, -step);
  }
}

void PerceptronTrainer::Add(std::span<const Feature> feats, int cls, float delta) {
  for (Feature f : feats) Bump(static_cast<size_t>(RowOrInsert(f)) * classes_ + cls, delta);
}

void PerceptronTrainer::Bump(size_t i, float delta) {
  total_[i] += static_cast<double>(now_ - stamp_[i]) * w_[i];
  stamp_[i] = now_;
  w_[i] += delta;
}

CompactModel PerceptronTrainer::Finish(float min_relative_weight) const {
  const size_t rows = row_key_.size();
  std::vector<float> avg(w_.size());
  float max_abs = 0.0f;
  for (size_t i = 0; i < w_.size(); ++i) {
    double t = total_[i] + static_cast<double>(now_ - stamp_[i]) * w_[i];
    avg[i] = static_cast<float>(t / static_cast<double>(now_));
    max_abs = std::max(max_abs, std::fabs(avg[i]));
  }
  CompactModel m;
  m.classes_ = classes_;
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  const float keep = max_abs * min_relative_weight;
  // Merge rows whose 32-bit keys collide (summing, as hashing would) in key order.
  std::vector<std::pair<uint32_t, size_t>> order;
  order.reserve(rows);
  for (size_t r = 0; r < rows; ++r) order.emplace_back(Key32(row_key_[r]), r);
  std::sort(order.begin(), order.end());
  std::vector<uint32_t> keys, starts;
  std::vector<CompactModel::Entry> entries;
  std::vector<float> sum(classes_);
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    std::fill(sum.begin(), sum.end(), 0.0f);
    for (; j < order.size() && order[j].first == order[i].first; ++j) {
      for (int c = 0; c < classes_; ++c) sum[c] += avg[order[j].second * classes_ + c];
    }
    size_t first = entries.size();
    // A row stays whole or goes whole: dropping only its small weights would shift the
    // balance between the classes that the large ones were learnt against.
    float row_max = 0.0f;
    for (int c = 0; c < classes_; ++c) row_max = std::max(row_max, std::fabs(sum[c]));
    for (int c = 0; c < classes_ && row_max >= keep; ++c) {
      if (sum[c] == 0.0f) continue;
      long q = std::lround(sum[c] / m.scale_);
      q = std::clamp(q, -32767L, 32767L);
      if (q != 0) entries.push_back({static_cast<uint8_t>(c), static_cast<int16_t>(q)});
    }
    if (entries.size() > first) {
      keys.push_back(order[i].first);
      starts.push_back(static_cast<uint32_t>(first));
    }
    i = j;
  }
  starts.push_back(static_cast<uint32_t>(entries.size()));
  m.Build(keys, starts, entries);
  return m;
}

// ---- serialisation helpers

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0; shift < 64 && !in->empty(); shift += 7) {
    uint8_t b = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    r |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (b < 0x80) {
      *v = r;
      return true;
    }
  }
  return false;
}

void PutString(std::string_view s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

bool GetString(std::string_view* in, std::string* s) {
  uint64_t n = 0;
  if (!GetVarint(in, &n) || n > in->size()) return false;
  s->assign(in->substr(0, n));
  in->remove_prefix(n);
  return true;
}

void PutFloat(float f, std::string* out) {
  char b[4];
  std::memcpy(b, &f, 4);
  out->append(b, 4);
}

bool GetFloat(std::string_view* in, float* f) {
  if (in->size() < 4) return false;
  std::memcpy(f, in->data(), 4);
  in->remove_prefix(4);
  return true;
}

std::string CompressModelFile(std::string_view magic, std::string_view raw) {
  uLongf bound = compressBound(raw.size());
  std::string out(magic);
  PutVarint(raw.size(), &out);
  size_t head = out.size();
  out.resize(head + bound);
  compress2(reinterpret_cast<Bytef*>(&out[head]), &bound, reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9);
  out.resize(head + bound);
  return out;
}

StatusOr<std::string> DecompressModelFile(std::string_view magic, std::string_view bytes, std::string_view what) {
  constexpr uint64_t kMaxModelBytes = 512ull << 20;
  const std::string name(what);
  if (!bytes.starts_with(magic)) return Status::Corrupt(name + ": not a newsgraph " + name);
  bytes.remove_prefix(magic.size());
  uint64_t size = 0;
  if (!GetVarint(&bytes, &size) || size > kMaxModelBytes) return Status::Corrupt(name + ": bad size");
  std::string raw(size, '\0');
  uLongf got = size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &got, reinterpret_cast<const Bytef*>(bytes.data()),
                 bytes.size()) != Z_OK ||
      got != size) {
    return Status::Corrupt(name + ": compressed data is damaged");
  }
  return raw;
}

}  // namespace newsgraph::syntax
