// The readable terminal report of `newsgraph analyze`. Each stage prints its own section
// (report_*.cc) so the report grows with the pipeline.
#pragma once

#include <ostream>

#include "core/analysis.h"

namespace newsgraph::cli {

struct ReportStyle {
  bool color = false;  // ANSI bold/dim headings (on when stdout is a terminal)
  std::string Heading(std::string_view text) const;
  std::string Dim(std::string_view text) const;
};

void PrintReport(const Analysis& a, const ReportStyle& style, std::ostream& out);

void PrintCleaningSection(const Analysis& a, const ReportStyle& style, std::ostream& out);
void PrintEntitiesSection(const Analysis& a, const ReportStyle& style, std::ostream& out);
void PrintQuotesSection(const Analysis& a, const ReportStyle& style, std::ostream& out);
void PrintEventsSection(const Analysis& a, const ReportStyle& style, std::ostream& out);
void PrintToneSection(const Analysis& a, const ReportStyle& style, std::ostream& out);

}  // namespace newsgraph::cli
