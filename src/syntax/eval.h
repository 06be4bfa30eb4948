// Scores of the syntax models against UD treebanks. With gold words: UPOS accuracy, lemma
// accuracy, UAS, and LAS (universal relations, as CoNLL 2018 compares; and with subtypes).
// From raw text, as the pipeline runs: the sentence splitter and UD tokenizer on each
// document's text, scored as CoNLL 2018 does, by aligning words on their character spans
// (word, sentence, UPOS, UAS and LAS F1).
#pragma once

#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace newsgraph::syntax {

struct GoldTokenScores {
  size_t words = 0;
  double upos = 0, lemma = 0, uas = 0, las = 0, las_subtypes = 0;  // percentages
  double uas_gold_tags = 0, las_gold_tags = 0;  // parser alone, given the treebank's UPOS
};

struct RawTextScores {
  size_t gold_words = 0, predicted_words = 0;
  // Forms of the words that found no partner, most frequent first ("gold: x", "ours: y").
  std::vector<std::pair<std::string, size_t>> unmatched;
  double words_f1 = 0, sentences_f1 = 0, upos_f1 = 0, uas_f1 = 0, las_f1 = 0;  // percentages
};

// Byte spans of a sentence's words within `text` (its "# text"), offset by `base`,
// following the forms; a word whose form is not where expected gets its token's span.
std::vector<Span> WordSpans(const ConlluSentence& s, std::string_view text, uint32_t base);

GoldTokenScores EvaluateGoldTokens(const SyntaxModel& model, const std::vector<ConlluSentence>& gold);
RawTextScores EvaluateRawText(const SyntaxModel& model, const std::vector<ConlluSentence>& gold);

// Sentences of one genre: GUM's sentence ids start with the genre ("GUM_news_...").
std::vector<ConlluSentence> FilterBySentIdPrefix(const std::vector<ConlluSentence>& all, const std::string& prefix);

}  // namespace newsgraph::syntax
