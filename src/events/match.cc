// Verb patterns over a sentence's tokens: each pattern of data/events/verbs.tsv (and of
// PETRARCH's dictionaries when loaded) is keyed on its anchor word; at every token the
// candidates are tried, elements after the anchor matched rightwards and those before it
// leftwards, each within its gap. The best match per anchor wins (most elements, then the
// longest), and a match whose anchor is a word of a longer match is part of it.
#include "core/ud.h"
#include "core/words.h"
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

// ---- The surface reading: patterns over the tokens of a sentence without a parse. ----

namespace {

constexpr int kRoleWordWindow = 3;  // surface: words of a prepositional or xcomp role within this many tokens
constexpr int kSubjWindow = 6;      // surface: words of SUBJ[...] within this many tokens before the trigger

// The first token in [from, to] (or down to `to` when `forward` is false) that `ok` accepts.
int FindToken(const std::vector<Tok>& toks, int from, int to, bool forward, auto&& ok) {
  for (int k = from; forward ? k <= to : k >= to; forward ? ++k : --k) {
    if (k < 0 || k >= static_cast<int>(toks.size())) break;
    if (toks[k].low == ";") break;
    if (ok(toks[k])) return k;
  }
  return -1;
}

bool IsPrepToken(const Elem& el, const Tok& t) {
  return std::find(el.preps.begin(), el.preps.end(), t.low) != el.preps.end();
}

}  // namespace

