// GDELT 2.0 Event table export: one row of 61 tab-separated columns per coded event
// (GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate, Actor1Code, ... SOURCEURL), with
// values where the analysis knows them and empty fields where it does not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis.h"

namespace newsgraph {

struct GdeltContext {
  int64_t first_event_id = 1;  // GLOBALEVENTID of the first row; rows count up from it
  std::string date_added;      // DATEADDED as YYYYMMDDHHMMSS; empty: the article's date
  int num_mentions = 1;        // NumMentions: reports of the event (reposts in its story)
  int num_sources = 1;         // NumSources
  int num_articles = 1;        // NumArticles
};

inline constexpr int kGdeltEventColumns = 61;

// The rows for every event of `a`, without trailing newlines.
std::vector<std::string> GdeltEventRows(const Analysis& a, const GdeltContext& ctx = {});

}  // namespace newsgraph
