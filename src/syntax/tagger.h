// Part-of-speech tagger: a greedy left-to-right averaged perceptron over UPOS (17 tags).
// Features: the word, its lower case, affixes, shape, the two words either side, the two
// tags already chosen on the left, and the ambiguity classes (the tags a word took in
// training) of the words to the right, which stand in for the tags not yet chosen.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "syntax/lexical.h"
#include "syntax/perceptron.h"

namespace newsgraph::syntax {

struct TaggedSentence {
  std::vector<std::string> forms;
  std::vector<uint8_t> tags;  // ud::Upos
};

struct TrainOptions {
  int epochs = 10;
  uint64_t seed = 1;
  float prune = 0.0f;  // relative weight below which features are dropped
  int beam = 1;        // parser: beam width (1: greedy, with the dynamic oracle)
  bool verbose = false;
};

class Tagger {
 public:
  // Lexemes of a sentence (shared with the parser).
  static std::vector<Lexeme> Lexemes(const std::vector<std::string_view>& forms);

  void Tag(const std::vector<Lexeme>& lex, std::vector<uint8_t>* tags) const;

  [[nodiscard]] static Tagger Train(const std::vector<TaggedSentence>& data, const TrainOptions& opt);
  void Save(std::string* out) const;
  [[nodiscard]] static StatusOr<Tagger> Load(std::string_view* in);
  size_t features() const { return model_.features(); }

 private:
  // The ambiguity class of each word of a sentence (looked up once per word, read by the
  // features of three positions).
  void Ambiguities(const std::vector<Lexeme>& lex, std::vector<uint32_t>* out) const;
  void Features(const std::vector<Lexeme>& lex, const std::vector<uint32_t>& amb, const std::vector<uint8_t>& tags,
                size_t i, FeatureList* out) const;

  CompactModel model_;
  std::unordered_map<uint64_t, uint32_t> tagdict_;  // lower-case form -> bit set of tags
};

// Deterministic shuffle (the training order must not depend on the standard library).
void Shuffle(std::vector<size_t>* order, uint64_t* state);
uint64_t NextRandom(uint64_t* state);

}  // namespace newsgraph::syntax
