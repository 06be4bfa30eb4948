// A read-only hash table from strings to small values, built once from a list of
// (key, value) pairs, for the word look-ups of the hot loops (the gazetteer's word facts).
// Open addressing with linear probing at a load of at most one half; a slot holds the
// key's 64-bit hash (XXH3), where its bytes lie and the value, so that a look-up of an
// absent key touches one cache line and a hit one more (the key's bytes), where a
// node-based std::unordered_map reads a bucket, the node before, the node and the key.
// The table keeps a copy of the keys' bytes, so it may be copied and outlive its input.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph {

template <class V>
class StringTable {
 public:
  StringTable() = default;
  // Keys must be distinct, and less than 4 GB together.
  template <class Items>  // a range of pairs (string-like key, V)
  explicit StringTable(const Items& items) {
    size_t count = 0, bytes = 0;
    for (const auto& [key, value] : items) ++count, bytes += std::string_view(key).size();
    size_t cap = 16;
    while (cap < 2 * count) cap *= 2;
    slots_.assign(cap, Slot());
    keys_.reserve(bytes);
    for (const auto& [k, value] : items) {
      const std::string_view key(k);
      const uint64_t h = Hash(key);
      size_t s = h & (cap - 1);
      while (slots_[s].hash != 0) s = (s + 1) & (cap - 1);
      slots_[s] = Slot{h, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), value};
      keys_.append(key);
    }
    size_ = count;
  }

  // The value of `key`, or null.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    const size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.hash == 0) return nullptr;
      if (slot.hash == h && slot.size == key.size() &&
          (key.empty() || std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0)) {
        return &slot.value;
      }
    }
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;    // 0 = empty
    uint32_t offset = 0;  // of the key in keys_
    uint32_t size = 0;
    V value{};
  };
  static uint64_t Hash(std::string_view s) {
    const uint64_t h = XXH3_64bits(s.data(), s.size());
    return h == 0 ? 1 : h;
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t size_ = 0;
};

}  // namespace newsgraph
