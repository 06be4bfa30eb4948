// The tone stage: GDELT-style lexicon tone of the cleaned body.
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

class ToneScorer {
 public:
  static StatusOr<std::unique_ptr<ToneScorer>> Create();
  // Fills analysis->tone from the tokens. Thread-safe.
  void Score(Analysis* analysis) const;
};

}  // namespace newsgraph
