// Actor phrases of one sentence: "China's defense minister", "U.S. Defense Secretary Lloyd
// Austin", "the national security advisers of the United States, Japan and the
// Philippines", "police". Each phrase has one or more member actors (coordination) with a
// name, a country and a role, and knows the preposition before it and whether it sits in an
// apposition. The names are the mention layer's (Analysis::mentions of kind name); the
// dictionaries read the countries, role words and modifiers around them; appositions are
// the parse's (core/words.h Apposition).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "events/dictionary.h"

namespace newsgraph::events {

struct Tok {
  std::string_view text;  // as in body
  std::string_view low;   // lower-cased (ASCII)
  Span span;
  bool cap = false;
  bool punct = false;
};

struct Actor {
  std::string name;         // canonical: entity name, full person name, or country name
  std::string raw;          // the name words of the text, before resolution
  std::string country;      // ISO alpha-3 / CAMEO country part, or empty
  std::string role;         // CAMEO role code, or empty
  std::string code;         // full CAMEO actor code, set by Finish()
  std::string detail;       // the words of an unnamed actor ("China's defense minister")
  std::string place;        // for capitals and places: the place name
  std::string possessor;    // "Ruto" of "Ruto's national security adviser Jane Roe"
  bool named = false;       // the text names it (not a country standing for an official)
  bool is_place = false;    // a city or region with no actor reading (Bali, Vienna)
  bool is_capital = false;  // a seat of government ("Beijing said")
  int entity = -1;          // index into Analysis::entities
  std::string fixed_code;   // a dictionary code that overrides country+role (PETRARCH actors)
  void Finish();
};

struct Phrase {
  int begin = 0, end = 0;  // token range within the sentence
  std::vector<Actor> members;
  std::string_view prep;    // lower-cased preposition just before it, or empty
  bool possessive = false;  // followed by 's
  int appos = -1;           // id of the apposition it lies in, or -1
  bool pronoun = false;     // a pronoun of the mention layer ("they"), acting as its entity
};

// The names of the mention layer by position: the name mentions of Analysis::mentions, each
// with its entity. The coder finds no names of its own.
class EntityIndex {
 public:
  explicit EntityIndex(const Analysis& a);
  int At(Span s) const;  // the entity of a name overlapping s, or -1
  bool empty() const { return mentions_.empty(); }
  const std::vector<std::pair<Span, int>>& names() const { return mentions_; }  // sorted by start

 private:
  std::vector<std::pair<Span, int>> mentions_;  // sorted by start
};

// Finds the actor phrases of sentence `s`, whose tokens are `toks`, at most `max_phrases`;
// dated dictionary codes are taken as of `yyyymmdd` (0: undated codes).
std::vector<Phrase> FindPhrases(const Dictionaries& d, const Sentence& s, const std::vector<Tok>& toks,
                                const Analysis& a, const EntityIndex& entities, int yyyymmdd,
                                size_t max_phrases = 512);

bool IsPreposition(std::string_view low);

}  // namespace newsgraph::events
