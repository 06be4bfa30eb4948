#include "entities/entities.h"

namespace newsgraph {

StatusOr<std::unique_ptr<EntityRecognizer>> EntityRecognizer::Create() {
  return std::make_unique<EntityRecognizer>();
}

void EntityRecognizer::Recognize(Analysis* analysis) const { analysis->entities.clear(); }

}  // namespace newsgraph
