// The named-mention tagger: a BIO sequence tagger over the syntax stage's words that marks
// the names of people, organisations and places (PERSON / ORG / LOC). It is a greedy
// left-to-right averaged perceptron (syntax/perceptron.h) whose features are the word, its
// lower case, shape and affixes, its UPOS, lemma, dependency relation and head's lemma, the
// words and tags around it, and what the gazetteers (gazetteer.h) say of it: part of a known
// place or organisation, a given name, a surname, a nationality, an ordinary English word, a
// lexicon class ("Ministry", "River", "Mr."). Decoding keeps the BIO constraint (an I- tag
// only continues a name of its own type).
//
// Trained by `newsgraph train-ner` (ner_train.h) on openly licensed corpora and GUM's entity
// layer, shipped compressed in data/ner/en.model and loaded once per process. One model is
// immutable after loading and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/status.h"
#include "entities/gazetteer.h"
#include "syntax/perceptron.h"
#include "syntax/tagger.h"

namespace newsgraph::entities {

// BIO tags; B and I of each type are adjacent.
enum NerTag : uint8_t { kTagO = 0, kTagBPer, kTagIPer, kTagBOrg, kTagIOrg, kTagBLoc, kTagILoc };
inline constexpr int kNerTags = 7;
const char* NerTagName(uint8_t tag);  // "O", "B-PER", ...
EntityType NerTagType(uint8_t tag);   // of a B- or I- tag
uint8_t NerBegin(EntityType t);       // B- tag of a type
inline bool NerInside(uint8_t tag) { return tag != kTagO && tag % 2 == 0; }

// One word as the tagger reads it (views into the caller's text).
struct NerWord {
  std::string_view form, lemma;
  uint8_t upos = 0, deprel = 0;
  int32_t head = -1;  // index within the sentence, -1 for the root
};

// A name found in a sentence: words [first, end).
struct NerSpan {
  uint32_t first = 0, end = 0;
  EntityType type = EntityType::kPerson;
  bool operator==(const NerSpan&) const = default;
};
// The names a tag sequence marks (an I- tag that starts a name counts as B-).
std::vector<NerSpan> NerSpans(const std::vector<uint8_t>& tags);

// Epochs, seed, pruning and verbosity, as for the syntax models.
using NerTrainOptions = syntax::TrainOptions;

// A training sentence: words and their gold tags.
struct NerExample {
  std::vector<NerWord> words;
  std::vector<uint8_t> tags;
};

class NerModel {
 public:
  std::string info;  // how the model was trained (free text)

  // The model compiled into the binary (data/ner/en.model, or NEWSGRAPH_DATA_DIR's), loaded
  // once per process; an error names what is missing or damaged.
  [[nodiscard]] static StatusOr<const NerModel*> Default();
  [[nodiscard]] static StatusOr<std::unique_ptr<NerModel>> Deserialize(std::string_view bytes);
  std::string Serialize() const;

  // Tags one sentence.
  void Tag(const Gazetteer& gaz, const std::vector<NerWord>& words, std::vector<uint8_t>* tags) const;
  // Tags every sentence of an analysis (the syntax stage ran): one tag per Analysis::words.
  void TagAnalysis(const Gazetteer& gaz, const Analysis& a, std::vector<uint8_t>* tags) const;

  [[nodiscard]] static std::unique_ptr<NerModel> Train(const Gazetteer& gaz, const std::vector<NerExample>& data,
                                                       const NerTrainOptions& opt);
  size_t features() const { return model_.features(); }

 private:
  syntax::CompactModel model_;
};

// The names the tagger found in one article, as byte spans of Analysis::body, for the
// entities stage's rules to consult. Empty when there is no model or no syntax.
class ArticleNames {
 public:
  ArticleNames() = default;
  // From one tag per Analysis::words (NerModel::TagAnalysis).
  ArticleNames(const Analysis& a, const std::vector<uint8_t>& tags);

  struct Name {
    Span span;
    EntityType type;
  };
  const std::vector<Name>& names() const { return names_; }
  bool empty() const { return names_.empty() && !tagged_; }
  // The type of the name that spans exactly `s`; false when there is none.
  bool Exact(Span s, EntityType* type) const;
  // Whether the article was tagged and no name of the tagger overlaps `s`.
  bool NoneIn(Span s) const;
  // Whether a name of type `type` contains all of `s`.
  bool Covers(Span s, EntityType type) const;

 private:
  std::vector<Name> names_;  // in text order
  bool tagged_ = false;
};

}  // namespace newsgraph::entities
