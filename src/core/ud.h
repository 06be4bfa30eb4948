// The Universal Dependencies inventories the syntax stage annotates with: the 17 universal
// part-of-speech tags and the dependency relations of UD English (universal relations and
// the English subtypes of the EWT and GUM treebanks). Words store small indexes into these
// tables; the names are what CoNLL-U and the JSON contract print.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsgraph::ud {

inline constexpr int kUposCount = 17;
// UPOS names in index order: ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT
// SCONJ SYM VERB X.
std::string_view UposName(int upos);
// Index of a UPOS name, or -1.
int UposIndex(std::string_view name);

enum Upos : uint8_t {
  kAdj, kAdp, kAdv, kAux, kCconj, kDet, kIntj, kNoun, kNum, kPart, kPron, kPropn, kPunct,
  kSconj, kSym, kVerb, kX
};

// Dependency relations; index 0 is "dep" (unspecified).
int DeprelCount();
std::string_view DeprelName(int deprel);
// Index of a relation name. An unknown subtype falls back to its universal relation
// ("obl:foo" -> "obl"), an unknown relation to "dep" (0).
int DeprelIndex(std::string_view name);
// The universal part of a relation ("nmod:poss" -> "nmod"), as CoNLL 2018's LAS compares.
std::string_view UniversalDeprel(std::string_view name);

}  // namespace newsgraph::ud
