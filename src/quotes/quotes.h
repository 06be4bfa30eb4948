// The quotes stage: direct and partial quotations in Analysis::body with their speakers,
// resolved to entities where possible.
//
// Two steps, each documented in its header: quote_marks.h finds the quotations (which
// marks open and close one, across paragraphs, apostrophes and stray marks set aside);
// speakers.h attributes each one from its reporting cue (data/quotes/). A quotation that
// runs across paragraphs is one Quote whose text joins its paragraphs with '\n' and whose
// span runs from its first word to its last.
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

namespace quotes {
struct QuoteLexicon;
}

class QuoteFinder {
 public:
  static StatusOr<std::unique_ptr<QuoteFinder>> Create();
  ~QuoteFinder();
  // Fills analysis->quotes; reads body, sentences, tokens and entities. Thread-safe.
  void Find(Analysis* analysis) const;

 private:
  QuoteFinder() = default;
  std::unique_ptr<quotes::QuoteLexicon> lexicon_;
};

}  // namespace newsgraph
