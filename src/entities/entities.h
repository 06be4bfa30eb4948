// The entities stage: PERSON / ORG / LOC mentions in Analysis::body, resolved into one
// Entity per real-world referent, with titles, aliases and countries.
#pragma once

#include <memory>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

class EntityRecognizer {
 public:
  static StatusOr<std::unique_ptr<EntityRecognizer>> Create();
  // Fills analysis->entities from body, sentences and tokens. Thread-safe.
  void Recognize(Analysis* analysis) const;
};

}  // namespace newsgraph
