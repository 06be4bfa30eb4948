// Finding quotations in a cleaned body: which quote marks open and close a quotation.
//
// Method. The body is read paragraph by paragraph (lines). Each mark is classed by its
// neighbours: a mark after space or an opening bracket and before a letter can open, a mark
// after a letter or punctuation and before space or punctuation can close; curly marks
// also carry their direction, which wins when the neighbours agree with it or say nothing.
//  1. Double marks (" “ ” „ « ») are paired with a small state machine. An opener while a
//     quotation is open restarts it there (the first one was stray); a closer with none open
//     is ignored. A paragraph that ends inside a quotation continues it when the next
//     paragraph opens with a double mark (the news convention for quotes that run across
//     paragraphs); otherwise the opener is dropped at the paragraph end, so a stray mark
//     never swallows the rest of the article.
//  2. Single marks (' ‘ ’) between letters are apostrophes ("Xi's", "we're"), and so is one
//     before a digit ("'90s") or an elision ("'em", "'til"), or an "s'" followed by a lower
//     case word ("the workers' rights"). Outside double quotations, each remaining opener is
//     paired with the next possible closer in its paragraph (or carried across paragraphs as
//     above); an opener with no closer is dropped. Double quotations inside a single one
//     belong to it. Single marks inside double quotations are part of their text.
// Every step is one pass over the marks (the next-closer table is built right to left), so
// the time is linear in the body, whatever the number of unbalanced marks.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"

namespace newsgraph::quotes {

struct Quotation {
  // The quoted text, one span per paragraph it runs through, marks and surrounding space
  // excluded. Never empty.
  std::vector<Span> segments;
  Span open_mark;       // the mark that opened the quotation
  Span close_mark;      // the mark that closed it; empty when it ran to a paragraph end
  bool single = false;  // quoted with single marks

  Span Outer() const { return Span{segments.front().start, segments.back().end}; }
};

struct QuoteMarkOptions {
  // Lower-case words that may follow a closing "s'" ("'... the officials' said she");
  // after any other lower-case word an "s'" is a plural possessive ("the workers' rights").
  const std::unordered_set<std::string>* closer_followers = nullptr;
};

// The top-level quotations of `body` (paragraphs separated by '\n'), in text order.
std::vector<Quotation> FindQuotations(std::string_view body, const QuoteMarkOptions& options = {});

}  // namespace newsgraph::quotes
