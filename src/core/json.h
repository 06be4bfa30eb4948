// The analysis contract as JSON (DESIGN.md): every field present, empty text as null.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "core/analysis.h"
#include "core/status.h"

namespace newsgraph {

nlohmann::json ToJson(const Analysis& a);
// The same with parts left out: their keys are absent (a store keeps them in tables of
// their own and puts them back on reading).
struct JsonOmit {
  bool body = false;
  bool entity_mentions = false;
  bool quotes = false;
  bool events = false;
  bool tokens = true;  // the syntax words per sentence are opt-in (analyze --tokens)
};
nlohmann::json ToJson(const Analysis& a, const JsonOmit& omit);
// One event as it appears in the contract's `events` array.
nlohmann::json EventToJson(const Event& e);
std::string ToJsonString(const Analysis& a, bool pretty = false, bool tokens = false);

// The inverse, for stores and tests. Reads what ToJson writes; tokens are not stored in
// JSON, so the caller re-segments when it needs them.
[[nodiscard]] StatusOr<Analysis> AnalysisFromJson(const nlohmann::json& j);

}  // namespace newsgraph
