// When an event happened: the time words of its sentence ("Sunday", "on Friday", "in May",
// "earlier this month", "June 5") kept as text and, where the article's published date is
// known, resolved to a day (weekdays: the latest such day not after publication, or the next
// one for intentions; "yesterday"; "June 5"; "last week", "last month", "next month": the same
// day that far from publication).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events/dictionary.h"
#include "events/phrases.h"

namespace newsgraph::events {

struct Date {
  int y = 0, m = 0, d = 0;
  bool ok() const { return y > 0; }
};

Date ParseDate(std::string_view yyyy_mm_dd);  // {} when not a date
std::string FormatDate(const Date& d);        // "YYYY-MM-DD"
Date AddDays(const Date& d, int days);
int Weekday(const Date& d);  // 0 = Monday

struct When {
  std::string text;  // as the text says, or empty
  std::string date;  // YYYY-MM-DD, or empty
};

// The time expression nearest to the event phrase [anchor, last] of sentence `toks`.
When FindWhen(const Dictionaries& d, const std::vector<Tok>& toks, int anchor, int last, const Date& published,
              bool future);

}  // namespace newsgraph::events
