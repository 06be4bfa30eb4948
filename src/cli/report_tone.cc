#include "cli/report.h"

namespace newsgraph::cli {

void PrintToneSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {}

}  // namespace newsgraph::cli
