// Who said it: the speaker of each quotation, from the reporting cue around it.
//
// Method. Candidate speakers are name groups: runs of capitalised words outside quotations
// ("Secretary of State Amara Okafor"), joined with the entity mentions they contain;
// a group stands for the PERSON entity in it, else its ORG, else its LOC, else (before or
// without the entities stage) for its own words less titles, a surname or first name
// joined to a full name seen earlier. For each quotation, in order:
//  1. After the quote: the first cue in the rest of the sentence; "said X" takes the name
//     after the cue, "X said", "X, the top ..., said" and "he told reporters" the subject
//     before it (appositives skipped, names after a preposition or possessives passed over).
//  2. Before the quote: the nearest cue to its left in the sentence; a participle
//     ("..., saying ... that") takes the main clause's subject; "according to X" the name
//     after it. Partial quotes without closing punctuation try this step first.
//  3. A quote that opens its paragraph after one ending in ':' takes that paragraph's cue.
//  4. A quote that opens its sentence with no cue at all continues the previous quotation
//     of the same or the previous paragraph ("...," Xi said. "Under ...").
// Pronouns ("she said"), titles used alone ("the judge said") and descriptions ("the
// ministry said") take the entity the coreference stage resolved them to
// (Analysis::mentions, src/mentions/coref.h); without it they name nobody. Role phrases ("a Chinese foreign ministry spokesperson", "U.S.
// officials", "the ministry") go to the organisation or country they name. A quotation
// whose cue yields no such speaker has none: no guess.
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"
#include "quotes/lexicon.h"
#include "quotes/quote_marks.h"

namespace newsgraph::quotes {

struct Attribution {
  std::string speaker;     // canonical name, empty when none
  std::string speaker_id;  // entity id, empty when none
  Span cue;                // the attributing words; empty when none
  Span role;               // an unnamed speaker's words ("a Heineken spokesman"); else empty
};

// Attributes every quotation of `a` (FindQuotations order). Reads body, sentences, tokens,
// entities and mentions.
std::vector<Attribution> AttributeQuotations(const QuoteLexicon& lex, const Analysis& a,
                                             const std::vector<Quotation>& quotations);

}  // namespace newsgraph::quotes
