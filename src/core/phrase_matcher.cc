#include "core/phrase_matcher.h"

#include <deque>

namespace newsgraph {

PhraseMatcher::PhraseMatcher(bool ascii_case_insensitive) : ascii_case_insensitive_(ascii_case_insensitive) {}

void PhraseMatcher::Add(std::string_view phrase, int id) {
  pending_.emplace_back(phrase);
  pending_ids_.push_back(id);
}

void PhraseMatcher::Build() {
  auto fold = [&](unsigned char c) -> unsigned char {
    return ascii_case_insensitive_ && c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
  };
  // Byte classes: one per distinct (folded) byte used by a phrase; 0 for all others.
  for (const std::string& p : pending_) {
    for (unsigned char c : p) {
      unsigned char f = fold(c);
      if (class_of_[f] == 0) class_of_[f] = static_cast<uint8_t>(num_classes_++);
    }
  }
  if (ascii_case_insensitive_) {
    for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c - 'A' + 'a'];
  }
  children_.assign(1, {});
  outputs_.assign(1, {});
  for (size_t k = 0; k < pending_.size(); ++k) {
    uint32_t s = 0;
    for (unsigned char c : pending_[k]) {
      uint8_t cls = class_of_[fold(c)];
      uint32_t to = 0;
      for (auto& [cc, t] : children_[s]) {
        if (cc == cls) to = t;
      }
      if (to == 0) {
        to = static_cast<uint32_t>(children_.size());
        children_.emplace_back();
        outputs_.emplace_back();
        children_[s].emplace_back(cls, to);
      }
      s = to;
    }
    if (!pending_[k].empty()) {
      outputs_[s].push_back(pending_ids_[k]);
      ++num_phrases_;
    }
  }
  // Breadth-first: failure links, merged outputs, dense transitions.
  const size_t n = children_.size();
  next_.assign(n * num_classes_, 0);
  std::vector<uint32_t> fail(n, 0);
  std::deque<uint32_t> queue;
  for (auto& [cls, t] : children_[0]) {
    next_[cls] = t;
    queue.push_back(t);
  }
  while (!queue.empty()) {
    uint32_t s = queue.front();
    queue.pop_front();
    const std::vector<int>& inherited = outputs_[fail[s]];
    outputs_[s].insert(outputs_[s].end(), inherited.begin(), inherited.end());
    for (uint32_t cls = 0; cls < num_classes_; ++cls) next_[s * num_classes_ + cls] = next_[fail[s] * num_classes_ + cls];
    for (auto& [cls, t] : children_[s]) {
      fail[t] = next_[fail[s] * num_classes_ + cls];
      next_[s * num_classes_ + cls] = t;
      queue.push_back(t);
    }
  }
  has_output_.resize(n);
  for (size_t s = 0; s < n; ++s) has_output_[s] = !outputs_[s].empty();
  children_.clear();
  children_.shrink_to_fit();
  pending_.clear();
  pending_ids_.clear();
}

}  // namespace newsgraph
