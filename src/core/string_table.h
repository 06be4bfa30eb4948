// A hash table from strings to small values for the word look-ups of the hot loops (the
// gazetteer's word facts, the lemmatizer), filled once and then only read. Open
// addressing with linear probing at a load of at most 0.7; a slot holds 32 bits of the
// key's hash (XXH3), where its bytes lie and the value, so that a look-up of an absent key
// touches one cache line and a hit one more (the key's bytes), where a node-based
// std::unordered_map reads a bucket, the node before, the node and the key. The table keeps
// a copy of the keys' bytes, so it may be copied and outlive what it was filled from.
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
  template <class Items>  // a range of pairs (string-like key, V) with distinct keys
  explicit StringTable(const Items& items) {
    for (const auto& [key, value] : items) (*this)[std::string_view(key)] = value;
  }

  // The value of `key`, or null.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const size_t s = Probe(key, Hash(key));
    return s == kEmpty ? nullptr : &slots_[s].value;
  }

  // The value of `key`, added (value-initialised) when missing. Keys less than 4 GB together.
  V& operator[](std::string_view key) {
    if (10 * (size_ + 1) > 7 * slots_.size()) Grow();
    const uint64_t h = Hash(key);
    const size_t mask = slots_.size() - 1;
    size_t s = h & mask;
    for (;; s = (s + 1) & mask) {
      Slot& slot = slots_[s];
      if (slot.offset == kEmpty) break;
      if (Same(slot, key, h)) return slot.value;
    }
    Slot& slot = slots_[s];
    slot.check = static_cast<uint32_t>(h >> 32);
    slot.offset = static_cast<uint32_t>(keys_.size());
    slot.size = static_cast<uint32_t>(key.size());
    keys_.append(key);
    ++size_;
    return slot.value;
  }

  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint32_t check = 0;        // the hash's high 32 bits
    uint32_t offset = kEmpty;  // of the key in keys_; kEmpty = empty slot
    uint32_t size = 0;
    V value{};
  };
  static uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }
  bool Same(const Slot& slot, std::string_view key, uint64_t h) const {
    return slot.check == static_cast<uint32_t>(h >> 32) && slot.size == key.size() &&
           (key.empty() || std::memcmp(keys_.data() + slot.offset, key.data(), key.size()) == 0);
  }
  // The slot holding `key`, or kEmpty.
  size_t Probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t s = h & mask;; s = (s + 1) & mask) {
      const Slot& slot = slots_[s];
      if (slot.offset == kEmpty) return kEmpty;
      if (Same(slot, key, h)) return s;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot());
    const size_t mask = slots_.size() - 1;
    for (Slot& o : old) {
      if (o.offset == kEmpty) continue;
      const uint64_t h = Hash(std::string_view(keys_.data() + o.offset, o.size));
      size_t s = h & mask;
      while (slots_[s].offset != kEmpty) s = (s + 1) & mask;
      slots_[s] = std::move(o);
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t size_ = 0;
};

}  // namespace newsgraph
