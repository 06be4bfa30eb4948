#include "text/sentences.h"

#include "core/data.h"
#include "core/utf8.h"

namespace newsgraph::text {
namespace {

bool IsClosing(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB;
}
bool IsOpening(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0x00AB;
}

// Reads the code point at `i` without advancing the caller's index.
char32_t PeekAt(std::string_view s, size_t i) { return utf8::Next(s, &i); }

// The word that ends just before position `end` (letters, digits, dots, hyphens).
std::string_view WordBefore(std::string_view s, size_t end) {
  size_t b = end;
  while (b > 0) {
    unsigned char c = static_cast<unsigned char>(s[b - 1]);
    if (c == ' ' || c == '(' || c == '"' || c == '\'' || c == '[' || c == '\t') break;
    if (c >= 0x80) {
      // Stop at a multi-byte opening quote or dash; keep letters.
      size_t k = b - 1;
      while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      size_t j = k;
      char32_t cp = utf8::Next(s, &j);
      if (!utf8::IsAlpha(cp)) break;
      b = k;
      continue;
    }
    --b;
  }
  return s.substr(b, end - b);
}

// The word that starts at `i` (letters only, stops at punctuation).
std::string_view WordAt(std::string_view s, size_t i) {
  size_t e = i;
  while (e < s.size()) {
    size_t j = e;
    char32_t c = utf8::Next(s, &j);
    if (!utf8::IsAlpha(c)) break;
    e = j;
  }
  return s.substr(i, e - i);
}

}  // namespace

StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create() {
  auto text = ReadDataFile("text/abbreviations.tsv");
  if (!text.ok()) return text.status();
  auto sp = std::unique_ptr<SentenceSplitter>(new SentenceSplitter());
  for (const DataLine& line : ParseTsv(*text)) {
    if (line.fields.size() < 2) {
      return Status::Corrupt("text/abbreviations.tsv:" + std::to_string(line.line_number) +
                             ": expected word<TAB>class");
    }
    std::string word(line.fields[0]);
    std::string_view cls = line.fields[1];
    if (cls == "title") {
      sp->abbrevs_[word] = AbbrevClass::kTitle;
    } else if (cls == "never") {
      sp->abbrevs_[word] = AbbrevClass::kNever;
    } else if (cls == "final") {
      sp->abbrevs_[word] = AbbrevClass::kFinal;
    } else if (cls == "continuation") {
      sp->continuations_.insert(word);
    } else if (cls == "starter") {
      sp->starters_.insert(word);
    } else {
      return Status::Corrupt("text/abbreviations.tsv:" + std::to_string(line.line_number) +
                             ": unknown class '" + std::string(cls) + "'");
    }
  }
  return sp;
}

const SentenceSplitter& SentenceSplitter::Default() {
  static const SentenceSplitter* splitter = [] {
    auto sp = Create();
    // The embedded table is part of the binary; failing to parse it is a build defect.
    return sp.ok() ? std::move(sp).value().release() : new SentenceSplitter();
  }();
  return *splitter;
}

// `punct` is the index of the terminal punctuation; `next` the first byte of the next
// non-space character.
bool SentenceSplitter::IsBoundary(std::string_view s, size_t punct, size_t next) const {
  char32_t c = PeekAt(s, next);
  size_t after = next;
  utf8::Next(s, &after);
  // Look through an opening quote or bracket to the word it opens.
  if (IsOpening(c) && after < s.size()) {
    c = PeekAt(s, after);
    next = after;
  }
  const bool upper = utf8::IsUpper(c);
  const bool digit = utf8::IsDigit(c);
  if (!upper && !digit) return false;
  if (s[punct] != '.') return true;  // '!' '?' or an ellipsis
  if (punct >= 2 && s[punct - 1] == '.' ) return true;  // "..." ellipsis
  std::string_view word = WordBefore(s, punct);
  if (word.empty()) return true;
  // Initials: "Amara J. Okafor", "J.R.R." ends with a single letter.
  if (word.size() == 1 && utf8::IsUpper(static_cast<unsigned char>(word[0]))) return false;
  auto it = abbrevs_.find(std::string(word));
  if (it == abbrevs_.end()) {
    // Unlisted dotted acronyms ("N.A.T.O") behave like `final` abbreviations.
    if (word.find('.') == std::string_view::npos) return true;
    if (digit) return false;
    // Two initials ("K.C. Maurer", "J.R. Okafor"; "U.S" and the like are listed) end a
    // sentence only before a word that opens one ("The", "He").
    if (word.size() == 3 && word[1] == '.' && utf8::IsUpper(static_cast<unsigned char>(word[0])) &&
        utf8::IsUpper(static_cast<unsigned char>(word[2])))
      return starters_.count(std::string(WordAt(s, next))) != 0;
    return OpensSentenceAfterAbbreviation(s, next);
  }
  switch (it->second) {
    case AbbrevClass::kTitle:
    case AbbrevClass::kNever:
      return false;
    case AbbrevClass::kFinal:
      if (digit) return false;
      return OpensSentenceAfterAbbreviation(s, next);
  }
  return true;
}

bool SentenceSplitter::OpensSentenceAfterAbbreviation(std::string_view s, size_t next) const {
  std::string word(WordAt(s, next));
  if (starters_.count(word) != 0) return true;
  if (continuations_.count(word) != 0) return false;
  // A capitalised word followed by another one is the head of a name ("U.S. Africa
  // Command", "U.S. Deputy Secretary"); followed by a lower-case word it is the subject
  // of a new sentence ("... landed in the U.S. Okafor is ...").
  size_t i = next + word.size();
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return true;
  size_t j = i;
  char32_t c = utf8::Next(s, &j);
  return !utf8::IsUpper(c);
}

std::vector<Span> SentenceSplitter::Split(std::string_view s) const {
  std::vector<Span> out;
  const size_t n = s.size();
  size_t start = 0;
  auto skip_space = [&](size_t i) {
    while (i < n) {
      size_t j = i;
      if (!utf8::IsSpace(utf8::Next(s, &j))) break;
      i = j;
    }
    return i;
  };
  auto emit = [&](size_t b, size_t e) {
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    if (e > b) out.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };
  start = skip_space(0);
  size_t i = start;
  while (i < n) {
    // Skip to the next byte that can start terminal punctuation ('.', '!', '?', or the
    // lead byte of U+2026).
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b != '.' && b != '!' && b != '?' && b != 0xE2) {
      ++i;
      continue;
    }
    size_t j = i;
    char32_t c = utf8::Next(s, &j);
    if (c != '.' && c != '!' && c != '?' && c != 0x2026) {
      i = j;
      continue;
    }
    size_t punct = i;
    // Absorb runs of terminal punctuation and closing quotes/brackets.
    size_t end = j;
    while (end < n) {
      size_t k = end;
      char32_t d = utf8::Next(s, &k);
      if (d == '.' || d == '!' || d == '?' || d == 0x2026 || IsClosing(d)) {
        end = k;
      } else {
        break;
      }
    }
    if (end >= n) break;
    size_t k = end;
    if (!utf8::IsSpace(utf8::Next(s, &k))) {
      i = end;
      continue;
    }
    size_t next = skip_space(end);
    if (next >= n) break;
    if (IsBoundary(s, punct, next)) {
      emit(start, end);
      start = next;
    }
    i = next;
  }
  emit(start, n);
  return out;
}

}  // namespace newsgraph::text
