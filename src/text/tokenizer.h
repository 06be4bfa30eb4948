// Tokenizer with UTF-8 byte offsets. Words keep internal hyphens ("long-running"),
// apostrophes ("doesn't") and the dots of dotted acronyms ("U.S."); a possessive "'s" is a
// token of its own so "Xi's" yields "Xi" + "'s". Numbers keep internal '.' and ','
// ("1,200.5"). Everything else that is not space is a one-character punctuation token.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace newsgraph::text {

// Appends the tokens of `text` to `out`; offsets are `base` + position in `text`.
void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out);

// Splits `body` into sentences paragraph by paragraph (lines) and tokenizes them, filling
// analysis->sentences and analysis->tokens. Does nothing when the cleaner already did it
// (sentences present and their tokens filled).
void Segment(Analysis* analysis);

}  // namespace newsgraph::text
