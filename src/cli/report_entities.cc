#include "cli/report.h"

namespace newsgraph::cli {

void PrintEntitiesSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {}

}  // namespace newsgraph::cli
