// Who said it: the speaker of each quotation, from the reporting cue around it.
//
// Method. Candidate speakers come only from the mention layer (Analysis::mentions): the
// entities stage's name mentions, and the pronouns, titles and descriptions coreference
// resolved. For each quotation, in order:
//  1. The parse, where the quotation hangs directly on its cue: the cue verb the quotation
//     is the ccomp or parataxis of, or "according to X" on the quotation's head word. The
//     speaker is the cue's nsubj: a name mention (or the last one of its flat name), the
//     name in its apposition (core/words.h Apposition), a person named in its role phrase,
//     a pronoun, title or description through coreference, or a role phrase ("a Heineken
//     spokesman": whom the unnamed person speaks for, with speaker_role).
//  2. Token readings: after the quote ("X said", "said X") and before it (the nearest cue to
//     its left), in the order its punctuation suggests; appositions are read from the parse
//     first, from commas where the parse has none.
//  3. The parse further up the tree (up to four clauses; a speech noun's verb).
//  4. No cue: 'Name, a scholar at Y: "..."'; a quotation opening its sentence continues the
//     previous one; one opening its paragraph takes the previous paragraph's closing cue.
// A quotation whose cue yields no such speaker has none: no guess.
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
