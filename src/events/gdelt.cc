#include "events/gdelt.h"

namespace newsgraph {

std::vector<std::string> GdeltEventRows(const Analysis& a, const GdeltContext& ctx) { return {}; }

}  // namespace newsgraph
