#include "clean/cleaner.h"

#include <algorithm>
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

// Sorted distinct hashes of the folded words of `sentence`.
std::vector<size_t> WordHashes(std::string_view sentence, size_t* word_count) {
  std::vector<Token> tokens;
  text::Tokenize(sentence, 0, &tokens);
  std::vector<size_t> out;
  *word_count = 0;
  std::hash<std::string> h;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kPunct) continue;
    ++*word_count;
    out.push_back(h(FoldForMatch(sentence.substr(t.span.start, t.span.size()))));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t IntersectionSize(const std::vector<size_t>& a, const std::vector<size_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

// Case- and space-folded sentence for exact-repeat detection, without final punctuation.
std::string ExactKey(std::string_view sentence) {
  std::string f = FoldForMatch(sentence);
  std::string out;
  out.reserve(f.size());
  for (char c : f) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == '"' || out.back() == '!' ||
                          out.back() == '?')) {
    out.pop_back();
  }
  return out;
}

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

std::string NormalizeParagraph(std::string_view in) {
  std::string nfc = utf8::ToNfc(in);
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
      put(std::string_view(nfc).substr(start, i - start));
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
    } else {
      return Status::Corrupt(where + ": unknown match kind '" + std::string(line.fields[0]) + "'");
    }
    std::string w(line.fields[1]);
    if (w.empty() || !std::all_of(w.begin(), w.end(), ::isdigit)) return Status::Corrupt(where + ": bad weight");
    p.weight = std::stoi(w);
    p.text = FoldForMatch(line.fields[2]);
    if (p.text.empty()) return Status::Corrupt(where + ": empty pattern");
    c->patterns_.push_back(std::move(p));
  }
  return c;
}

std::string Cleaner::BoilerplateReason(std::string_view paragraph) const {
  std::string folded = FoldForMatch(paragraph);
  std::string_view bare = folded;
  while (!bare.empty() && (bare.back() == '.' || bare.back() == ':' || bare.back() == ' ' || bare.back() == '!' ||
                           bare.back() == '>' || bare.back() == '|')) {
    bare.remove_suffix(1);
  }
  for (const Pattern& p : patterns_) {
    if (p.match == Match::kLine && bare == p.text) return "line: " + p.text;
    if (p.match == Match::kPrefix && folded.compare(0, p.text.size(), p.text) == 0) return "prefix: " + p.text;
  }
  // Phrase rule. A paragraph that opens with a quotation is somebody speaking: news.
  if (!folded.empty() && (folded[0] == '"' || folded[0] == '\'')) return "";
  if (folded.size() > 4000) return "";  // boilerplate blocks are short
  std::vector<Span> sentences = text::SentenceSplitter::Default().Split(paragraph);
  if (sentences.empty()) return "";
  int weight = 0;
  size_t flagged = 0;
  std::string first;
  for (Span s : sentences) {
    std::string fs = FoldForMatch(paragraph.substr(s.start, s.size()));
    bool hit = false;
    for (const Pattern& p : patterns_) {
      if (p.match != Match::kPhrase || fs.find(p.text) == std::string::npos) continue;
      if (folded.find(p.text) != std::string::npos && !hit) weight += p.weight;
      if (first.empty()) first = p.text;
      hit = true;
    }
    if (hit) ++flagged;
  }
  if (weight >= 2 && flagged * 2 >= sentences.size()) return "phrase: " + first;
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

  // 4: repeated sentences and restatements.
  struct Sent {
    size_t paragraph;
    Span span;
    std::vector<size_t> words;
    size_t word_count;
    bool removed = false;
  };
  std::vector<Sent> sents;
  const auto& splitter = text::SentenceSplitter::Default();
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    for (Span s : splitter.Split(paragraphs[pi])) {
      Sent st{pi, s, {}, 0};
      st.words = WordHashes(std::string_view(paragraphs[pi]).substr(s.start, s.size()), &st.word_count);
      sents.push_back(std::move(st));
    }
  }
  std::unordered_map<size_t, uint32_t> df;
  for (const Sent& s : sents) {
    for (size_t w : s.words) ++df[w];
  }
  std::unordered_set<std::string> seen_exact;
  std::unordered_map<size_t, std::vector<uint32_t>> postings;  // word → earlier kept sentences
  auto text_of = [&](const Sent& s) {
    return std::string_view(paragraphs[s.paragraph]).substr(s.span.start, s.span.size());
  };
  for (size_t si = 0; si < sents.size(); ++si) {
    Sent& s = sents[si];
    std::string_view st = text_of(s);
    if (s.word_count >= kExactMinWords) {
      if (!seen_exact.insert(ExactKey(st)).second) {
        s.removed = true;
        out->removed.push_back(Removal{"duplicate_sentence", "exact repeat", std::string(st)});
        continue;
      }
    }
    if (s.word_count >= kRestatementMinWords && s.words.size() >= kRestatementMinWords) {
      std::vector<size_t> by_rarity = s.words;
      std::sort(by_rarity.begin(), by_rarity.end(), [&](size_t a, size_t b) { return df[a] < df[b]; });
      size_t k = static_cast<size_t>((1.0 - kRestatementOverlap) * s.words.size()) + 1;
      std::vector<uint32_t> candidates;
      for (size_t r = 0; r < k && r < by_rarity.size(); ++r) {
        auto it = postings.find(by_rarity[r]);
        if (it == postings.end()) continue;
        const auto& list = it->second;
        size_t from = list.size() > kMaxCandidates ? list.size() - kMaxCandidates : 0;
        candidates.insert(candidates.end(), list.begin() + from, list.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      if (candidates.size() > kMaxCandidates) candidates.erase(candidates.begin(), candidates.end() - kMaxCandidates);
      for (uint32_t ci : candidates) {
        const Sent& t = sents[ci];
        size_t common = IntersectionSize(s.words, t.words);
        if (common >= kRestatementOverlap * s.words.size()) {
          s.removed = true;
          out->removed.push_back(Removal{"duplicate_sentence", "restates an earlier sentence: " +
                                                                   std::string(text_of(t)).substr(0, 120),
                                         std::string(st)});
          break;
        }
      }
      if (s.removed) continue;
    }
    for (size_t w : s.words) postings[w].push_back(static_cast<uint32_t>(si));
  }

  // Reassemble the body from the kept sentences.
  std::string body;
  size_t si = 0;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    std::string para;
    for (; si < sents.size() && sents[si].paragraph == pi; ++si) {
      if (sents[si].removed) continue;
      if (!para.empty()) para.push_back(' ');
      para.append(text_of(sents[si]));
    }
    if (para.empty()) continue;
    if (!body.empty()) body.push_back('\n');
    body.append(para);
  }
  out->body = std::move(body);
}

}  // namespace newsgraph
