#include "clean/cleaner.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "core/data.h"
#include "core/utf8.h"
#include "text/sentences.h"
#include "text/tokenizer.h"

namespace newsgraph {
namespace {

constexpr size_t kRestatementMinWords = 8;
constexpr double kRestatementOverlap = 0.85;
constexpr size_t kMaxCandidates = 64;  // earlier sentences checked per sentence
constexpr size_t kExactMinWords = 3;

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015; }

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// FNV-1a over the word with ASCII case and curly apostrophes folded.
size_t FoldedWordHash(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
    } else if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(w[i + 2]) == 0x98 || static_cast<unsigned char>(w[i + 2]) == 0x99)) {
      c = '\'';
      i += 2;
    }
    h = (h ^ c) * 1099511628211ull;
  }
  return static_cast<size_t>(h);
}

// Sorted distinct hashes of the words among `tokens` (offsets relative to `text`).
// Also sets *sequence_hash to a hash of the folded token sequence, for exact repeats
// (case, spacing and final punctuation do not matter).
std::vector<size_t> WordHashes(std::string_view text, const Token* begin, const Token* end, size_t* word_count,
                               uint64_t* sequence_hash) {
  std::vector<size_t> out;
  out.reserve(end - begin);
  *word_count = 0;
  while (end != begin && end[-1].kind == TokenKind::kPunct) --end;  // final punctuation and quotes
  uint64_t seq = 14695981039346656037ull;
  for (const Token* it = begin; it != end; ++it) {
    const Token& t = *it;
    size_t h = FoldedWordHash(text.substr(t.span.start, t.span.size()));
    seq = (seq ^ h) * 0x100000001b3ull + 0x9E3779B97F4A7C15ull;
    if (t.kind == TokenKind::kPunct) continue;
    ++*word_count;
    out.push_back(h);
  }
  *sequence_hash = seq;
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Whether sorted sets `a` and `b` share at least `needed` elements; stops as soon as the
// answer is known.
bool SharesAtLeast(const std::vector<size_t>& a, const std::vector<size_t>& b, size_t needed) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (n >= needed) return true;
    if (n + std::min(a.size() - i, b.size() - j) < needed) return false;
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n >= needed;
}

// A small open-addressing map from word hash to a 32-bit value, for the per-article
// indexes of the repeat detector (std::unordered_map allocates per node).
class FlatMap {
 public:
  explicit FlatMap(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, 0);
    values_.assign(cap, 0);
    used_.assign(cap, 0);
  }
  // The value slot for `key`, inserted as 0 when absent.
  uint32_t& operator[](uint64_t key) {
    size_t mask = keys_.size() - 1;
    size_t i = (key * 0x9E3779B97F4A7C15ull) >> 20 & mask;
    while (used_[i] && keys_[i] != key) i = (i + 1) & mask;
    if (!used_[i]) {
      used_[i] = 1;
      keys_[i] = key;
    }
    return values_[i];
  }
  const uint32_t* Find(uint64_t key) const {
    size_t mask = keys_.size() - 1;
    size_t i = (key * 0x9E3779B97F4A7C15ull) >> 20 & mask;
    while (used_[i]) {
      if (keys_[i] == key) return &values_[i];
      i = (i + 1) & mask;
    }
    return nullptr;
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  std::vector<uint8_t> used_;
};

}  // namespace

std::string FoldForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
      ++i;
      continue;
    }
    size_t start = i;
    char32_t c = utf8::Next(s, &i);
    if (c == 0x2018 || c == 0x2019) {
      out.push_back('\'');
    } else if (c == 0x201C || c == 0x201D) {
      out.push_back('"');
    } else {
      out.append(s.data() + start, i - start);
    }
  }
  return out;
}

namespace {

// The double quotation marks (straight or curly) in `s`. An odd number means one end of a
// quotation that runs on into the next or the previous sentence.
size_t QuoteMarks(std::string_view s) {
  size_t marks = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') ++marks;
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0 || s.compare(i, 3, "\xE2\x80\x9D") == 0) ++marks;
  }
  return marks;
}

