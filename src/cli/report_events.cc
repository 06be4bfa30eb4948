#include <cstdio>

#include "cli/report.h"
#include "events/cameo_codes.h"

namespace newsgraph::cli {
namespace {

std::string Actor(const std::string& name, const std::string& code, const std::string& detail) {
  if (name.empty()) return "-";
  std::string s = name;
  if (!code.empty()) s += " [" + code + "]";
  if (!detail.empty() && detail != name) s += " (" + detail + ")";
  return s;
}

}  // namespace

void PrintEventsSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  out << style.Heading("Events") << " (" << a.events.size() << ")\n";
  if (a.events.empty()) {
    out << "  " << style.Dim("none coded") << "\n";
    return;
  }
  for (const Event& e : a.events) {
    char g[16];
    std::snprintf(g, sizeof g, "%+.1f", e.goldstein);
    out << "  " << e.cameo << " " << style.Dim(events::CameoCodes::Get().Label(e.cameo)) << "  "
        << Actor(e.source, e.source_code, e.source_detail) << " -> " << Actor(e.target, e.target_code, e.target_detail)
        << "  " << style.Dim(std::string("Q") + std::to_string(e.quad_class) + " G" + g) << "\n";
    std::string where;
    if (!e.location.empty()) where += "in " + e.location;
    if (!e.when.empty()) where += (where.empty() ? "" : ", ") + e.when;
    if (!e.date.empty()) where += " (" + e.date + ")";
    if (!where.empty()) out << "        " << where << "\n";
    out << "        " << style.Dim("\"" + e.evidence + "\"") << "\n";
    out << "        " << style.Dim("sentence " + std::to_string(e.sentence + 1) + ", rule " + e.rule) << "\n";
  }
}

}  // namespace newsgraph::cli
