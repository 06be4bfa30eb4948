#include "events/events.h"

namespace newsgraph {

StatusOr<std::unique_ptr<EventCoder>> EventCoder::Create(const EventCoderOptions& options) {
  return std::make_unique<EventCoder>();
}

void EventCoder::Code(Analysis* analysis) const { analysis->events.clear(); }

}  // namespace newsgraph
