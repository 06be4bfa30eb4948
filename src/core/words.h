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

// Whether word `anc` is `w` or one of its ancestors in the dependency tree.
bool Dominates(const Analysis& a, int32_t anc, int32_t w);

// The words of the subtree of word `w`: the contiguous run around `w` that `w` dominates
// (the whole subtree in a projective parse). Empty when `w` is out of range.
WordRange Subtree(const Analysis& a, int32_t w);

// The subtree of the first dependent of word `w` at or after word `from` (by default, right
// after `w`) whose relation is `deprel` (a ud::DeprelIndex); empty when there is none.
WordRange DependentSubtree(const Analysis& a, int32_t w, int deprel, int32_t from = -1);

// The apposition of word `w` ("Ana Soto, the top envoy for the region, said": for "Soto",
// the words "the top envoy for the region"): the subtree of the first dependent of `w` at
// or after word `from` (by default, right after `w`) whose relation is `appos`, without the
// commas or dashes around it. Callers whose name spans several words pass the word after the
// name, so that a name the parse split ("Demirkaya - Sorensen") is no apposition of itself.
// Empty when there is none. Every stage reads appositions through this one reader.
WordRange Apposition(const Analysis& a, int32_t w, int32_t from = -1);

}  // namespace newsgraph
