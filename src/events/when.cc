#include "events/when.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>

namespace newsgraph::events {
namespace {

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date r;
  r.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  r.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  r.y = static_cast<int>(yoe + era * 400 + (r.m <= 2));
  return r;
}

int Number(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() ? v : -1;
}

}  // namespace

Date ParseDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return {};
  Date d{Number(s.substr(0, 4)), Number(s.substr(5, 2)), Number(s.substr(8, 2))};
  if (d.y < 1 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31) return {};
  return d;
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}

Date AddDays(const Date& d, int days) { return CivilFromDays(DaysFromCivil(d.y, d.m, d.d) + days); }

int Weekday(const Date& d) {
  long z = DaysFromCivil(d.y, d.m, d.d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

When FindWhen(const Dictionaries& d, const std::vector<Tok>& toks, int anchor, int last, const Date& published,
              bool future) {
  const int n = static_cast<int>(toks.size());
  int best = -1, best_len = 0, best_dist = 1 << 30;
  Dictionaries::TimeWord best_word;
  for (int i = 0; i < n; ++i) {
    if (toks[i].punct) continue;
    Dictionaries::TimeWord tw;
    int len = d.time_words.Longest(
        i, n, [&](int k, bool) { return toks[k].low; }, &tw);
    if (len == 0) continue;
    if (tw.kind == "month" && !toks[i].cap) continue;                            // "may" the modal
    if (tw.kind == "weekday" && i + 1 < n && toks[i + 1].low == "'s") continue;  // "Sunday's meeting"
    int dist = i > last ? i - last : (anchor - (i + len)) * 2 + 1;
    if (dist < 0) dist = 0;
    if (dist < best_dist) {
      best = i;
      best_len = len;
      best_dist = dist;
      best_word = tw;
    }
  }
  When w;
  if (best < 0) return w;
  int b = best, e = best + best_len;
  // Keep "earlier"/"last"/"next" before a weekday or month, and a day number after a month.
  if (b > 0 && (toks[b - 1].low == "last" || toks[b - 1].low == "next" || toks[b - 1].low == "this")) --b;
  int day = -1;
  if (best_word.kind == "month" && e < n) {
    day = Number(toks[e].low);
    if (day >= 1 && day <= 31)
      ++e;
    else
      day = -1;
  }
  w.text = std::string(toks[b].text.data(), toks[e - 1].text.data() + toks[e - 1].text.size());
  if (!published.ok()) return w;
  std::string_view lead = toks[b].low;
  if (best_word.kind == "day") {
    w.date = FormatDate(AddDays(published, best_word.value));
  } else if (best_word.kind == "weekday") {
    int today = Weekday(published);
    int back = (today - best_word.value + 7) % 7;
    bool ahead = lead == "next" || (future && lead != "last");
    if (ahead) {
      int fwd = (best_word.value - today + 7) % 7;
      w.date = FormatDate(AddDays(published, fwd == 0 ? 7 : fwd));
    } else {
      w.date = FormatDate(AddDays(published, lead == "last" && back == 0 ? -7 : -back));
    }
  } else if (best_word.kind == "weeks") {
    w.date = FormatDate(AddDays(published, 7 * best_word.value));
  } else if (best_word.kind == "months" || best_word.kind == "years") {
    int months = published.y * 12 + published.m - 1 + best_word.value * (best_word.kind == "years" ? 12 : 1);
    Date r{months / 12, months % 12 + 1, 1};
    int last_day = AddDays(r.m == 12 ? Date{r.y + 1, 1, 1} : Date{r.y, r.m + 1, 1}, -1).d;
    r.d = std::min(published.d, last_day);
    w.date = FormatDate(r);
  } else if (best_word.kind == "month" && day > 0) {
    Date r{published.y, best_word.value, day};
    if (!future && best_word.value > published.m + 1) r.y -= 1;  // "December 3" read in January
    w.date = FormatDate(r);
  }
  return w;
}

}  // namespace newsgraph::events
