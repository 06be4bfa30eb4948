// A read-only hash table from strings to small values, built once from a list of
// (key, value) pairs, for the word look-ups of the hot loops (the gazetteer's word facts).
// Open addressing with linear probing at a load of at most one half; a slot holds the
// key's 64-bit hash (XXH3), a view of the key and the value, so that a look-up of an absent
// key touches one cache line and a hit one more (the key's bytes), where a node-based
// std::unordered_map reads a bucket, the node before, the node and the key. The keys are
// views: what they point into must outlive the table.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph {

template <class V>
class StringTable {
 public:
  StringTable() = default;
  // Keys must be distinct.
  explicit StringTable(const std::vector<std::pair<std::string_view, V>>& items) {
    size_t cap = 16;
    while (cap < 2 * items.size()) cap *= 2;
    slots_.assign(cap, Slot());
    for (const auto& [key, value] : items) {
      const uint64_t h = Hash(key);
      size_t s = h & (cap - 1);
      while (slots_[s].data != nullptr) s = (s + 1) & (cap - 1);
      slots_[s] = Slot{h, key.data() == nullptr ? "" : key.data(), key.size(), value};
    }
    size_ = items.size();
  }

  // The value of `key`, or null.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    const size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.data == nullptr) return nullptr;
      if (slot.hash == h && slot.size == key.size() &&
          (key.empty() || std::memcmp(slot.data, key.data(), key.size()) == 0)) {
        return &slot.value;
      }
    }
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    const char* data = nullptr;  // null = empty
    size_t size = 0;
    V value{};
  };
  static uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace newsgraph
