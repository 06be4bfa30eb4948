// PhraseMatcher finds every occurrence of a fixed set of phrases in one left-to-right pass
// (Aho–Corasick). The automaton is compiled to a dense transition table over the byte
// classes that occur in the phrases (every other byte is one class), so a scan costs one
// table lookup per input byte whatever the number of phrases. ASCII letters can be matched
// case-insensitively. Immutable after Build(); Scan is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class PhraseMatcher {
 public:
  explicit PhraseMatcher(bool ascii_case_insensitive = true);

  // Adds a phrase with a caller-chosen id. REQUIRES: not built yet; phrase not empty.
  void Add(std::string_view phrase, int id);
  // Compiles the automaton. Call once after the last Add.
  void Build();

  // Calls fn(id, end) for every occurrence, `end` being the offset just past it.
  template <typename Fn>
  void Scan(std::string_view text, Fn&& fn) const {
    uint32_t state = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      state = next_[state * num_classes_ + class_of_[static_cast<unsigned char>(text[i])]];
      if (has_output_[state]) {
        for (int id : outputs_[state]) fn(id, i + 1);
      }
    }
  }

  size_t num_phrases() const { return num_phrases_; }

 private:
  bool ascii_case_insensitive_;
  size_t num_phrases_ = 0;
  uint8_t class_of_[256] = {};
  uint32_t num_classes_ = 1;
  // Trie under construction (children keyed by byte class).
  std::vector<std::vector<std::pair<uint8_t, uint32_t>>> children_;
  std::vector<std::vector<int>> outputs_;
  std::vector<uint8_t> has_output_;
  std::vector<uint32_t> next_;  // dense: state * num_classes_ + class
  std::vector<std::string> pending_;
  std::vector<int> pending_ids_;
};

}  // namespace newsgraph
