// Reading the syntax stage's words (Analysis::words) from byte spans: which word covers an
// offset, which word heads a span. Later stages find mentions and quotes as byte spans and
// use these to step onto the dependency tree.
#pragma once

#include <cstdint>

#include "core/analysis.h"

namespace newsgraph {

// Index of the word whose span contains `offset` (or starts at it), -1 if none does.
// O(log words).
int32_t WordAt(const Analysis& a, uint32_t offset);

// The words that overlap `s`, as [first, end); empty (first == end) when none does.
struct WordRange {
  int32_t first = 0, end = 0;
  bool empty() const { return end <= first; }
};
WordRange WordsIn(const Analysis& a, Span s);

// The syntactic head of span `s`: the word inside it whose head lies outside it (the first
// such word when there are several), -1 when no word overlaps `s`.
int32_t HeadWord(const Analysis& a, Span s);

}  // namespace newsgraph
