#include "tone/tone.h"

#include <algorithm>

#include "core/data.h"

namespace newsgraph {
namespace {

constexpr int kNegationReach = 3;  // words a negator reaches forward

// Lower-case ASCII, curly apostrophe folded; false when longer than `cap`.
bool Fold(std::string_view w, char* buf, size_t cap, size_t* len) {
  size_t n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (n >= cap) return false;
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        static_cast<unsigned char>(w[i + 2]) == 0x99) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  *len = n;
  return true;
}

}  // namespace

size_t ToneScorer::Hash::operator()(std::string_view s) const {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

StatusOr<std::unique_ptr<ToneScorer>> ToneScorer::Create() {
  auto scorer = std::unique_ptr<ToneScorer>(new ToneScorer());
  auto lexicon = ReadDataFile("tone/lexicon.tsv");
  if (!lexicon.ok()) return lexicon.status();
  for (const DataLine& l : ParseTsv(*lexicon)) {
    if (l.fields.size() < 2 || (l.fields[1] != "+1" && l.fields[1] != "-1") || l.fields[0].empty()) {
      return Status::Corrupt("data/tone/lexicon.tsv line " + std::to_string(l.line_number) +
                             ": expected word<TAB>+1|-1");
    }
    scorer->words_[std::string(l.fields[0])] = l.fields[1] == "+1" ? 1 : -1;
  }
  auto negators = ReadDataFile("tone/negators.tsv");
  if (!negators.ok()) return negators.status();
  for (const DataLine& l : ParseTsv(*negators)) {
    if (l.fields.empty() || l.fields[0].empty()) {
      return Status::Corrupt("data/tone/negators.tsv line " + std::to_string(l.line_number) + ": empty word");
    }
    scorer->words_[std::string(l.fields[0])] = 0;
  }
  for (const auto& [w, v] : scorer->words_) scorer->max_word_bytes_ = std::max(scorer->max_word_bytes_, w.size() + 2);
  return scorer;
}

void ToneScorer::Score(Analysis* a) const {
  uint32_t words = 0, positive = 0, negative = 0;
  std::string_view body = a->body;
  char buf[64];
  for (const Sentence& s : a->sentences) {
    int since_negator = kNegationReach + 1;  // words since the last negator in this clause
    for (uint32_t t = s.first_token; t < s.end_token && t < a->tokens.size(); ++t) {
      const Token& tok = a->tokens[t];
      if (tok.kind == TokenKind::kPunct) {
        char c = body[tok.span.start];
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') since_negator = kNegationReach + 1;
        continue;
      }
      if (tok.kind != TokenKind::kWord) continue;
      std::string_view w = body.substr(tok.span.start, tok.span.size());
      if (w == "'s" || w == "\xE2\x80\x99s") continue;  // a possessive is no word of its own
      ++words;
      ++since_negator;
      size_t len = 0;
      if (w.size() > max_word_bytes_ || !Fold(w, buf, sizeof buf, &len)) continue;
      auto it = words_.find(std::string_view(buf, len));
      if (it == words_.end()) continue;
      int charge = it->second;
      if (charge == 0) {
        since_negator = 0;
        continue;
      }
      if (since_negator <= kNegationReach) charge = -charge;
      (charge > 0 ? positive : negative) += 1;
    }
  }
  Tone tone;
  tone.word_count = words;
  if (words > 0) {
    tone.positive = 100.0 * positive / words;
    tone.negative = 100.0 * negative / words;
    tone.score = tone.positive - tone.negative;
    tone.polarity = tone.positive + tone.negative;
  }
  a->tone = tone;
}

}  // namespace newsgraph