// A role element read over the tokens after `pos` (docs/events.md: the surface reading).
bool ArticleCoder::MatchRoleSurface(const Elem& el, int pos, const Sent& s, Match* m, int* next) const {
  auto words = [&](const Tok& t) { return !t.punct && el.Matches(t.low); };
  int k = -1;
  switch (el.role) {
    case Elem::Role::kSubj:  // an actor or words shortly before the trigger
      if (el.kind != Elem::Kind::kWords) {
        for (int q = static_cast<int>(s.ph.size()) - 1; q >= 0; --q)
          if (s.ph[q].end <= m->anchor && m->anchor - s.ph[q].end <= kSubjWindow) {
            (el.kind == Elem::Kind::kSource ? m->source_phrase : m->target_phrase) = q;
            return true;
          }
        return false;
      }
      if (el.AnyWord()) return true;
      k = FindToken(s.toks, m->anchor - 1, m->anchor - kSubjWindow, false, words);
      if (k >= 0) m->literals.push_back(k);
      return k >= 0;
    case Elem::Role::kObj:
    case Elem::Role::kIobj:
      if (el.kind != Elem::Kind::kWords) return pos < s.n && MatchElem(el, pos, true, s, m, next);
      k = el.AnyWord() ? pos : FindToken(s.toks, pos, pos + el.gap_before, true, words);
      break;
    case Elem::Role::kCcomp:
      if (el.AnyWord()) return true;
      k = FindToken(s.toks, pos, pos + el.gap_before, true, words);
      break;
    case Elem::Role::kXcomp:
    case Elem::Role::kPrep: {
      int p = FindToken(s.toks, pos, pos + el.gap_before, true, [&](const Tok& t) {
        return el.role == Elem::Role::kXcomp ? t.low == "to" : IsPrepToken(el, t);
      });
      if (p < 0) return false;
      m->literals.push_back(p);
      m->last = std::max(m->last, p);
      *next = p + 1;
      if (el.kind != Elem::Kind::kWords) return p + 1 < s.n && MatchElem(el, p + 1, true, s, m, next);
      if (el.AnyWord()) return true;
      k = FindToken(s.toks, p + 1, p + kRoleWordWindow, true, words);
      break;
    }
    case Elem::Role::kWord:
      return false;
  }
  if (k < 0 || k >= s.n) return false;
  m->literals.push_back(k);
  m->last = std::max(m->last, k);
  *next = k + 1;
  return true;
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

bool ArticleCoder::MatchSurface(const Pattern& p, int anchor, const Sent& s, Match* m) const {
  // Forward from the anchor.
  int pos = anchor + 1;
  for (size_t e = p.anchor + 1; e < p.elems.size(); ++e) {
    const Elem& el = p.elems[e];
    bool found = false;
    if (el.role != Elem::Role::kWord) {
      found = MatchRoleSurface(el, pos, s, m, &pos);
    } else {
      for (int k = pos; k <= pos + el.gap_before && k < s.n && !found; ++k) {
        if (s.toks[k].low == ";" || (el.gap_before > 0 && k > pos && s.toks[k].low == ".")) break;
        found = MatchElem(el, k, true, s, m, &pos);
      }
    }
    if (!found && !el.optional) return false;
    m->elems += found;
  }
  return MatchBefore(p, anchor, s, m, /*words_only=*/false);
}

// The elements written before the trigger (PETRARCH's "INDICATED WOULD * NOW"), leftwards
// from it, each within its gap: governors, auxiliaries and subjects stand there in the text
// whichever way the parse hangs them. Over a parse (`words_only`) the slots are frame roles.
bool ArticleCoder::MatchBefore(const Pattern& p, int anchor, const Sent& s, Match* m, bool words_only) const {
  int pos = anchor - 1;
  for (int e = p.anchor - 1; e >= 0; --e) {
    const Elem& el = p.elems[e];
    if (words_only && el.role != Elem::Role::kWord) continue;
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

// ---- The frame reading: patterns over the dependency parse (frames.h). ----

namespace {

// Relations below a trigger that open another clause: its words are not the trigger's. A
// conjunct of the trigger is a second predicate ("met X and accused Y"), but a conjunct of
// one of its dependents is a dependent too ("urged them to withdraw it and to release ...").
bool OpensClause(std::string_view rel, bool of_trigger) {
  return rel == "ccomp" || rel == "parataxis" || rel == "advcl" || rel == "acl:relcl" ||
         (rel == "conj" && of_trigger) || rel == "csubj" || rel == "list" || rel == "discourse" ||
         rel == "vocative" || rel == "reparandum";
}

constexpr int kBelowDepth = 4;  // how deep below the trigger a word element may lie
constexpr int kRoleDepth = 2;   // how deep below a role's head its [words] may lie

}  // namespace

bool ArticleCoder::WordMatches(const Elem& el, int32_t w) const {
  if (w < 0 || w >= static_cast<int32_t>(a_.words.size())) return false;
  const Word& word = a_.words[w];
  if (word.span.end > lower_.size() || word.span.start >= word.span.end) return false;
  std::string_view low = std::string_view(lower_).substr(word.span.start, word.span.size());
  return el.Matches(low) || (!word.lemma.empty() && el.Matches(word.lemma));
}

// The words below `root` in its clause, breadth first (nearest first), at most `depth` down.
void ArticleCoder::Below(int32_t root, int depth, std::vector<int32_t>* out) const {
  out->clear();
  size_t level_start = 0;
  out->push_back(root);
  for (int d = 0; d < depth; ++d) {
    size_t level_end = out->size();
    for (size_t i = level_start; i < level_end; ++i) {
      int32_t local = (*out)[i] - static_cast<int32_t>(first_word_);
      if (local < 0 || static_cast<size_t>(local) >= children_.size()) continue;
      for (int32_t c : children_[local])
        if (!OpensClause(ud::DeprelName(a_.words[c].deprel), d == 0)) out->push_back(c);
    }
    level_start = level_end;
  }
  out->erase(out->begin());
}

// A noun trigger that is an argument of a verb ("rebuffed a request ... for a meeting") also
// owns the prepositional phrases the parse hangs on that verb: which of the two a
// preposition belongs to is the parser's most frequent error, and the pattern's words say.
void ArticleCoder::AttachedToPredicate(int32_t noun, std::vector<int32_t>* below) const {
  const Word& n = a_.words[noun];
  if (n.upos != ud::kNoun || n.head < 0) return;
  std::string_view rel = ud::UniversalDeprel(ud::DeprelName(n.deprel));
  if (rel != "obj" && rel != "obl" && rel != "nsubj" && rel != "iobj") return;
  int32_t local = n.head - static_cast<int32_t>(first_word_);
  if (local < 0 || static_cast<size_t>(local) >= children_.size() || a_.words[n.head].upos != ud::kVerb) return;
  std::vector<int32_t> sub;
  for (int32_t c : children_[local]) {
    if (c == noun || ud::UniversalDeprel(ud::DeprelName(a_.words[c].deprel)) != "obl") continue;
    below->push_back(c);
    Below(c, kBelowDepth - 1, &sub);
    below->insert(below->end(), sub.begin(), sub.end());
  }
}

// Whether `head` or a word below it (kRoleDepth) is one of the role's [words]; records it.
bool ArticleCoder::RoleWords(const Elem& el, int32_t head, const Sent& s, Match* m) const {
  if (el.AnyWord()) return true;
  std::vector<int32_t> below;
  Below(head, kRoleDepth, &below);
  below.insert(below.begin(), head);
  for (int32_t w : below)
    if (WordMatches(el, w)) {
      if (int k = TokenOfWord(s, w); k >= 0) m->literals.push_back(k);
      return true;
    }
  return false;
}

// The head word of the prepositional dependent of the trigger that `el` names: the frame's
// obliques first, else the nearest noun below the trigger with such a `case` child.
int32_t ArticleCoder::PrepDependent(const Elem& el, const Frame* f, const std::vector<int32_t>& below) const {
  auto is_prep = [&](std::string_view prep) {
    return std::find(el.preps.begin(), el.preps.end(), prep) != el.preps.end();
  };
  if (f != nullptr)
    for (const Oblique& o : f->obliques)
      if (is_prep(o.prep)) return o.word;
  for (int32_t w : below) {
    int32_t local = w - static_cast<int32_t>(first_word_);
    if (local < 0 || static_cast<size_t>(local) >= children_.size()) continue;
    for (int32_t c : children_[local])
      if (ud::DeprelName(a_.words[c].deprel) == "case" && is_prep(a_.words[c].lemma)) return w;
  }
  return -1;
}

// The actor phrase of dependent `w`: its own, else the first inside it ("in an anti-Gondor
// parade" -> Gondor); -1 when none.
int ArticleCoder::PhraseOfDependent(const Sent& s, int32_t w) const {
  int q = PhraseOfWord(s, w);
  if (q >= 0) return q;
  std::vector<int32_t> below;
  Below(w, kRoleDepth, &below);
  std::sort(below.begin(), below.end());
  for (int32_t b : below)
    if (int r = PhraseOfWord(s, b); r >= 0) return r;
  return -1;
}

// A role element over the trigger's frame; false when the frame lacks the dependent, its
// words do not match or a slot holds no actor.
bool ArticleCoder::MatchRoleFrame(const Elem& el, const Frame* f, const std::vector<int32_t>& below, const Sent& s,
                                  Match* m) const {
  int32_t w = -1;
  switch (el.role) {
    case Elem::Role::kSubj:  // the grammatical subject is the object of a passive
      w = f == nullptr ? -1 : el.grammatical && f->passive ? f->object : f->subject;
      break;
    case Elem::Role::kObj: w = f ? (f->object >= 0 ? f->object : f->iobj) : -1; break;  // "asked the bank for"
    case Elem::Role::kIobj: w = f ? f->iobj : -1; break;
    case Elem::Role::kXcomp: w = f ? f->xcomp : -1; break;
    case Elem::Role::kCcomp: w = f ? f->ccomp : -1; break;
    case Elem::Role::kPrep: w = PrepDependent(el, f, below); break;
    case Elem::Role::kWord: return false;
  }
  if (w < 0 || !RoleWords(el, w, s, m)) return false;
  if (el.kind == Elem::Kind::kWords) return true;
  // A prepositional object's actor may sit inside it ("in an anti-Gondor parade"); an
  // object's possessor is not the object ("welcomed the students' release").
  int q = el.role == Elem::Role::kPrep ? PhraseOfDependent(s, w) : PhraseOfWord(s, w);
  if (q < 0) return false;
  (el.kind == Elem::Kind::kSource ? m->source_phrase : m->target_phrase) = q;
  return true;
}

// The trigger: the anchor and the words written right after it ("tear_gas"), adjacent in
// the text. Returns the word the others hang on (whose frame the roles read), or -1; sets
// `*end` to the first element after the trigger and records the words in `trigger`.
int32_t ArticleCoder::MatchTrigger(const Pattern& p, int anchor, const Sent& s, Match* m, size_t* end,
                                   std::vector<int32_t>* trigger) const {
  size_t e = p.anchor + 1;
  int k = anchor;
  trigger->assign(1, WordAt(a_, s.toks[anchor].span.start));
  for (; e < p.elems.size() && p.elems[e].adjacent; ++e) {
    if (++k >= s.n || s.toks[k].punct || !p.elems[e].Matches(s.toks[k].low)) {
      if (p.elems[e].optional) continue;
      return -1;
    }
    m->literals.push_back(k);
    m->last = k;
    ++m->elems;
    trigger->push_back(WordAt(a_, s.toks[k].span.start));
  }
  *end = e;
  int32_t head = (*trigger)[0];
  for (int32_t w : *trigger)
    if (w >= 0 && std::find(trigger->begin(), trigger->end(), a_.words[w].head) == trigger->end()) {
      head = w;
      break;
    }
  if (head < 0 || (p.elems[p.anchor].upos >= 0 && a_.words[head].upos != p.elems[p.anchor].upos)) return -1;
  return head;
}

// A word element over the parse: a word below the trigger (after the previous word element
// in an `ordered` pattern), or the token right after the previous word for an adjacent one.
// A multi-word phrase ("the_neatest_place") the parse puts elsewhere is also found in the
// text shortly after the previous element, as are PETRARCH's words and its slots written
// after a word.
bool ArticleCoder::MatchWordFrame(const Pattern& p, size_t i, const std::vector<int32_t>& below, const Sent& s,
                                  FrameCursor* c, Match* m) const {
  const Elem& el = p.elems[i];
  if (el.kind != Elem::Kind::kWords) {  // PETRARCH "* MAY_DAY $": the actor after the words
    for (int k = c->next; k <= c->next + el.gap_before && k < s.n; ++k)
      if (MatchElem(el, k, true, s, m, &c->next)) return true;
    return false;
  }
  if (el.adjacent) {
    int t = c->last_word + 1;
    if (t >= s.n || s.toks[t].punct || !el.Matches(s.toks[t].low)) return false;
    m->literals.push_back(t);
    c->last_word = t;
    c->next = std::max(c->next, t + 1);
    return true;
  }
  // The words written right after this one ("to_release") must follow it in the text.
  auto chain_follows = [&](int t) {
    for (size_t j = i + 1; j < p.elems.size() && p.elems[j].adjacent; ++j) {
      int u = t + static_cast<int>(j - i);
      if (u >= s.n || s.toks[u].punct || !p.elems[j].Matches(s.toks[u].low)) return p.elems[j].optional;
    }
    return true;
  };
  for (int32_t w : below) {
    if (std::find(c->used.begin(), c->used.end(), w) != c->used.end() || !WordMatches(el, w)) continue;
    int t = TokenOfWord(s, w);
    if (t < 0 || s.in_quote[t] != s.in_quote[m->anchor] || (p.ordered && t <= c->last_word) || !chain_follows(t))
      continue;
    c->used.push_back(w);
    m->literals.push_back(t);
    c->last_word = t;
    c->next = std::max(c->next, t + 1);
    return true;
  }
  // PETRARCH's words were written for a surface matcher (`ordered`): they, and phrases of
  // several words, are also looked for in the text after the previous element.
  bool phrase = p.ordered || (i + 1 < p.elems.size() && p.elems[i + 1].adjacent);
  for (int k = c->next; phrase && k <= c->next + el.gap_before && k < s.n; ++k) {
    if (s.toks[k].low == ";" || s.toks[k].low == ".") break;
    if (s.toks[k].punct || !el.Matches(s.toks[k].low) || !chain_follows(k)) continue;
    m->literals.push_back(k);
    c->last_word = k;
    c->next = k + 1;
    return true;
  }
  return false;
}

bool ArticleCoder::MatchFrame(const Pattern& p, int anchor, const Sent& s, Match* m) const {
  size_t end = 0;
  FrameCursor c;
  int32_t head = MatchTrigger(p, anchor, s, m, &end, &c.used);
  if (head < 0) return false;
  int local = head - static_cast<int32_t>(first_word_);
  const Frame* f = local >= 0 && static_cast<size_t>(local) < frame_of_.size() && frame_of_[local] >= 0
                       ? &frames_[frame_of_[local]]
                       : nullptr;
  if (below_head_ != head) {  // the candidates of one anchor mostly share their trigger word
    Below(head, kBelowDepth, &below_);
    AttachedToPredicate(head, &below_);
    below_head_ = head;
  }
  const std::vector<int32_t>& below = below_;
  c.last_word = m->last;
  c.next = m->last + 1;
  if (!MatchBefore(p, anchor, s, m, /*words_only=*/true)) return false;
  for (size_t i = 0; i < p.elems.size(); ++i) {
    if (static_cast<int>(i) >= p.anchor && i < end) continue;                  // the trigger
    if (static_cast<int>(i) < p.anchor && p.elems[i].role == Elem::Role::kWord) continue;  // matched before
    const Elem& el = p.elems[i];
    bool found = el.role != Elem::Role::kWord ? MatchRoleFrame(el, f, below, s, m) : MatchWordFrame(p, i, below, s, &c, m);
    if (!found && !el.optional) return false;
    m->elems += found;
  }
  for (int t : m->literals) m->last = std::max(m->last, t);
  for (int q : {m->source_phrase, m->target_phrase})  // "NOTED + *": the words before the slot
    if (q >= 0 && s.ph[q].begin < m->first) m->first = s.ph[q].begin;
  // A passive with a target slot ("X is backed by Y", +OBJ): its agent acts.
  if (f != nullptr && f->passive && f->subject >= 0 && p.has_target_slot && !p.has_source_slot &&
      m->source_phrase < 0)
    m->source_phrase = PhraseOfWord(s, f->subject);
  return true;
}

bool ArticleCoder::MatchPattern(const Pattern& p, int anchor, const Sent& s, Match* m) const {
  m->anchor = anchor;
  m->first = m->last = anchor;
  m->literals.assign(1, anchor);
  m->elems = 1;
  return s.parsed ? MatchFrame(p, anchor, s, m) : MatchSurface(p, anchor, s, m);
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
    if (s.parsed)  // and by its lemma ("met" -> "meet")
      if (int32_t w = WordAt(a_, s.toks[k].span.start); w >= 0 && !a_.words[w].lemma.empty())
        d_.verbs.Candidates(a_.words[w].lemma, &cands);
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    Match best;
    bool have = false;
    for (uint32_t c : cands) {
      Match m;
      m.pattern = c;
      if (!MatchPattern(d_.verbs.at(c), k, s, &m)) continue;
      // Equal elements: the one naming more words, then over the tokens the longer match,
      // over a parse the nearer one ("pressed X to release ... and to take steps": the first
      // complement).
      bool better = m.elems > best.elems;
      if (m.elems == best.elems && m.literals.size() != best.literals.size())
        better = m.literals.size() > best.literals.size();
      else if (m.elems == best.elems)
        better = s.parsed ? m.last < best.last : m.last - m.first > best.last - best.first;
      if (!have || better) {
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