// True when `s` needs no normalisation at all: printable ASCII and UTF-8 letters or
// punctuation only, single spaces between words, no space at either end, no backquote or
// doubled apostrophe, and every non-ASCII character one that stays as it is (checked
// conservatively: only lead bytes of Latin-1 letters and of curly quotes and dashes).
bool AlreadyNormal(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return s.empty();
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= 0x21 && b < 0x7F) {
      if (b == '`' || (b == '\'' && i + 1 < s.size() && s[i + 1] == '\'')) return false;
      continue;
    }
    if (b == ' ') {
      if (s[i + 1] == ' ') return false;
      continue;
    }
    if (b == 0xC3) {  // U+00C0..U+00FF: Latin-1 letters
      ++i;
      continue;
    }
    if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x93 || c == 0x94 || c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0xA6) {
        i += 2;  // en and em dash, curly quotes, ellipsis
        continue;
      }
    }
    return false;
  }
  return true;
}

}  // namespace

std::string NormalizeParagraph(std::string_view in) {
  if (AlreadyNormal(in)) return std::string(in);
  std::string composed;
  std::string_view nfc = utf8::NfcIfNeeded(in, &composed) ? std::string_view(composed) : in;
  std::string out;
  out.reserve(nfc.size());
  size_t i = 0;
  bool pending_space = false;
  auto put = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(piece);
  };
  while (i < nfc.size()) {
    size_t start = i;
    unsigned char b = static_cast<unsigned char>(nfc[i]);
    if (b > ' ' && b < 0x7F && b != '`' && b != '\'') {  // a run of plain printable ASCII
      size_t e = i + 1;
      while (e < nfc.size()) {
        unsigned char d = static_cast<unsigned char>(nfc[e]);
        if (d <= ' ' || d >= 0x7F || d == '`' || d == '\'') break;
        ++e;
      }
      put(nfc.substr(i, e - i));
      i = e;
      continue;
    }
    char32_t c = utf8::Next(nfc, &i);
    if (utf8::IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x00AD || c == 0x200B || c == 0xFEFF ||
        c == 0x2060) {
      continue;  // control, soft hyphen, zero-width
    }
    if (c == 0x2010 || c == 0x2011 || c == 0x2212) {
      put("-");
    } else if (c == '`' && i < nfc.size() && nfc[i] == '`') {
      ++i;
      put("\"");
    } else if (c == '\'' && i < nfc.size() && nfc[i] == '\'') {
      ++i;
      put("\"");
    } else {
      put(nfc.substr(start, i - start));
    }
  }
  return out;
}

std::string_view StripDateline(std::string_view p, std::string* dateline) {
  // PLACE: upper-case words ("BEIJING", "NEW YORK", "ST. LOUIS", "RIO DE JANEIRO").
  size_t i = 0, letters = 0, lowers = 0;
  size_t place_end = 0;
  while (i < p.size() && i < 60) {
    size_t j = i;
    char32_t c = utf8::Next(p, &j);
    if (utf8::IsAlpha(c)) {
      if (utf8::IsUpper(c)) {
        ++letters;
      } else {
        ++lowers;
      }
    } else if (c != ' ' && c != '.' && c != '\'' && c != '-') {
      break;
    }
    i = j;
    if (utf8::IsAlpha(c) || c == '.') place_end = i;
  }
  if (letters < 3 || lowers * 3 > letters) return p;
  std::string_view place = TrimSpace(p.substr(0, place_end));
  size_t k = place_end;
  while (k < p.size() && p[k] == ' ') ++k;
  std::string region;
  // ", Region" or ", June 18": mixed-case words, digits, dots.
  if (k < p.size() && p[k] == ',') {
    size_t r = k + 1;
    while (r < p.size() && r - k < 45 && p[r] != '(' && p[r] != ',' && static_cast<unsigned char>(p[r]) < 0x80 &&
           (std::isalnum(static_cast<unsigned char>(p[r])) || p[r] == ' ' || p[r] == '.')) {
      ++r;
    }
    region = std::string(TrimSpace(p.substr(k + 1, r - k - 1)));
    if (region.empty()) return p;
    k = r;
    while (k < p.size() && p[k] == ' ') ++k;
  }
  // "(Reuters)", "(AP)".
  if (k < p.size() && p[k] == '(') {
    size_t close = p.find(')', k);
    if (close == std::string_view::npos || close - k > 40) return p;
    k = close + 1;
    while (k < p.size() && p[k] == ' ') ++k;
  }
  // The dash: "—", "–", "-" or "--", then a space.
  size_t d = k;
  int dashes = 0;
  while (d < p.size()) {
    size_t j = d;
    char32_t c = utf8::Next(p, &j);
    if (!IsDash(c)) break;
    ++dashes;
    d = j;
  }
  if (dashes == 0 || dashes > 2 || d >= p.size() || p[d] != ' ') return p;
  while (d < p.size() && p[d] == ' ') ++d;
  bool region_is_date = !region.empty() && std::any_of(region.begin(), region.end(), ::isdigit);
  *dateline = std::string(place);
  if (!region.empty() && !region_is_date) *dateline += ", " + region;
  return p.substr(d);
}

