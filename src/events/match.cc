// Verb patterns over a sentence's tokens: each pattern of data/events/verbs.tsv (and of
// PETRARCH's dictionaries when loaded) is keyed on its anchor word; at every token the
// candidates are tried, elements after the anchor matched rightwards and those before it
// leftwards, each within its gap. The best match per anchor wins (most elements, then the
// longest), and a match whose anchor is a word of a longer match is part of it.
#include "events/coder.h"

namespace newsgraph::events {

namespace {

constexpr int kCueWindow = 6;
constexpr std::string_view kClauseBreaks[] = {",",      ";",     ":",      "and",  "but",  "while",   "that",
                                              "which",  "who",   "whom",   "said", "says", "because", "although",
                                              "though", "after", "before", "when", "(",    ")"};

// Whether the cue's words end at token `i` ("refus*", "to").
bool CueEndsAt(const ModalityCue& cue, const std::vector<Tok>& toks, int i) {
  int len = static_cast<int>(cue.words.size());
  int b = i - len + 1;
  if (b < 0) return false;
  for (int k = 0; k < len; ++k) {
    const Tok& t = toks[b + k];
    if (t.cap && b + k > 0) return false;  // "May" the month, not the modal
    const std::string& w = cue.words[k];
    bool ok = !w.empty() && w.back() == '*'
                  ? t.low.size() >= w.size() - 1 &&
                        t.low.compare(0, w.size() - 1, std::string_view(w).substr(0, w.size() - 1)) == 0
                  : t.low == w;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

bool ArticleCoder::Discarded(const std::vector<Tok>& toks, const std::vector<std::vector<std::string>>& list) const {
  for (const auto& words : list) {
    if (words.empty()) continue;
    for (size_t i = 0; i + words.size() <= toks.size(); ++i) {
      size_t k = 0;
      while (k < words.size() && toks[i + k].low == words[k]) ++k;
      if (k == words.size()) return true;
    }
  }
  return false;
}

// Element `el` at token `k`, matching rightwards (`forward`) or leftwards: a word, or an
// actor phrase starting (ending) there for a slot. On success records it in `m` and sets
// `*next` to the token after (before) it.
bool ArticleCoder::MatchElem(const Elem& el, int k, bool forward, const Sent& s, Match* m, int* next) const {
  if (el.kind == Elem::Kind::kWords) {
    if (s.toks[k].punct || !el.Matches(s.toks[k].low)) return false;
    m->literals.push_back(k);
    (forward ? m->last : m->first) = k;
    *next = forward ? k + 1 : k - 1;
    return true;
  }
  int q = s.phrase_at[k];
  if (q < 0 || (forward ? s.ph[q].begin : s.ph[q].end - 1) != k) return false;
  (el.kind == Elem::Kind::kSource ? m->source_phrase : m->target_phrase) = q;
  if (forward) {
    m->last = s.ph[q].end - 1;
    *next = s.ph[q].end;
  } else {
    m->first = s.ph[q].begin;
    *next = s.ph[q].begin - 1;
  }
  return true;
}

bool ArticleCoder::MatchPattern(const Pattern& p, int anchor, const Sent& s, Match* m) const {
  m->anchor = anchor;
  m->first = m->last = anchor;
  m->literals.assign(1, anchor);
  m->elems = 1;
  // Forward from the anchor.
  int pos = anchor + 1;
  for (size_t e = p.anchor + 1; e < p.elems.size(); ++e) {
    const Elem& el = p.elems[e];
    bool found = false;
    for (int k = pos; k <= pos + el.gap_before && k < s.n && !found; ++k) {
      if (s.toks[k].low == ";" || (el.gap_before > 0 && k > pos && s.toks[k].low == ".")) break;
      found = MatchElem(el, k, true, s, m, &pos);
    }
    if (!found && !el.optional) return false;
    m->elems += found;
  }
  // Backward from the anchor (PETRARCH patterns with words before the verb).
  pos = anchor - 1;
  for (int e = p.anchor - 1; e >= 0; --e) {
    const Elem& el = p.elems[e];
    int gap = p.elems[e + 1].gap_before;
    bool found = false;
    for (int k = pos; k >= pos - gap && k >= 0 && !found; --k) {
      if (s.toks[k].low == ";") break;
      found = MatchElem(el, k, false, s, m, &pos);
    }
    if (!found && !el.optional) return false;
    m->elems += found;
  }
  return true;
}

std::vector<Match> ArticleCoder::FindMatches(const Sent& s) const {
  // 1. The best match per anchor.
  std::vector<Match> matches;
  std::vector<uint32_t> cands;
  for (int k = 0; k < s.n && matches.size() < kMaxMatchesPerSentence; ++k) {
    if (s.toks[k].punct || s.in_quote[k]) continue;
    if (s.phrase_at[k] >= 0) continue;  // "protesters" is an actor, not a protest
    cands.clear();
    d_.verbs.Candidates(s.toks[k].low, &cands);
    Match best;
    bool have = false;
    for (uint32_t c : cands) {
      Match m;
      m.pattern = c;
      if (!MatchPattern(d_.verbs.at(c), k, s, &m)) continue;
      if (!have || m.elems > best.elems || (m.elems == best.elems && m.last - m.first > best.last - best.first)) {
        best = std::move(m);
        have = true;
      }
    }
    if (have) matches.push_back(std::move(best));
  }
  // 2. A match whose anchor is a word of a longer match is part of it ("defense
  // cooperation" holds "cooperation"), unless it names its own source.
  std::vector<bool> keep(matches.size(), true);
  for (size_t i = 0; i < matches.size(); ++i)
    for (size_t j = 0; j < matches.size(); ++j) {
      if (i == j || !keep[j]) continue;
      const Match& big = matches[j];
      if (big.elems <= matches[i].elems) continue;
      if (d_.verbs.at(matches[i].pattern).has_source_slot) continue;
      if (std::find(big.literals.begin(), big.literals.end(), matches[i].anchor) != big.literals.end()) keep[i] = false;
    }
  std::vector<Match> kept;
  for (size_t i = 0; i < matches.size(); ++i)
    if (keep[i]) kept.push_back(std::move(matches[i]));
  return kept;
}

// The modality kind of the event phrase starting at token `start`: the nearest cue in the
// clause before it ("refused to", "will"), unless a conditional cue opens that clause
// ("whether she would travel": asked about, not intended); or "cond" for a conditional
// clause anywhere before.
std::string ArticleCoder::Modality(const std::vector<Tok>& toks, int start, std::string* cue_text) const {
  std::string kind;
  for (int i = start - 1; i >= 0 && i >= start - kCueWindow; --i) {
    if (In(toks[i].low, kClauseBreaks)) break;
    for (const auto& cue : d_.cues) {
      if (!CueEndsAt(cue, toks, i) || (!kind.empty() && cue.kind != "cond")) continue;
      int b = i - static_cast<int>(cue.words.size()) + 1;
      *cue_text = std::string(toks[b].text.data(), toks[i].text.data() + toks[i].text.size());
      kind = cue.kind;
      break;
    }
    if (kind == "cond") break;
  }
  if (!kind.empty()) return kind;
  // A conditional clause: "if" or "unless" anywhere before the verb in the sentence.
  for (int i = start - 1; i >= 0; --i) {
    if (toks[i].low == ";") break;
    if (toks[i].low == "if" || toks[i].low == "unless") {
      *cue_text = std::string(toks[i].text);
      return "cond";
    }
  }
  return {};
}

}  // namespace newsgraph::events
