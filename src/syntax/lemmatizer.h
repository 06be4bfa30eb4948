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
  static std::string Key(std::string_view lower, uint8_t upos);
  std::string ApplyRules(const std::string& lower, uint8_t upos) const;

  std::unordered_map<std::string, std::string> table_;  // Key(lower, upos) -> lemma
  std::unordered_map<std::string, Rule> rules_;          // Key(suffix, upos) -> rule
};

}  // namespace newsgraph::syntax