StatusOr<std::unique_ptr<Cleaner>> Cleaner::Create() {
  auto text = ReadDataFile("clean/boilerplate.tsv");
  if (!text.ok()) return text.status();
  auto c = std::unique_ptr<Cleaner>(new Cleaner());
  for (const DataLine& line : ParseTsv(*text)) {
    auto where = "clean/boilerplate.tsv:" + std::to_string(line.line_number);
    if (line.fields.size() != 3) return Status::Corrupt(where + ": expected match<TAB>weight<TAB>text");
    Pattern p;
    if (line.fields[0] == "line") {
      p.match = Match::kLine;
    } else if (line.fields[0] == "prefix") {
      p.match = Match::kPrefix;
    } else if (line.fields[0] == "phrase") {
      p.match = Match::kPhrase;
    } else if (line.fields[0] == "vocab") {
      c->vocab_.insert(FoldForMatch(line.fields[2]));
      continue;
    } else if (line.fields[0] == "credit") {
      c->credits_.insert(FoldForMatch(line.fields[2]));
      continue;
    } else {
      return Status::Corrupt(where + ": unknown match kind '" + std::string(line.fields[0]) + "'");
    }
    std::string w(line.fields[1]);
    if (w.empty() || !std::all_of(w.begin(), w.end(), ::isdigit)) return Status::Corrupt(where + ": bad weight");
    p.weight = std::stoi(w);
    p.text = FoldForMatch(line.fields[2]);
    if (p.text.empty()) return Status::Corrupt(where + ": empty pattern");
    if (p.match == Match::kPhrase) c->phrases_.Add(p.text, static_cast<int>(c->patterns_.size()));
    if (p.match != Match::kPhrase) {
      c->max_fixed_len_ = std::max(c->max_fixed_len_, p.text.size());
      c->by_first_byte_[static_cast<unsigned char>(p.text[0])].push_back(static_cast<uint16_t>(c->patterns_.size()));
    }
    c->patterns_.push_back(std::move(p));
  }
  c->phrases_.Build();
  auto cues = ReadDataFile("clean/attribution_cues.txt");
  if (!cues.ok()) return cues.status();
  for (const DataLine& line : ParseTsv(*cues)) c->attribution_cues_.insert(FoldedWordHash(line.fields[0]));
  return c;
}

const Token* Cleaner::AttributionTail(std::string_view text, const Token* begin, const Token* end) const {
  const Token* comma = nullptr;
  for (const Token* t = end; t != begin; --t) {
    if (t[-1].kind == TokenKind::kPunct && text.substr(t[-1].span.start, t[-1].span.size()) == ",") {
      comma = t - 1;
      break;
    }
  }
  if (comma == nullptr) return nullptr;
  size_t words = 0;
  bool cue = false;
  for (const Token* t = comma + 1; t != end; ++t) {
    if (t->kind == TokenKind::kPunct) continue;
    if (++words > 6) return nullptr;
    if (attribution_cues_.count(FoldedWordHash(text.substr(t->span.start, t->span.size()))) != 0) cue = true;
  }
  return cue ? comma : nullptr;
}

bool Cleaner::EndsInCredit(std::string_view paragraph) const {
  constexpr size_t kMaxCreditWords = 6;
  std::string_view p = paragraph;
  while (!p.empty() && (p.back() == ' ' || p.back() == '.' || p.back() == '\r')) p.remove_suffix(1);
  size_t colon = p.rfind(": ");
  if (colon == std::string_view::npos || p.size() - colon > 80) return false;
  // The credit: a few words, no sentence inside.
  std::string_view who = p.substr(colon + 2);
  if (who.empty() || who.find(". ") != std::string_view::npos) return false;
  if (static_cast<size_t>(std::count(who.begin(), who.end(), ' ')) + 1 > kMaxCreditWords) return false;
  // The label: the word before the colon, opening the paragraph or a sentence.
  size_t label = p.find_last_of(' ', colon == 0 ? 0 : colon - 1);
  size_t start = label == std::string_view::npos ? 0 : label + 1;
  if (start > 0 && !(start >= 2 && (p[start - 2] == '.' || p[start - 2] == ')'))) return false;
  return credits_.count(FoldForMatch(p.substr(start, colon - start))) != 0;
}

