#include "core/ud.h"

#include <array>

namespace newsgraph::ud {
namespace {

constexpr std::array<std::string_view, kUposCount> kUpos = {
    "ADJ",  "ADP",   "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON",  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Universal relations (UD v2) and the English subtypes used by UD English treebanks.
constexpr std::string_view kDeprels[] = {
    "dep",          "acl",          "acl:relcl",   "advcl",        "advcl:relcl",
    "advmod",       "amod",         "appos",       "aux",          "aux:pass",
    "case",         "cc",           "cc:preconj",  "ccomp",        "clf",
    "compound",     "compound:prt", "conj",        "cop",          "csubj",
    "csubj:outer",  "csubj:pass",   "det",         "det:predet",   "discourse",
    "dislocated",   "expl",         "fixed",       "flat",         "flat:foreign",
    "goeswith",     "iobj",         "list",        "mark",         "nmod",
    "nmod:desc",    "nmod:npmod",   "nmod:poss",   "nmod:tmod",    "nmod:unmarked",
    "nsubj",        "nsubj:outer",  "nsubj:pass",  "nummod",       "obj",
    "obl",          "obl:agent",    "obl:npmod",   "obl:tmod",     "obl:unmarked",
    "orphan",       "parataxis",    "punct",       "reparandum",   "root",
    "vocative",     "xcomp",        "compound:lvc", "det:poss",    "expl:pv"};
constexpr int kDeprelCount = sizeof(kDeprels) / sizeof(kDeprels[0]);

int FindDeprel(std::string_view name) {
  for (int i = 0; i < kDeprelCount; ++i) {
    if (kDeprels[i] == name) return i;
  }
  return -1;
}

}  // namespace

std::string_view UposName(int upos) {
  return upos >= 0 && upos < kUposCount ? kUpos[upos] : std::string_view("X");
}

int UposIndex(std::string_view name) {
  for (int i = 0; i < kUposCount; ++i) {
    if (kUpos[i] == name) return i;
  }
  return -1;
}

int DeprelCount() { return kDeprelCount; }

std::string_view DeprelName(int deprel) {
  return deprel >= 0 && deprel < kDeprelCount ? kDeprels[deprel] : kDeprels[0];
}

int DeprelIndex(std::string_view name) {
  if (int i = FindDeprel(name); i >= 0) return i;
  if (int i = FindDeprel(UniversalDeprel(name)); i >= 0) return i;
  return 0;
}

std::string_view UniversalDeprel(std::string_view name) { return name.substr(0, name.find(':')); }

}  // namespace newsgraph::ud
