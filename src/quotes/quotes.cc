#include "quotes/quotes.h"

namespace newsgraph {

StatusOr<std::unique_ptr<QuoteFinder>> QuoteFinder::Create() { return std::make_unique<QuoteFinder>(); }

void QuoteFinder::Find(Analysis* analysis) const { analysis->quotes.clear(); }

}  // namespace newsgraph
