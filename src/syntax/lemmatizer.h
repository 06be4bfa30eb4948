// Lemmatizer learned from the treebanks: a table of (lower-case form, UPOS) -> lemma for
// words seen in training, and for unseen words suffix rules ("strip k letters, append s")
// chosen by the longest suffix of the word, within its UPOS, that training saw often enough
// and resolved the same way. Proper nouns keep their form; other lemmas are lower case
// except for "I".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/string_table.h"

namespace newsgraph::syntax {

struct LemmaExample {
  std::string form, lemma;
  uint8_t upos;
};

class Lemmatizer {
 public:
  std::string Lemma(std::string_view form, uint8_t upos) const;

  [[nodiscard]] static Lemmatizer Train(const std::vector<LemmaExample>& data);
  void Save(std::string* out) const;
  [[nodiscard]] static StatusOr<Lemmatizer> Load(std::string_view* in);

 private:
  struct Rule {
    uint8_t strip = 0;
    std::string append;
  };
  // Look-ups by string_view: a word's keys are views into one buffer, built once per word.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using Map = std::unordered_map<std::string, V, KeyHash, std::equal_to<>>;

  static std::string Key(std::string_view lower, uint8_t upos);
  // `keyed` is Key(lower, upos): the key of each suffix of `lower` is a view into it.
  std::string ApplyRules(std::string_view keyed, size_t lower_size) const;

  // Fills table_index_ and rules_index_ from table_ and rules_.
  void Index();

  Map<std::string> table_;  // Key(lower, upos) -> lemma
  Map<Rule> rules_;         // Key(suffix, upos) -> rule
  // The same, in flat tables for the look-ups (Lemma, ApplyRules).
  StringTable<std::string> table_index_;
  StringTable<Rule> rules_index_;
};

}  // namespace newsgraph::syntax
