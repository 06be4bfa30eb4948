#include <cstdlib>

#include "corpus.h"

namespace newsgraph::bench {

size_t CorpusBytes() {
  const char* mb = std::getenv("NEWSGRAPH_BENCH_MB");
  return static_cast<size_t>(mb != nullptr ? std::atof(mb) * 1e6 : 20e6);
}

}  // namespace newsgraph::bench
