// The syntax stage: UD word segmentation, part-of-speech tags, lemmas and a labeled
// dependency tree for every sentence of an article, from models trained on Universal
// Dependencies English by `newsgraph train` (src/syntax/train.h) and shipped compressed in
// data/syntax/en.model. One model is immutable after loading and safe to share between
// threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace newsgraph::syntax {

// The analysis of one sentence given its words.
struct SentenceSyntax {
  std::vector<uint8_t> upos;
  std::vector<std::string> lemmas;
  std::vector<int> heads;  // -1 root, else 0-based index within the sentence
  std::vector<uint8_t> deprels;
};

class SyntaxModel {
 public:
  Tagger tagger;
  Lemmatizer lemmatizer;
  Parser parser;
  std::string info;  // how the model was trained and what it scored (free text)

  // The model compiled into the binary (data/syntax/en.model, or NEWSGRAPH_DATA_DIR's),
  // loaded once per process; an error names what is missing or damaged.
  [[nodiscard]] static StatusOr<const SyntaxModel*> Default();

  // Reads a model file's bytes (the framed, compressed form Serialize writes).
  [[nodiscard]] static StatusOr<std::unique_ptr<SyntaxModel>> Deserialize(std::string_view bytes);
  std::string Serialize() const;

  // Tags, lemmatizes and parses one sentence of word forms.
  void AnalyzeSentence(const std::vector<std::string_view>& forms, SentenceSyntax* out) const;
  // Parses with the given tags (gold-tag evaluation).
  void ParseTagged(const std::vector<std::string_view>& forms, const std::vector<uint8_t>& tags,
                   SentenceSyntax* out) const;

  // Splits every sentence of `a` into UD words and fills Analysis::words and the
  // sentences' word ranges.
  void Annotate(Analysis* a) const;
};

// The syntax of an analyzed article as CoNLL-U: "# newdoc id" (the article id), "# sent_id",
// "# text" per sentence, and in MISC each word's byte span in the body (TokenRange=start:end)
// and SpaceAfter=No where the next word follows without a space.
void AppendConllu(const Analysis& a, std::string* out);

}  // namespace newsgraph::syntax