std::string Cleaner::BoilerplateReason(std::string_view paragraph) const {
  // Line and prefix patterns look at the paragraph's head only.
  std::string head = FoldForMatch(paragraph.substr(0, max_fixed_len_ + 8));
  std::string_view bare = head;
  if (paragraph.size() <= max_fixed_len_ + 8) {
    while (!bare.empty() && (bare.back() == '.' || bare.back() == ':' || bare.back() == ' ' || bare.back() == '!' ||
                             bare.back() == '>' || bare.back() == '|')) {
      bare.remove_suffix(1);
    }
  } else {
    bare = {};
  }
  if (!head.empty()) {
    for (uint16_t i : by_first_byte_[static_cast<unsigned char>(head[0])]) {
      const Pattern& p = patterns_[i];
      if (p.match == Match::kLine && bare == p.text) return "line: " + p.text;
      if (p.match == Match::kPrefix && head.compare(0, p.text.size(), p.text) == 0) return "prefix: " + p.text;
    }
  }
  // A photo, video or audio caption, ending in its credit.
  if (paragraph.size() <= 600 && !credits_.empty() && EndsInCredit(paragraph)) return "caption credit";
  // A row of share/follow buttons.
  if (paragraph.size() <= 200 && !vocab_.empty() &&
      vocab_.count(FoldForMatch(paragraph.substr(0, paragraph.find(' ')))) != 0) {
    std::vector<Token> tokens;
    text::Tokenize(paragraph, 0, &tokens);
    size_t words = 0;
    bool all_vocab = true;
    for (const Token& t : tokens) {
      std::string w = FoldForMatch(paragraph.substr(t.span.start, t.span.size()));
      if (t.kind == TokenKind::kPunct && w != "|") continue;
      ++words;
      if (vocab_.count(w) == 0) {
        all_vocab = false;
        break;
      }
    }
    if (all_vocab && words >= 2 && words <= 16) return "share buttons";
  }
  // Phrase rule. A paragraph that opens with a quotation is somebody speaking: news.
  if (head.empty() || head[0] == '"' || head[0] == '\'') return "";
  if (paragraph.size() > 4000) return "";  // boilerplate blocks are short
  std::vector<std::pair<int, size_t>> hits;
  phrases_.Scan(paragraph, [&](int id, size_t end) { hits.emplace_back(id, end); });
  if (hits.empty()) return "";
  int weight = 0;
  std::vector<int> seen;
  for (auto [id, end] : hits) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    weight += patterns_[id].weight;
  }
  if (weight < 2) return "";
  std::vector<Span> sentences = text::SentenceSplitter::Default().Split(paragraph);
  size_t flagged = 0;
  for (Span s : sentences) {
    for (auto [id, end] : hits) {
      if (end > s.start && end <= s.end) {
        ++flagged;
        break;
      }
    }
  }
  if (flagged * 2 >= sentences.size()) return "phrase: " + patterns_[hits.front().first].text;
  return "";
}

