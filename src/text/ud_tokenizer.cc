#include "text/ud_tokenizer.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/utf8.h"

namespace newsgraph::text {
namespace {

using utf8::Next;

bool IsApos(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphenChar(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Prefixes after which UD English keeps a hyphenated word whole.
constexpr std::array<std::string_view, 22> kHyphenPrefixes = {
    "e",     "re",    "co",    "pre",   "post", "non",  "anti",   "pro",   "mid",    "semi", "multi",
    "pan",   "mini",  "psycho", "x",    "ex",   "inter", "sub",  "over",  "self",   "vice", "bi"};

// Words whose last letters are a clitic UD splits although no apostrophe marks it.
struct Fused {
  std::string_view word;
  size_t split;  // bytes of the first part
};
constexpr std::array<Fused, 4> kFused = {{{"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}}};

// Abbreviations that keep a final dot (lower case, without the dot). Single letters and
// dotted acronyms ("U.S", "a.m", "Ph.D") are recognised by shape.
constexpr std::array<std::string_view, 56> kAbbrev = {
    "mr",   "mrs",  "ms",   "dr",   "prof", "gen",  "col",  "lt",   "sgt",  "capt", "cmdr", "adm",
    "gov",  "sen",  "rep",  "rev",  "st",   "jr",   "sr",   "inc",  "corp", "co",   "ltd",  "bros",
    "vs",   "etc",  "no",   "nos",  "jan",  "feb",  "mar",  "apr",  "jun",  "jul",  "aug",  "sep",
    "sept", "oct",  "nov",  "dec",  "ft",   "mt",   "ave",  "blvd", "dept", "est",  "approx", "fig",
    "vol",  "p",    "pp",   "ca",   "cf",   "al",   "op",   "govt"};

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// "U.S." "a.m." "Ph.D." "J." : letters separated by dots, ending in a dot.
bool IsDottedAbbrev(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  size_t letters_run = 0;
  for (char c : w) {
    if (c == '.') {
      if (letters_run == 0 || letters_run > 2) return false;
      letters_run = 0;
    } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      ++letters_run;
    } else {
      return false;
    }
  }
  // One letter and a dot is an initial; otherwise at least two dotted parts.
  return w.size() == 2 || std::count(w.begin(), w.end(), '.') >= 2;
}

bool KeepsFinalDot(std::string_view w) {
  if (IsDottedAbbrev(w)) return true;
  std::string low = utf8::AsciiLower(w.substr(0, w.size() - 1));
  for (std::string_view a : kAbbrev) {
    if (low == a) return true;
  }
  return false;
}

bool IsUrlOrEmail(std::string_view w) {
  if (w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")) return true;
  size_t at = w.find('@');
  return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos;
}

bool IsOpener(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x2018 || c == '\'' ||
         c == '`' || c == 0xAB;
}
bool IsCloser(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == 0x201D || c == 0x2019 || c == '\'' ||
         c == 0xBB;
}
bool IsFinalPunct(char32_t c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == 0x2026 || c == '%';
}
bool IsSymbolPrefix(char32_t c) { return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5 || c == '#'; }

class Splitter {
 public:
  Splitter(std::string_view text, uint32_t base, std::vector<Span>* out) : s_(text), base_(base), out_(out) {}

  void Chunk(size_t b, size_t e) {
    std::string_view w = s_.substr(b, e - b);
    if (IsUrlOrEmail(w)) {
      // Trailing sentence punctuation is not part of the address.
      size_t end = e;
      while (end > b + 1 && (s_[end - 1] == '.' || s_[end - 1] == ',' || s_[end - 1] == ')' ||
                             s_[end - 1] == ';' || s_[end - 1] == ':')) {
        --end;
      }
      Emit(b, end);
      if (end < e) Punct(end, e);
      return;
    }
    // Leading openers and currency signs.
    while (b < e) {
      size_t j = b;
      char32_t c = Next(s_, &j);
      if (IsOpener(c) || (IsSymbolPrefix(c) && j < e) || IsDash(c, b, e)) {
        size_t k = RunOf(b, e);
        Emit(b, k);
        b = k;
        continue;
      }
      break;
    }
    // Trailing closers and sentence punctuation, collected right to left.
    std::vector<Span> tail;
    while (e > b) {
      size_t p = PrevStart(b, e);
      char32_t c = Decode(p);
      if (c == '.' && KeepsFinalDot(s_.substr(b, e - b)) && !EndsInRun(b, e, '.')) break;
      if (IsCloser(c) || IsFinalPunct(c) || IsDash(c, p, e)) {
        // A run of the same mark is one word ("...", "!!", "?!").
        size_t q = p;
        while (q > b) {
          size_t r = PrevStart(b, q);
          char32_t d = Decode(r);
          if (d != c && !((c == '?' || c == '!') && (d == '?' || d == '!'))) break;
          q = r;
        }
        // A possessive apostrophe after s ("states'") is a word of its own, handled below.
        if (IsApos(c) && q == p && p > b && (s_[p - 1] == 's' || s_[p - 1] == 'S') && p - b > 1) break;
        tail.push_back({static_cast<uint32_t>(q), static_cast<uint32_t>(e)});
        e = q;
        continue;
      }
      break;
    }
    if (b < e) Core(b, e);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) Emit(it->start, it->end);
  }

 private:
  std::string_view s_;
  uint32_t base_;
  std::vector<Span>* out_;

  void Emit(size_t b, size_t e) {
    if (e > b) out_->push_back({static_cast<uint32_t>(base_ + b), static_cast<uint32_t>(base_ + e)});
  }
  char32_t Decode(size_t p) const {
    size_t j = p;
    return Next(s_, &j);
  }
  size_t PrevStart(size_t b, size_t e) const {
    size_t p = e - 1;
    while (p > b && (static_cast<unsigned char>(s_[p]) & 0xC0) == 0x80) --p;
    return p;
  }
  bool EndsInRun(size_t b, size_t e, char c) const { return e - b >= 2 && s_[e - 1] == c && s_[e - 2] == c; }
  // A dash: em/en dash, or "--".
  bool IsDash(char32_t c, size_t p, size_t e) const {
    if (c == 0x2014 || c == 0x2013) return true;
    return c == '-' && p + 1 < e && s_[p + 1] == '-';
  }
  // End of the run of the character starting at b (within e).
  size_t RunOf(size_t b, size_t e) const {
    size_t j = b;
    char32_t c = Next(s_, &j);
    if (c != '-' && c != '.' && c != 0x2014) return j;
    size_t k = j;
    while (k < e) {
      size_t m = k;
      if (Next(s_, &m) != c) break;
      k = m;
    }
    return k;
  }
  void Punct(size_t b, size_t e) {
    while (b < e) {
      size_t k = RunOf(b, e);
      Emit(b, k);
      b = k;
    }
  }

  // The word without outer punctuation: clitics, then internal splits.
  void Core(size_t b, size_t e) {
    std::string_view w = s_.substr(b, e - b);
    for (const Fused& f : kFused) {
      if (EqualsLower(w, f.word)) {
        Emit(b, b + f.split);
        Emit(b + f.split, e);
        return;
      }
    }
    // n't, and the apostrophe clitics 's 'm 'd 'll 're 've.
    size_t clitic = CliticStart(b, e);
    if (clitic > b && clitic < e) {
      Inner(b, clitic);
      Emit(clitic, e);
      return;
    }
    Inner(b, e);
  }

  size_t CliticStart(size_t b, size_t e) const {
    std::string_view w = s_.substr(b, e - b);
    auto ends_with_apos_clitic = [&](std::string_view clitic) -> size_t {
      // Apostrophe may be ' (1 byte) or U+2019 (3 bytes).
      for (std::string_view apos : {std::string_view("'"), std::string_view("\xE2\x80\x99")}) {
        size_t len = apos.size() + clitic.size();
        if (w.size() > len && w.substr(w.size() - len, apos.size()) == apos &&
            EqualsLower(w.substr(w.size() - clitic.size()), clitic)) {
          return e - len;
        }
      }
      return std::string_view::npos;
    };
    if (size_t p = ends_with_apos_clitic("t"); p != std::string_view::npos && p > b &&
                                                  (s_[p - 1] == 'n' || s_[p - 1] == 'N')) {
      return p - 1;  // "did|n't", "ca|n't"
    }
    for (std::string_view c : {"s", "m", "d", "ll", "re", "ve"}) {
      if (size_t p = ends_with_apos_clitic(c); p != std::string_view::npos) return p;
    }
    // Possessive plural: "states'".
    size_t p = PrevStart(b, e);
    if (p > b + 1 && IsApos(Decode(p)) && (s_[p - 1] == 's' || s_[p - 1] == 'S')) return p;
    return e;
  }

  // Splits at hyphens, slashes, and other marks inside a word, keeping numbers and the
  // hyphenated forms UD keeps whole.
  void Inner(size_t b, size_t e) {
    std::string_view w = s_.substr(b, e - b);
    if (IsNumberLike(w) || IsDottedAbbrev(w)) {
      Emit(b, e);
      return;
    }
    size_t start = b, i = b;
    while (i < e) {
      size_t j = i;
      char32_t c = Next(s_, &j);
      bool split_here = false;
      if (IsHyphenChar(c) && i > start && j < e) {
        split_here = !KeepHyphen(start, i, j, e);
      } else if ((c == '/' || c == ',' || c == ';' || c == '(' || c == ')' || c == '"' || c == '!' ||
                  c == '?' || c == 0x2014 || c == 0x2013 || c == '[' || c == ']') &&
                 !(c == '/' && IsNumberLike(w))) {
        split_here = true;
      }
      if (split_here) {
        Emit(start, i);
        size_t k = RunOf(i, e);
        Emit(i, k);
        start = i = k;
        continue;
      }
      i = j;
    }
    Emit(start, e);
  }

  bool KeepHyphen(size_t start, size_t hyphen, size_t after, size_t e) const {
    std::string_view left = s_.substr(start, hyphen - start);
    // The part before this hyphen back to the previous hyphen.
    size_t prev = left.find_last_of('-');
    std::string_view part = prev == std::string_view::npos ? left : left.substr(prev + 1);
    std::string low = utf8::AsciiLower(part);
    for (std::string_view p : kHyphenPrefixes) {
      if (low == p) return true;
    }
    // Phone numbers and codes: digits-digits with 3+ digits after ("713-853-3989").
    auto digits = [](std::string_view s) {
      size_t n = 0;
      while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
      return n;
    };
    std::string_view right = s_.substr(after, e - after);
    return digits(part) == part.size() && !part.empty() && part.size() <= 3 && digits(right) >= 4;
  }

  static bool IsNumberLike(std::string_view w) {
    if (w.empty() || !(w[0] >= '0' && w[0] <= '9')) return false;
    for (char c : w) {
      if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == '/')) return false;
    }
    return true;
  }
};

}  // namespace

void TokenizeUd(std::string_view text, uint32_t base, std::vector<Span>* out) {
  Splitter splitter(text, base, out);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t j = i;
    char32_t c = Next(text, &j);
    if (utf8::IsSpace(c)) {
      i = j;
      continue;
    }
    size_t e = j;
    while (e < n) {
      size_t k = e;
      if (utf8::IsSpace(Next(text, &k))) break;
      e = k;
    }
    splitter.Chunk(i, e);
    i = e;
  }
}

}  // namespace newsgraph::text
