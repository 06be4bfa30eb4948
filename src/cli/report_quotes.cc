#include "cli/report.h"

namespace newsgraph::cli {

void PrintQuotesSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {}

}  // namespace newsgraph::cli
