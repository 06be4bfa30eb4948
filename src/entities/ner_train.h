// Training and testing data of the named-mention tagger (ner.h), and its scores.
//
// Corpora (docs/entities.md): ../shared/ner/ (wikigold, the Broad Twitter Corpus, the open
// re3d sources; CoNLL columns, token then tag) and the entity layer of GUM
// (../shared/ud/en_gum_ccby, MISC Entity=). Their labels map to PERSON / ORG / LOC and the
// rest become O. Every corpus is split BY DOCUMENT, deterministically, into train, dev and
// test; the tagger is trained on train only. The split of a corpus with documents (wikigold's
// -DOCSTART-, one re3d file, GUM's newdoc) puts document k in test when k % 5 == 4 and in dev
// when k % 10 == 3; the Twitter corpus, which has no document boundaries, is cut into blocks
// of 100 sentences split the same way. GUM keeps its own train/dev/test. The ten GUM news
// documents of the project's blind set are left out of every part.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "entities/entities.h"
#include "entities/gazetteer.h"
#include "entities/ner.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

namespace newsgraph::entities {

// A sentence with owned words, its syntax (from our parser) and gold tags.
struct NerSentence {
  std::vector<std::string> forms, lemmas;
  std::vector<uint8_t> upos, deprels;
  std::vector<int32_t> heads;
  std::vector<uint8_t> tags;
  std::vector<NerWord> Words() const;
};

struct NerCorpus {
  std::string name;  // "wikigold", "btc", "re3d", "gum"
  std::vector<NerSentence> train, dev, test;
};

// Reads one CoNLL NER file (token, whitespace, tag; IO or BIO; "-DOCSTART-" lines start
// documents) into documents of sentences with BIO tags over PERSON / ORG / LOC.
[[nodiscard]] StatusOr<std::vector<std::vector<NerSentence>>> ReadConllNer(const std::string& path);
// The same file's sentences, documents run together.
[[nodiscard]] StatusOr<std::vector<NerSentence>> ReadConllSentences(const std::string& path);
// Maps a corpus label ("PER", "Person", "B-Organisation", "I-LOC") to a type; false for the
// labels that are not ours (MISC, Nationality, Temporal ...).
bool NerLabelType(std::string_view label, EntityType* type);

// The PERSON / ORG / LOC names of GUM's entity layer as BIO tags, one per word of `words`
// (a CoNLL-U sentence): a person, organization or place mention whose syntactic head is a
// proper noun; the name is the run of proper nouns around the head, with "of", "de", "for",
// "the", "&" inside an organisation's or place's name when a proper noun follows ("Bank of
// England"), without a leading title word ("President"). Nested names give way to the outer
// one.
std::vector<uint8_t> GumNerTags(const Gazetteer& gaz, const syntax::ConlluSentence& s);


// Loads every corpus with its split. `ner_dir` is ../shared/ner, `gum_dir` the GUM treebank
// folder; the syntax model fills the words' syntax. Without `train_parts` the train parts
// stay empty (what the floor tests need).
[[nodiscard]] StatusOr<std::vector<NerCorpus>> LoadNerCorpora(const std::string& ner_dir, const std::string& gum_dir,
                                                              const Gazetteer& gaz, const syntax::SyntaxModel& syntax,
                                                              bool train_parts = true);

struct NerTypeScore {
  size_t gold = 0, predicted = 0, correct = 0;
  double F1() const;
  double Precision() const;
  double Recall() const;
};
struct NerScores {
  NerTypeScore all, person, org, loc;
  size_t words = 0;
};
// Typed, exact-span scores of the model on `data`. With `errors`, appends each sentence
// where the model and the gold disagree: the sentence, then "- gold" and "+ predicted" names.
NerScores ScoreNer(const NerModel& model, const Gazetteer& gaz, const std::vector<NerSentence>& data,
                   std::string* errors = nullptr);

// Typed, exact-span scores of the whole entities stage (what `analyze` reports: every
// mention of every entity) on `data`: the sentences are written out as text, 20 to an
// article, one a paragraph, and run through the sentence splitter, the syntax stage and
// `recognizer`; names are compared as byte spans.
NerScores ScoreRecognizer(const EntityRecognizer& recognizer, const syntax::SyntaxModel& syntax,
                          const std::vector<NerSentence>& data,
                          std::string* errors = nullptr);

// The training examples of `sentences`.
std::vector<NerExample> NerExamples(const std::vector<NerSentence>& sentences);

}  // namespace newsgraph::entities
