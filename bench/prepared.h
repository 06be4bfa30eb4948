// Articles of the synthetic corpus taken through the early stages once, outside the
// timing, for benchmarks of a later stage alone.
#pragma once

#include <vector>

#include "core/analysis.h"

namespace newsgraph::bench {

// Cleaned and segmented analyses of about `bytes` of generated articles; with
// `with_entities`, the entities stage has run on them too.
std::vector<Analysis> PreparedCorpus(size_t bytes, bool with_entities);

}  // namespace newsgraph::bench
