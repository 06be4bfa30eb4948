#include "cli/report.h"

#include <iomanip>

namespace newsgraph::cli {

std::string ReportStyle::Heading(std::string_view text) const {
  return color ? "\x1b[1m" + std::string(text) + "\x1b[0m" : std::string(text);
}
std::string ReportStyle::Dim(std::string_view text) const {
  return color ? "\x1b[2m" + std::string(text) + "\x1b[0m" : std::string(text);
}

void PrintReport(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  out << style.Heading(a.title.empty() ? "(untitled)" : a.title) << "\n";
  out << style.Dim("id " + a.id);
  if (!a.dateline.empty()) out << style.Dim("  dateline " + a.dateline);
  if (!a.published.empty()) out << style.Dim("  published " + a.published);
  if (!a.source.empty()) out << style.Dim("  source " + a.source);
  out << "\n";
  size_t paragraphs = a.body.empty() ? 0 : 1;
  for (char c : a.body) paragraphs += c == '\n';
  out << paragraphs << " paragraphs, " << a.sentences.size() << " sentences, " << a.tokens.size() << " tokens, "
      << a.body.size() << " bytes\n";
  for (const std::string& w : a.warnings) out << "warning: " << w << "\n";
  PrintCleaningSection(a, style, out);
  PrintEntitiesSection(a, style, out);
  PrintQuotesSection(a, style, out);
  PrintEventsSection(a, style, out);
  PrintToneSection(a, style, out);
}

void PrintCleaningSection(const Analysis& a, const ReportStyle& style, std::ostream& out) {
  out << "\n" << style.Heading("Removed by cleaning") << " (" << a.removed.size() << ")\n";
  if (a.removed.empty()) out << "  nothing\n";
  for (const Removal& r : a.removed) {
    std::string text = r.text.size() > 100 ? r.text.substr(0, 97) + "..." : r.text;
    out << "  [" << r.kind << "] " << text << "\n";
    out << "    " << style.Dim(r.reason) << "\n";
  }
}

}  // namespace newsgraph::cli
