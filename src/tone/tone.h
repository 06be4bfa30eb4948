// The tone stage: GDELT-style lexicon tone of the cleaned body.
//
// Method. Every word token of the body counts once toward the word count; a word found in
// the tone lexicon (data/tone/lexicon.tsv, the project's own list of a few hundred positive
// and negative news words) adds to the positive or negative tally. A negator
// (data/tone/negators.tsv: "not", "no", "never", "without", "n't" forms) up to three words
// before a charged word in the same clause reverses its charge ("not good" counts as
// negative, "no violence" as positive). Then, as GDELT defines them:
//   positive = positive words per 100 words, negative = negative words per 100 words,
//   score = positive - negative, polarity = positive + negative.
// Limits: a bag of words with one negation rule; no sarcasm, intensifiers or phrases.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

class ToneScorer {
 public:
  static StatusOr<std::unique_ptr<ToneScorer>> Create();
  // Fills analysis->tone from the tokens. Thread-safe.
  void Score(Analysis* analysis) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const;
  };
  // +1 positive, -1 negative, 0 negator.
  std::unordered_map<std::string, int8_t, Hash, std::equal_to<>> words_;
  size_t max_word_bytes_ = 0;
};

}  // namespace newsgraph
