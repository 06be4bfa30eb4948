// CoNLL-U, the exchange format of Universal Dependencies: one word a line with ten
// tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), comment
// lines starting with '#', a blank line after each sentence. Multiword token lines
// ("1-2 don't") are kept as surface tokens; empty nodes ("8.1") are skipped, as basic
// dependency trees do not use them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace newsgraph::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, deps, misc;
  int head = 0;  // 0: root; else 1-based index of the head word
  bool space_after = true;  // MISC SpaceAfter=No clears it
};

// A multiword token spanning words [first, last] (1-based), e.g. "don't" over "do" "n't".
struct ConlluToken {
  int first = 0, last = 0;
  std::string form;
  bool space_after = true;
};

struct ConlluSentence {
  std::vector<std::pair<std::string, std::string>> comments;  // "# key = value" pairs
  std::string text;      // the "# text" comment, or empty
  std::string sent_id;   // the "# sent_id" comment, or empty
  std::string newdoc;    // the "# newdoc id" comment when a document starts here
  std::vector<ConlluWord> words;
  std::vector<ConlluToken> multiword;  // sorted by first
};

// Parses a whole CoNLL-U text. Errors name the line and what is wrong with it.
[[nodiscard]] StatusOr<std::vector<ConlluSentence>> ParseConllu(std::string_view text);
// Reads and parses a file.
[[nodiscard]] StatusOr<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Writes one sentence (comments, multiword tokens, words, blank line).
void WriteConllu(const ConlluSentence& s, std::string* out);

// A mention of the entity layer some treebanks carry in MISC (GUM: "Entity=(3-person-giv-..."
// on a word opens mention 3 of chain 3, "3)" on a later word closes it, "(3-person-...)" is a
// one-word mention).
struct EntityMention {
  std::string id;    // the chain id
  std::string type;  // "person", "organization", "place", ...
  int first = 0, last = 0;  // word positions as given to ReadEntityMentions, inclusive
};

// Reads the Entity= value of the MISC column of the word at position `word`: the mentions it
// opens are pushed on `open`; a mention it closes (the latest open one of its id) or opens
// and closes moves to `out`. Positions may count within a sentence or a whole document.
void ReadEntityMentions(std::string_view misc, int word, std::vector<EntityMention>* open,
                        std::vector<EntityMention>* out);

// The surface text of a sentence rebuilt from its tokens and SpaceAfter flags.
std::string SurfaceText(const ConlluSentence& s);

}  // namespace newsgraph::syntax
