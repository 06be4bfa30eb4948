// The quotes stage: direct and partial quotations in Analysis::body with their speakers,
// resolved to entities where possible.
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

class QuoteFinder {
 public:
  static StatusOr<std::unique_ptr<QuoteFinder>> Create();
  // Fills analysis->quotes; reads body, sentences, tokens and entities. Thread-safe.
  void Find(Analysis* analysis) const;
};

}  // namespace newsgraph
