#include "text/tokenizer.h"

#include "core/utf8.h"
#include "text/sentences.h"

namespace newsgraph::text {
namespace {

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsWordCharSlow(char32_t c) { return utf8::IsAlpha(c) || utf8::IsDigit(c) || (c >= 0x300 && c <= 0x36F); }

// ASCII classes for the hot loop.
enum : uint8_t { kLower = 1, kUpper = 2, kDigit = 4 };
struct AsciiTable {
  uint8_t cls[128] = {};
  constexpr AsciiTable() {
    for (int c = 'a'; c <= 'z'; ++c) cls[c] = kLower;
    for (int c = 'A'; c <= 'Z'; ++c) cls[c] = kUpper;
    for (int c = '0'; c <= '9'; ++c) cls[c] = kDigit;
  }
};
constexpr AsciiTable kAscii;

inline bool IsWordChar(char32_t c) { return c < 0x80 ? kAscii.cls[c] != 0 : IsWordCharSlow(c); }

}  // namespace

void Tokenize(std::string_view s, uint32_t base, std::vector<Token>* out) {
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    char32_t c = utf8::Next(s, &j);
    if (utf8::IsSpace(c)) {
      i = j;
      continue;
    }
    Token t;
    t.span.start = static_cast<uint32_t>(base + i);
    if (!IsWordChar(c)) {
      // A possessive "'s" standing after a word is a word token of its own.
      if (IsApostrophe(c) && j < n && (s[j] == 's' || s[j] == 'S') &&
          (j + 1 >= n || !IsWordChar(static_cast<unsigned char>(s[j + 1]))) && i > 0 &&
          !utf8::IsSpace(static_cast<unsigned char>(s[i - 1]))) {
        t.span.end = static_cast<uint32_t>(base + j + 1);
        t.kind = TokenKind::kWord;
        out->push_back(t);
        i = j + 1;
        continue;
      }
      t.span.end = static_cast<uint32_t>(base + j);
      t.kind = TokenKind::kPunct;
      out->push_back(t);
      i = j;
      continue;
    }
    bool has_alpha = utf8::IsAlpha(c);
    bool first_upper = utf8::IsUpper(c);
    int letters = has_alpha ? 1 : 0, uppers = first_upper ? 1 : 0;
    size_t e = j;
    while (e < n) {
      // Fast path: a run of ASCII letters and digits.
      unsigned char b = static_cast<unsigned char>(s[e]);
      if (b < 0x80 && kAscii.cls[b] != 0) {
        uint8_t cl = kAscii.cls[b];
        if (cl != kDigit) {
          has_alpha = true;
          ++letters;
          uppers += cl == kUpper;
        }
        ++e;
        continue;
      }
      size_t k = e;
      char32_t d = utf8::Next(s, &k);
      if (IsWordChar(d)) {
        if (utf8::IsAlpha(d)) {
          has_alpha = true;
          ++letters;
          if (utf8::IsUpper(d)) ++uppers;
        }
        e = k;
        continue;
      }
      size_t m = k;
      char32_t after = k < n ? utf8::Next(s, &m) : 0;
      if (!IsWordChar(after)) {
        // Dotted acronym: "U.S." — single letters separated by dots, keep the final dot.
        if (d == '.' && e - i <= 5 && (e - i) % 2 == 1 && s.substr(i, e - i).find('.') != std::string_view::npos) {
          e = k;
        }
        break;
      }
      if (IsApostrophe(d)) {
        // Split off possessive 's ("Xi's"); keep contractions ("doesn't", "we're").
        if (after == 's' || after == 'S') {
          size_t q = m;
          if (m >= n || !IsWordChar(utf8::Next(s, &q))) break;
        }
        e = k;
        continue;
      }
      if (IsHyphen(d) || d == '/' || d == '&') {
        if (d == '&' || d == '/') break;
        e = k;
        continue;
      }
      if (d == '.' || d == ',') {
        bool digits_both = utf8::IsDigit(s[e - 1]) && utf8::IsDigit(after);
        bool acronym = d == '.' && utf8::IsAlpha(after) && (e - i == 1 || s[e - 2] == '.') &&
                       (m >= n || s[m] == '.');
        if (digits_both || acronym) {
          e = k;
          continue;
        }
      }
      break;
    }
    t.span.end = static_cast<uint32_t>(base + e);
    t.kind = has_alpha ? TokenKind::kWord : TokenKind::kNumber;
    t.capitalized = first_upper;
    t.all_caps = letters >= 2 && uppers == letters;
    out->push_back(t);
    i = e;
  }
}

void Segment(Analysis* a) {
  if (!a->sentences.empty() && a->sentences.back().end_token == a->tokens.size() &&
      a->sentences.back().span.end <= a->body.size()) {
    return;
  }
  a->sentences.clear();
  a->tokens.clear();
  const SentenceSplitter& splitter = SentenceSplitter::Default();
  std::string_view body = a->body;
  size_t pos = 0;
  uint32_t paragraph = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view para = body.substr(pos, nl - pos);
    for (Span s : splitter.Split(para)) {
      Sentence sent;
      sent.span = Span{static_cast<uint32_t>(pos + s.start), static_cast<uint32_t>(pos + s.end)};
      sent.paragraph = paragraph;
      sent.first_token = static_cast<uint32_t>(a->tokens.size());
      Tokenize(body.substr(sent.span.start, sent.span.size()), sent.span.start, &a->tokens);
      sent.end_token = static_cast<uint32_t>(a->tokens.size());
      a->sentences.push_back(sent);
    }
    ++paragraph;
    if (nl == body.size()) break;
    pos = nl + 1;
  }
}

}  // namespace newsgraph::text
