#include "ingest/date.h"

#include <cctype>
#include <cstdio>
#include <vector>

namespace newsgraph {
namespace {

int MonthFromName(std::string_view w) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  std::string l;
  for (char c : w) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (int i = 0; i < 12; ++i) {
    if (l.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

std::string Format(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct Piece {
  std::string_view text;
  bool number;
};

}  // namespace

std::string NormalizeDate(std::string_view text) {
  text = text.substr(0, 200);
  // Numeric year-first forms: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD (WARC 1.0 / 14-digit).
  for (size_t i = 0; i + 8 <= text.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    auto digit = [&](size_t k) { return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); };
    if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3))) continue;
    int y = std::stoi(std::string(text.substr(i, 4)));
    char sep = i + 4 < text.size() ? text[i + 4] : 0;
    if ((sep == '-' || sep == '/' || sep == '.') && digit(i + 5)) {
      size_t p = i + 5;
      int m = 0, d = 0;
      while (digit(p) && p < i + 7) m = m * 10 + (text[p++] - '0');
      if (p < text.size() && text[p] == sep && digit(p + 1)) {
        ++p;
        size_t start = p;
        while (digit(p) && p < start + 2) d = d * 10 + (text[p++] - '0');
        std::string r = Format(y, m, d);
        if (!r.empty()) return r;
      }
    } else {
      size_t run = i;
      while (digit(run)) ++run;
      if (run - i == 8 || run - i == 14) {  // 20240305 or 20240305101500
        std::string r =
            Format(y, std::stoi(std::string(text.substr(i + 4, 2))), std::stoi(std::string(text.substr(i + 6, 2))));
        if (!r.empty()) return r;
      }
    }
  }
  // Word forms: split into numbers and words, look for (day month year) or (month day year).
  std::vector<Piece> pieces;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c) || std::isalpha(c)) {
      size_t j = i;
      bool num = std::isdigit(c);
      while (j < text.size() && (num ? std::isdigit(static_cast<unsigned char>(text[j]))
                                     : std::isalpha(static_cast<unsigned char>(text[j]))))
        ++j;
      std::string_view w = text.substr(i, j - i);
      // "5th", "21st": drop the ordinal suffix that follows a number.
      if (!num && !pieces.empty() && pieces.back().number && (w == "st" || w == "nd" || w == "rd" || w == "th")) {
        i = j;
        continue;
      }
      pieces.push_back({w, num});
      i = j;
    } else {
      ++i;
    }
  }
  for (size_t i = 0; i + 2 < pieces.size(); ++i) {
    const Piece &a = pieces[i], &b = pieces[i + 1], &c = pieces[i + 2];
    if (!c.number || c.text.size() != 4) continue;
    int year = std::stoi(std::string(c.text));
    if (!a.number && b.number && b.text.size() <= 2) {
      int m = MonthFromName(a.text);
      if (m > 0) {
        std::string r = Format(year, m, std::stoi(std::string(b.text)));
        if (!r.empty()) return r;
      }
    }
    if (a.number && a.text.size() <= 2 && !b.number) {
      int m = MonthFromName(b.text);
      if (m > 0) {
        std::string r = Format(year, m, std::stoi(std::string(a.text)));
        if (!r.empty()) return r;
      }
    }
  }
  return {};
}

}  // namespace newsgraph
