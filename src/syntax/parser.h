// Labeled dependency parser: greedy arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez and
// Satta 2011) scored by an averaged perceptron over rich non-local features in the manner of
// Zhang and Nivre (2011), trained with a dynamic oracle and exploration (Goldberg and Nivre
// 2013), so that it learns to recover from its own mistakes. The root is the last item of the
// buffer and may take a child only when the stack holds one word, which makes every output
// a tree with a single root. A second perceptron labels each arc when it is made: the
// dependent is complete at that moment (arc-hybrid attaches a word when it leaves the stack),
// so the labeler sees its whole subtree (its case marker, its auxiliaries), and the labels
// already given feed the transition features of later steps.
//
// A parser trained with a beam (TrainOptions::beam > 1) keeps the k best partial parses
// instead of one, scored by the sum of their transitions, and learns globally: when the
// gold parse falls out of the beam, the gold prefix's features move up and the best
// prefix's down (early update; Zhang and Clark 2008, Zhang and Nivre 2011). Its width is
// saved with the model and used for decoding. The shipped model is greedy: the beam gains
// about a point of UAS and LAS for several times the parsing time (docs/syntax.md).
//
// Output trees are projective; the non-projective arcs of English treebanks are 0.1-0.3%
// of all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/lexical.h"
#include "syntax/perceptron.h"
#include "syntax/tagger.h"

namespace newsgraph::syntax {

struct ParsedSentence {
  std::vector<std::string> forms;
  std::vector<uint8_t> tags;    // UPOS the parser sees (predicted, for training: jackknifed)
  std::vector<int> heads;       // -1 root, else 0-based index
  std::vector<uint8_t> labels;  // ud deprel index
};

class Parser {
 public:
  // Parses one sentence: heads (-1 = root) and labels for each word.
  void Parse(const std::vector<Lexeme>& lex, const std::vector<uint8_t>& tags, std::vector<int>* heads,
             std::vector<uint8_t>* labels) const;

  [[nodiscard]] static Parser Train(const std::vector<ParsedSentence>& data, const TrainOptions& opt);
  void Save(std::string* out) const;
  [[nodiscard]] static StatusOr<Parser> Load(std::string_view* in);
  size_t features() const { return transitions_.features() + labels_.features(); }
  int beam() const { return beam_; }  // 1: greedy

 private:
  CompactModel transitions_;  // SHIFT, LEFT, RIGHT
  CompactModel labels_;       // one class per ud deprel
  int beam_ = 1;
};

}  // namespace newsgraph::syntax
