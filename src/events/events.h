// The events stage: CAMEO-coded who-did-what-to-whom with location, day and evidence.
#pragma once

#include <memory>
#include <string>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

struct EventCoderOptions {
  std::string dictionaries_dir;  // PETRARCH/TABARI dictionaries to load as well; empty: none
};

class EventCoder {
 public:
  static StatusOr<std::unique_ptr<EventCoder>> Create(const EventCoderOptions& options);
  // Fills analysis->events; reads body, sentences, tokens, entities. Thread-safe.
  void Code(Analysis* analysis) const;
};

}  // namespace newsgraph