void Cleaner::Clean(const Article& article, Analysis* out) const {
  out->title = NormalizeParagraph(article.title);
  out->published = article.published;
  out->url = article.url;
  out->source = article.source;
  out->language = article.language;
  out->byline = article.byline;
  out->dateline = article.dateline;
  out->warnings = article.warnings;
  out->removed.clear();
  out->sentences.clear();
  out->tokens.clear();

  // 1-3: normalise, dateline, boilerplate.
  std::vector<std::string> paragraphs;
  for (const std::string& raw : article.paragraphs) {
    std::string p = NormalizeParagraph(raw);
    if (p.empty()) continue;
    if (paragraphs.empty() && out->dateline.empty()) {
      std::string_view rest = StripDateline(p, &out->dateline);
      if (rest.size() != p.size()) p = std::string(rest);
    }
    if (std::string reason = BoilerplateReason(p); !reason.empty()) {
      out->removed.push_back(Removal{"boilerplate", reason, p});
      continue;
    }
    paragraphs.push_back(std::move(p));
  }

  // 4: repeated sentences and restatements. Each sentence is tokenized once; the tokens
  // are handed on to the text stage with the body.
  struct Sent {
    size_t paragraph;
    Span span;
    uint32_t first_token, end_token;  // into `tokens`, offsets relative to the sentence
    std::vector<size_t> words;       // all its words: what it offers to cover later ones
    std::vector<size_t> test_words;  // without a trailing attribution, when it has one
    size_t word_count = 0;
    uint64_t sequence_hash = 0;
    bool removed = false;
    bool attributed = false;  // ends in an attribution (", officials said")
    bool odd_marks = false;   // holds an odd number of double quotation marks
    bool quoted = false;      // holds a quotation mark
  };
  std::vector<Sent> sents;
  std::vector<Token> tokens;
  size_t text_bytes = 0;
  for (const std::string& p : paragraphs) text_bytes += p.size();
  tokens.reserve(text_bytes / 4 + 16);
  out->tokens.reserve(text_bytes / 4 + 16);
  const auto& splitter = text::SentenceSplitter::Default();
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    std::string_view para = paragraphs[pi];
    for (Span s : splitter.Split(para)) {
      Sent st{pi, s, static_cast<uint32_t>(tokens.size()), 0, {}, {}, 0, 0};
      std::string_view text = para.substr(s.start, s.size());
      text::Tokenize(text, 0, &tokens);
      st.end_token = static_cast<uint32_t>(tokens.size());
      st.words = WordHashes(text, tokens.data() + st.first_token, tokens.data() + st.end_token, &st.word_count,
                            &st.sequence_hash);
      // A trailing attribution (", officials said") is left out of the restatement test.
      size_t marks = QuoteMarks(text);
      st.odd_marks = marks % 2 == 1;
      st.quoted = marks > 0;
      if (const Token* tail = AttributionTail(text, tokens.data() + st.first_token, tokens.data() + st.end_token);
          tail != nullptr) {
        st.attributed = true;
        uint64_t unused;
        size_t content_words = 0;
        std::vector<size_t> content = WordHashes(text, tokens.data() + st.first_token, tail, &content_words, &unused);
        if (content_words >= kRestatementMinWords) st.test_words = std::move(content);
      }
      sents.push_back(std::move(st));
    }
  }
  size_t total_words = 0;
  for (const Sent& s : sents) total_words += s.words.size();
  FlatMap df(total_words);
  for (const Sent& s : sents) {
    for (size_t w : s.words) ++df[w];
  }
  FlatMap seen_exact(sents.size());
  // Postings: word → earlier kept sentences, as linked lists threaded through one array.
  FlatMap posting_head(total_words);  // word → 1 + index into post_next/post_sentence
  std::vector<uint32_t> post_next, post_sentence;
  auto text_of = [&](const Sent& s) {
    return std::string_view(paragraphs[s.paragraph]).substr(s.span.start, s.span.size());
  };
  std::vector<std::pair<uint32_t, size_t>> by_rarity;  // (document frequency, word)
  std::vector<uint32_t> candidates;
  // The sentences of each paragraph, as [first, end) into `sents`.
  std::vector<std::pair<uint32_t, uint32_t>> para_sents(paragraphs.size(), {0, 0});
  for (size_t si = sents.size(); si-- > 0;) {
    auto& r = para_sents[sents[si].paragraph];
    if (r.second == 0) r.second = static_cast<uint32_t>(si + 1);
    r.first = static_cast<uint32_t>(si);
  }
  // A pull-quote box: a paragraph that is only sentence `t` and, after it, at most a name
  // without a full stop (the person quoted: "... she was suppressive. Valeska Paris"),
  // while the later copy `s` stands in running text (a paragraph of several sentences).
  auto pull_quote_box = [&](uint32_t t, const Sent& s) {
    const auto [first, end] = para_sents[sents[t].paragraph];
    const auto [s_first, s_end] = para_sents[s.paragraph];
    if (first != t || end - first > 2 || s_end - s_first < 2 || sents[t].paragraph == s.paragraph) return false;
    if (end - first == 1) return true;
    const Sent& name = sents[t + 1];
    const std::string_view nt = text_of(name);
    if (name.word_count == 0 || name.word_count > 4 || nt.empty() || nt.back() == '.' || nt.back() == '!' ||
        nt.back() == '?')
      return false;
    for (uint32_t k = name.first_token; k < name.end_token; ++k)
      if (tokens[k].kind == TokenKind::kWord && !tokens[k].capitalized) return false;
    return true;
  };
  for (size_t si = 0; si < sents.size(); ++si) {
    Sent& s = sents[si];
    std::string_view st = text_of(s);
    // A sentence holding one mark of a quotation that runs on into its neighbours is
    // never removed: that would cut the quotation.
    if (s.word_count >= kExactMinWords && !s.odd_marks) {
      uint32_t& earlier = seen_exact[s.sequence_hash];  // 1 + index of the first copy
      if (earlier > 0 && !sents[earlier - 1].removed && pull_quote_box(earlier - 1, s)) {
        // The box goes, with the name under it; this copy, in the article's text, stays.
        const auto [first, end] = para_sents[sents[earlier - 1].paragraph];
        std::string box;
        for (uint32_t k = first; k < end; ++k) {
          sents[k].removed = true;
          if (!box.empty()) box.push_back(' ');
          box.append(text_of(sents[k]));
        }
        out->removed.push_back(Removal{"boilerplate", "pull quote: repeated in the article's text", box});
        earlier = static_cast<uint32_t>(si + 1);
      } else if (earlier > 0) {
        s.removed = true;
        out->removed.push_back(Removal{"duplicate_sentence", "exact repeat", std::string(st)});
        continue;
      } else {
        earlier = static_cast<uint32_t>(si + 1);
      }
    }
    const std::vector<size_t>& tested = s.test_words.empty() ? s.words : s.test_words;
    if (s.word_count >= kRestatementMinWords && tested.size() >= kRestatementMinWords && !s.odd_marks) {
      // Pigeonhole: a sentence sharing >= 85% of these words shares one of the k rarest.
      by_rarity.clear();
      for (size_t w : tested) by_rarity.emplace_back(*df.Find(w), w);
      size_t k = std::min(by_rarity.size(), static_cast<size_t>((1.0 - kRestatementOverlap) * tested.size()) + 1);
      // k is small (a few words): selection by repeated minimum beats a general select.
      for (size_t r = 0; r < k; ++r) {
        std::iter_swap(by_rarity.begin() + r, std::min_element(by_rarity.begin() + r, by_rarity.end()));
      }
      candidates.clear();
      for (size_t r = 0; r < k; ++r) {
        const uint32_t* head = posting_head.Find(by_rarity[r].second);
        size_t taken = 0;
        for (uint32_t p = head ? *head : 0; p != 0 && taken < kMaxCandidates; p = post_next[p - 1], ++taken) {
          candidates.push_back(post_sentence[p - 1]);
        }
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      if (candidates.size() > kMaxCandidates) candidates.erase(candidates.begin(), candidates.end() - kMaxCandidates);
      const size_t needed = static_cast<size_t>(std::ceil(kRestatementOverlap * tested.size()));
      for (uint32_t ci : candidates) {
        Sent& t = sents[ci];
        if (t.removed || t.words.size() < needed) continue;  // too short to cover it
        if (SharesAtLeast(tested, t.words, needed)) {
          if (s.quoted && t.quoted && s.attributed && !t.attributed && !t.odd_marks) {
            // A pull-quote repeated with its attribution: the attributed copy stays.
            t.removed = true;
            out->removed.push_back(Removal{"duplicate_sentence", "restated with its attribution: " +
                                                                     std::string(st).substr(0, 120),
                                           std::string(text_of(t))});
            break;
          }
          s.removed = true;
          out->removed.push_back(Removal{"duplicate_sentence", "restates an earlier sentence: " +
                                                                   std::string(text_of(t)).substr(0, 120),
                                         std::string(st)});
          break;
        }
      }
      if (s.removed) continue;
    }
    for (size_t w : s.words) {
      uint32_t& head = posting_head[w];
      post_next.push_back(head);
      post_sentence.push_back(static_cast<uint32_t>(si));
      head = static_cast<uint32_t>(post_next.size());
    }
  }

  // Reassemble the body from the kept sentences, with their sentences and tokens.
  std::string body;
  size_t si = 0;
  uint32_t paragraph_index = 0;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    bool started = false;
    for (; si < sents.size() && sents[si].paragraph == pi; ++si) {
      const Sent& s = sents[si];
      if (s.removed) continue;
      if (!started && !body.empty()) body.push_back('\n');
      if (started) body.push_back(' ');
      started = true;
      uint32_t base = static_cast<uint32_t>(body.size());
      body.append(text_of(s));
      Sentence sentence;
      sentence.span = Span{base, static_cast<uint32_t>(body.size())};
      sentence.paragraph = paragraph_index;
      sentence.first_token = static_cast<uint32_t>(out->tokens.size());
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        Token tok = tokens[t];
        tok.span.start += base;
        tok.span.end += base;
        out->tokens.push_back(tok);
      }
      sentence.end_token = static_cast<uint32_t>(out->tokens.size());
      out->sentences.push_back(sentence);
    }
    if (started) ++paragraph_index;
  }
  out->body = std::move(body);
}

}  // namespace newsgraph
