// The coreference stage: pronouns, titles used alone, definite descriptions and
// demonym-headed references, each added to Analysis::mentions with the entity it refers to.
//
// Method. One pass over the syntax words in text order keeps the entities mentioned so far
// (name mentions from the entities stage, and every reference this pass has resolved), each
// with the sentence, word and grammatical role of its latest mention. A reference is:
//  - a third-person pronoun (he, she, it, they, his, her, its, their, him, them, and the
//    reflexives), read from the parse (PRON) and data/quotes/pronouns.tsv;
//  - a title used alone, "the" + a title noun of data/quotes/titles.tsv ("the president",
//    "the prime minister"), resolved to the latest person whose title holds that word;
//  - a definite description, "the"/"this"/"both" + a head noun of
//    data/mentions/descriptions.tsv ("the agency", "the Norwegian company", "both sides",
//    "the two leaders"), resolved to the latest entity of the noun's type (one whose name
//    holds the noun wins: "the ministry" is the Foreign Ministry); a demonym modifier limits
//    it to entities of that country. A plural description is a group: the last entities of
//    that type (Mention::members), with no single entity.
// Candidates must agree in gender (a person's gender comes from a gendered title, a given
// name of data/quotes/given_names.tsv, or an earlier pronoun resolved to them), number and
// type (he/she: a person; it: an organisation or place; they: an organisation, or a group).
// The parse rules out a co-argument of the pronoun's own verb ("Ines praised her": her is
// not Ines) unless the pronoun is reflexive. Among the rest, recent sentences, subjects and
// names that matched the gender (not just failed to clash) are preferred. A reference with
// no candidate keeps entity -1. Linear in the article (bounded look-back per reference).
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

namespace mentions {
struct CorefLexicon;
}

class CorefResolver {
 public:
  // Loads the word lists embedded from data/ (quotes/pronouns.tsv, titles.tsv,
  // given_names.tsv, mentions/descriptions.tsv, gen/entities/demonyms.tsv).
  static StatusOr<std::unique_ptr<CorefResolver>> Create();
  ~CorefResolver();
  CorefResolver(const CorefResolver&) = delete;
  CorefResolver& operator=(const CorefResolver&) = delete;

  // Adds the pronoun, title and description mentions to analysis->mentions (which holds the
  // name mentions of the entities stage) and keeps it in text order. Needs the syntax words;
  // without them it leaves the mentions as they are. Thread-safe.
  void Resolve(Analysis* analysis) const;

 private:
  CorefResolver();
  std::unique_ptr<mentions::CorefLexicon> lex_;
};

}  // namespace newsgraph
