#include "quotes/speakers.h"

#include <algorithm>
#include <unordered_map>

#include "core/ud.h"
#include "core/words.h"

namespace newsgraph::quotes {
namespace {

constexpr int kNone = -1;
constexpr int kMaxScan = 40;             // tokens looked at on either side of a cue
constexpr uint32_t kLookBack = 1000;     // tokens "the judges" looks back for its court

// A name group: the tokens of a name mention of the mention layer (overlapping mentions
// make one group).
struct Group {
  uint32_t first = 0, end = 0;  // token range
  int referent = kNone;
  bool possessor = false;   // followed by "'s"
  bool after_prep = false;  // preceded by a preposition (determiners skipped)
};

struct Subject {
  enum Kind { kNoSubject, kName, kPronoun, kInstitution } kind = kNoSubject;
  int referent = kNone;  // kName / kInstitution resolved to a referent
  std::string name;      // kInstitution resolved only to a country name
  uint32_t token = 0;    // kPronoun: the pronoun
  Span role;             // kInstitution spoken by an unnamed person: "a Heineken spokesman"

  static Subject Name(int referent) {
    Subject s;
    s.kind = kName;
    s.referent = referent;
    return s;
  }
  static Subject Pronoun(uint32_t token) {
    Subject s;
    s.kind = kPronoun;
    s.token = token;
    return s;
  }
};

struct CueMatch {
  int cue = kNone;
  uint32_t first = 0, end = 0;  // token range
};

class Attributor {
 public:
  Attributor(const QuoteLexicon& lex, const Analysis& a, const std::vector<Quotation>& quotations)
      : lex_(lex), a_(a), body_(a.body), toks_(a.tokens), quotations_(quotations) {}

  std::vector<Attribution> Run();

 private:
  const QuoteLexicon& lex_;
  const Analysis& a_;
  std::string_view body_;
  const std::vector<Token>& toks_;
  const std::vector<Quotation>& quotations_;

  std::vector<uint32_t> tok_sentence_;
  std::vector<int> tok_quote_;  // quotation index covering the token (marks included), or -1
  std::vector<int> tok_group_;
  std::vector<const WordInfo*> info_;  // lexicon entry of each token, or null
  std::vector<Group> groups_;
  std::unordered_map<std::string_view, int> demonym_refs_;  // LOC entity names and aliases

  // Referents are indexes into a_.entities.
  bool Person(int r) const { return a_.entities[r].type == EntityType::kPerson; }
  bool Org(int r) const { return a_.entities[r].type == EntityType::kOrg; }
  std::string_view Text(uint32_t i) const { return body_.substr(toks_[i].span.start, toks_[i].span.size()); }
  std::string Low(uint32_t i) const { return Fold(Text(i)); }
  const WordInfo* W(uint32_t i) const { return info_[i]; }
  bool Cls(uint32_t i, WordClass c) const { return info_[i] && info_[i]->Is(c); }
  bool IsTitle(uint32_t i) const { return info_[i] && info_[i]->title; }
  // Token i folded equals `lower` (ASCII letters only in `lower`).
  bool Eq(uint32_t i, std::string_view lower) const {
    std::string_view t = Text(i);
    if (t.size() != lower.size()) return t.size() == lower.size() + 2 && t.find('\xE2') != t.npos && Fold(t) == lower;
    for (size_t k = 0; k < t.size(); ++k) {
      char c = t[k];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c) != lower[k]) return false;
    }
    return true;
  }
  bool InQuote(uint32_t i) const { return tok_quote_[i] >= 0; }
  bool IsPunct(uint32_t i, char c) const {
    return toks_[i].kind == TokenKind::kPunct && Text(i) == std::string_view(&c, 1);
  }
  uint32_t Paragraph(uint32_t i) const { return a_.sentences[tok_sentence_[i]].paragraph; }
  uint32_t TokenAt(uint32_t byte) const;  // first token starting at or after `byte`
  // The token holding word `w` (a UD word may be part of a token: "Moreau" of
  // "Fontaine-Moreau"); toks_.size() when none does.
  uint32_t TokenOfWord(int32_t w) const;

  void Index();
  void BuildGroups();

  CueMatch MatchCue(uint32_t i, uint32_t limit) const;
  bool CueAllowed(int cue, bool before_quote) const;
  bool SubjectPronoun(uint32_t i) const;
  int RoleAt(uint32_t i) const;  // RoleKind or -1

  Subject SubjectLeft(uint32_t cue, uint32_t lo) const;
  Subject SubjectRight(uint32_t from, uint32_t hi) const;
  Subject SubjectMain(uint32_t lo, uint32_t cue) const;
  Subject Institution(uint32_t role, uint32_t lo, uint32_t hi) const;
  bool Acceptable(const Group& g) const {
    return !g.possessor && !g.after_prep && g.referent != kNone;
  }
  // A role noun inside a prepositional phrase ("met with the ministry") is no subject.
  bool RoleAfterPrep(uint32_t t) const {
    while (t > 0 && (Cls(t - 1, WordClass::kDet) ||
                     (toks_[t - 1].kind == TokenKind::kWord && !toks_[t - 1].capitalized && RoleAt(t - 1) < 0 &&
                      !Cls(t - 1, WordClass::kPrep) && !SubjectPronoun(t - 1) && MatchCue(t - 1, t).cue == kNone))) {
      if (Cls(t - 1, WordClass::kDet)) {
        --t;
        break;
      }
      --t;
    }
    return t > 0 && Cls(t - 1, WordClass::kPrep);
  }

  bool AfterQuote(const Quotation& q, CueMatch* cue, Subject* s) const;
  // `levels`: how far up the tree from the quotation's head word the cue may be.
  bool FromParse(const Quotation& q, int levels, CueMatch* cue, Subject* s) const;
  Subject SubjectOfWord(int32_t w) const;
  int32_t WordOfToken(uint32_t t) const;  // the word ending token `t`, -1 without words
  // Appositions through core/words.h's one reader: the name in apposition to token `t`
  // ("its spokeswoman, Rosa Quispe"), and the name whose apposition ends at token `last`
  // ("Ana Soto, the top envoy for the region"); kNone when the parse gives none.
  int AppositionName(uint32_t t) const;
  int NameInApposition(int32_t w) const;  // the name heading word w's apposition, or kNone
  int AppositionOwnerName(uint32_t last) const;
  Subject SubjectOfVerb(int32_t verb, CueKind kind) const;
  CueMatch CueAtWord(int32_t w) const;  // the cue starting at word `w` outside quotations
  int NameWord(int32_t w) const;        // the referent word `w` (or its flat name) names, or kNone
  int32_t ChildWith(int32_t w, std::string_view deprel) const;  // first dependent, or -1
  bool BeforeQuote(uint32_t lo, uint32_t open_tok, CueMatch* cue, Subject* s) const;
  Attribution Resolve(const Subject& s, const CueMatch& cue) const;
  // The entity the mention layer (coreference) gives the pronoun, title or description
  // whose words include token `tok` (with `head_only`, a title or description headed by
  // it), as a referent; kNone when it gives none.
  int MentionReferent(uint32_t tok, bool head_only = false) const;
};

uint32_t Attributor::TokenAt(uint32_t byte) const {
  auto it =
      std::lower_bound(toks_.begin(), toks_.end(), byte, [](const Token& t, uint32_t b) { return t.span.start < b; });
  return static_cast<uint32_t>(it - toks_.begin());
}

uint32_t Attributor::TokenOfWord(int32_t w) const {
  uint32_t byte = a_.words[w].span.start;
  uint32_t t = TokenAt(byte + 1);
  if (t == 0 || toks_[t - 1].span.end <= byte) return TokenAt(byte);
  return t - 1;
}

void Attributor::Index() {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  tok_sentence_.assign(n, 0);
  for (uint32_t s = 0; s < a_.sentences.size(); ++s) {
    for (uint32_t t = a_.sentences[s].first_token; t < a_.sentences[s].end_token && t < n; ++t) tok_sentence_[t] = s;
  }
  info_.assign(n, nullptr);
  char buf[32];
  for (uint32_t i = 0; i < n; ++i) {
    size_t len = 0;
    if (toks_[i].kind == TokenKind::kWord && toks_[i].span.size() <= lex_.max_word_bytes &&
        FoldInto(Text(i), buf, sizeof buf, &len)) {
      info_[i] = lex_.Lookup(std::string_view(buf, len));
    }
  }
  tok_quote_.assign(n, -1);
  uint32_t t = 0;
  for (size_t q = 0; q < quotations_.size(); ++q) {
    const Quotation& qu = quotations_[q];
    uint32_t start = qu.open_mark.start;
    uint32_t end = qu.close_mark.empty() ? qu.segments.back().end : qu.close_mark.end;
    while (t < n && toks_[t].span.start < start) ++t;
    for (uint32_t u = t; u < n && toks_[u].span.start < end; ++u) tok_quote_[u] = static_cast<int>(q);
  }
}

void Attributor::BuildGroups() {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  tok_group_.assign(n, kNone);
  for (size_t e = 0; e < a_.entities.size(); ++e) {
    const Entity& ent = a_.entities[e];
    if (ent.type != EntityType::kLoc) continue;
    demonym_refs_[ent.name] = static_cast<int>(e);
    for (const std::string& al : ent.aliases) demonym_refs_.emplace(al, static_cast<int>(e));
  }
  // The name mentions of the mention layer (text order), each a group of the tokens it
  // covers; overlapping mentions make one group, where a person beats an organisation
  // beats a place.
  auto rank = [&](int r) { return Person(r) ? 3 : Org(r) ? 2 : 1; };
  for (const Mention& m : a_.mentions) {
    if (m.kind != MentionKind::kName || m.entity < 0 || static_cast<size_t>(m.entity) >= a_.entities.size()) continue;
    uint32_t first = TokenAt(m.span.start), end = first;
    while (end < n && toks_[end].span.start < m.span.end) ++end;
    if (first >= end) continue;
    if (!groups_.empty() && groups_.back().end > first) {
      Group& g = groups_.back();
      if (rank(m.entity) > rank(g.referent)) g.referent = m.entity;
      g.end = std::max(g.end, end);
      continue;
    }
    groups_.push_back(Group{first, end, m.entity});
  }
  for (size_t gi = 0; gi < groups_.size(); ++gi) {
    Group& g = groups_[gi];
    for (uint32_t u = g.first; u < g.end; ++u) tok_group_[u] = static_cast<int>(gi);
    g.possessor = g.end < n && (Eq(g.end, "'s") || Text(g.end) == "'" || Text(g.end) == "\xE2\x80\x99");
    uint32_t lo = a_.sentences[tok_sentence_[g.first]].first_token;
    uint32_t p = g.first;
    while (p > lo && Cls(p - 1, WordClass::kDet)) --p;
    g.after_prep = p > lo && Cls(p - 1, WordClass::kPrep);
  }
}

CueMatch Attributor::MatchCue(uint32_t i, uint32_t limit) const {
  CueMatch m;
  if (i >= limit || toks_[i].kind != TokenKind::kWord || InQuote(i)) return m;
  // "States" in "United States" is no cue: a capitalised cue must open its sentence.
  if (toks_[i].capitalized && a_.sentences[tok_sentence_[i]].first_token != i) return m;
  if (!W(i) || W(i)->cues.empty()) return m;
  for (uint32_t id : W(i)->cues) {
    const Cue& c = lex_.cues[id];
    if (i + c.words.size() > limit) continue;
    bool ok = true;
    for (size_t k = 1; k < c.words.size() && ok; ++k) ok = !InQuote(i + k) && Eq(i + k, c.words[k]);
    if (ok) {
      m.cue = static_cast<int>(id);
      m.first = i;
      m.end = i + static_cast<uint32_t>(c.words.size());
      return m;
    }
  }
  return m;
}

bool Attributor::CueAllowed(int cue, bool before_quote) const {
  CueWhere w = lex_.cues[cue].where;
  if (w == CueWhere::kAny) return true;
  return before_quote ? w == CueWhere::kBefore : w == CueWhere::kAfter;
}

bool Attributor::SubjectPronoun(uint32_t i) const { return W(i) && W(i)->subject_pronoun; }

int Attributor::RoleAt(uint32_t i) const { return W(i) ? W(i)->role : -1; }

Subject Attributor::Institution(uint32_t role, uint32_t lo, uint32_t hi) const {
  // The noun phrase around the role noun: back to its determiner, and on through
  // "for/of/at the ..." after it.
  uint32_t first = role;
  while (first > lo && role - first < kMaxScan) {
    uint32_t p = first - 1;
    if (InQuote(p) || toks_[p].kind == TokenKind::kPunct) break;
    if (Cls(p, WordClass::kDet)) {
      first = p;
      break;
    }
    if (SubjectPronoun(p) || MatchCue(p, hi).cue != kNone || Cls(p, WordClass::kPrep)) break;
    first = p;
  }
  uint32_t last = role + 1;
  while (last + 1 < hi && !InQuote(last) && (Eq(last, "for") || Eq(last, "of") || Eq(last, "at"))) {
    uint32_t q = last + 1;
    while (q < hi && Cls(q, WordClass::kDet)) ++q;
    if (q < hi && tok_group_[q] != kNone) {
      last = groups_[tok_group_[q]].end;
    } else {
      break;
    }
  }
  Subject s;
  s.kind = Subject::kInstitution;
  int org = kNone, place = kNone, person = kNone;
  std::string country;
  for (uint32_t t = first; t < last; ++t) {
    int g = tok_group_[t];
    if (g != kNone) {
      int r = groups_[g].referent;
      if (Org(r) && org == kNone)
        org = r;
      else if (!Person(r) && place == kNone)
        place = r;
      else if (Person(r) && person == kNone)
        person = r;  // "a Lindqvist spokesman": whom the person speaks for
      t = groups_[g].end - 1;
      continue;
    }
    auto d = lex_.demonym_by_word.find(Text(t));
    if (d != lex_.demonym_by_word.end() && country.empty()) country = d->second;
  }
  // "the judge", "the ministry": the person with that title, the organisation so
  // described, as coreference resolved them.
  if (org == kNone && place == kNone && country.empty() && first < role && Cls(first, WordClass::kDet) &&
      last == role + 1) {
    int r = MentionReferent(role);
    if (r != kNone && Person(r)) {
      s.kind = Subject::kName;
      s.referent = r;
      return s;
    }
    if (r != kNone && Org(r)) org = r;
  }
  if (org == kNone && place == kNone && country.empty() && first < role && Cls(first, WordClass::kDet) &&
      lex_.role_refers.count(Low(role))) {
    // "the judges": the last organisation named with the word they refer to ("court").
    const std::string& noun = lex_.role_refers.find(Low(role))->second;
    for (uint32_t t = first; t-- > 0 && first - t < kLookBack;) {
      int g = tok_group_[t];
      if (g == kNone || InQuote(t)) continue;
      int r = groups_[g].referent;
      if (Org(r) && Fold(a_.entities[r].name).find(noun) != std::string::npos) {  // rare: "the ministry"
        org = groups_[g].referent;
        break;
      }
      t = groups_[g].first;
    }
  }
  if (RoleAt(role) == static_cast<int>(RoleKind::kPerson)) {
    s.role = Span{toks_[first].span.start, toks_[last - 1].span.end};
  }
  if (org != kNone) {
    s.referent = org;
  } else if (place != kNone) {
    s.referent = place;
  } else if (person != kNone && !s.role.empty()) {
    s.referent = person;
  } else if (!country.empty()) {
    auto it = demonym_refs_.find(country);
    if (it != demonym_refs_.end())
      s.referent = it->second;
    else
      s.name = country;
  } else {
    s.kind = Subject::kNoSubject;
  }
  return s;
}

Subject Attributor::SubjectLeft(uint32_t cue, uint32_t lo) const {
  Subject none;
  if (cue <= lo) return none;
  uint32_t j = cue;  // one past the token looked at
  while (j > lo && Cls(j - 1, WordClass::kAdv)) --j;
  if (j <= lo) return none;
  if (SubjectPronoun(j - 1)) return Subject::Pronoun(j - 1);
  if (Cls(j - 1, WordClass::kConj)) return SubjectMain(a_.sentences[tok_sentence_[cue]].first_token, j - 1);
  if (RoleAt(j - 1) >= 0 && tok_group_[j - 1] == kNone) return Institution(j - 1, lo, cue);
  if (IsPunct(j - 1, ',') && j - 1 > lo) {
    // "X, the top ..., said": the name whose apposition (in the parse) ends before the
    // comma; where the parse has none (it misses some after hyphenated names), the name
    // before the previous comma.
    if (int r = AppositionOwnerName(j - 2); r != kNone) return Subject::Name(r);
    for (uint32_t k = j - 1; k > lo && j - k < kMaxScan; --k) {
      uint32_t c = k - 1;
      if (InQuote(c) || IsPunct(c, ';')) break;
      if (!IsPunct(c, ',')) continue;
      if (c > lo && tok_group_[c - 1] != kNone && Acceptable(groups_[tok_group_[c - 1]])) {
        return Subject::Name(groups_[tok_group_[c - 1]].referent);
      }
      break;
    }
  }
  for (int steps = 0; j > lo && steps < kMaxScan; ++steps) {
    uint32_t t = --j;
    if (InQuote(t)) continue;
    if (IsPunct(t, ';')) break;
    int g = tok_group_[t];
    if (g != kNone) {
      if (Acceptable(groups_[g])) return Subject::Name(groups_[g].referent);
      j = groups_[g].first;
      continue;
    }
    if (SubjectPronoun(t)) return Subject::Pronoun(t);
    if (RoleAt(t) >= 0 && !RoleAfterPrep(t)) return Institution(t, lo, cue);
    // "the sprinter said": a description coreference resolved.
    if (int r = MentionReferent(t, true); r != kNone && !RoleAfterPrep(t)) return Subject::Name(r);
    if (MatchCue(t, cue).cue != kNone) break;  // another clause's cue
  }
  return none;
}

Subject Attributor::SubjectRight(uint32_t from, uint32_t hi) const {
  uint32_t j = from;
  while (j < hi && (toks_[j].kind == TokenKind::kPunct && !InQuote(j))) ++j;
  uint32_t det = j;
  while (j < hi && Cls(j, WordClass::kDet)) ++j;
  if (j >= hi || InQuote(j)) return Subject{};
  if (j == det && SubjectPronoun(j)) return Subject::Pronoun(j);
  // Titles before a name ("Senator Omar Diallo", "Mr. Lee") are not part of its mention.
  uint32_t name = j;
  while (name < hi && tok_group_[name] == kNone && !InQuote(name) && (IsTitle(name) || Text(name) == ".")) ++name;
  if (name > j && name < hi && tok_group_[name] != kNone) j = name;
  int g = tok_group_[j];
  // A name, unless it only qualifies a role noun after it ("the Foreign Ministry spokesman").
  if (g != kNone) {
    uint32_t after = groups_[g].end;
    if (!(after < hi && RoleAt(after) >= 0) && !groups_[g].possessor) {
      return Subject::Name(groups_[g].referent);
    }
  }
  for (uint32_t k = j; k < hi && k < j + 8 && !InQuote(k); ++k) {
    if (toks_[k].kind == TokenKind::kPunct) break;
    // A role noun, or a lower-case title heading its phrase ("the EU's foreign policy chief,").
    bool head = k + 1 >= hi || toks_[k + 1].kind == TokenKind::kPunct || toks_[k + 1].capitalized;
    if ((RoleAt(k) >= 0 || (IsTitle(k) && !toks_[k].capitalized && head)) && tok_group_[k] == kNone) {
      // "said its spokeswoman, Rosa Quispe": the name in apposition (after the comma when
      // there is no parse).
      if (int r = AppositionName(k); r != kNone) return Subject::Name(r);
      if (a_.words.empty() && k + 2 < hi && IsPunct(k + 1, ',') && tok_group_[k + 2] != kNone &&
          !groups_[tok_group_[k + 2]].possessor) {
        return Subject::Name(groups_[tok_group_[k + 2]].referent);
      }
      return Institution(k, det, hi);
    }
  }
  return Subject{};
}

Subject Attributor::SubjectMain(uint32_t lo, uint32_t cue) const {
  for (uint32_t t = lo; t < cue; ++t) {
    if (InQuote(t)) continue;
    if (MatchCue(t, cue).cue != kNone) return SubjectLeft(t, lo);  // the first verb ends the subject
    int g = tok_group_[t];
    if (g != kNone) {
      if (Acceptable(groups_[g])) return Subject::Name(groups_[g].referent);
      t = groups_[g].end - 1;
      continue;
    }
    if (SubjectPronoun(t)) return Subject::Pronoun(t);
    if (RoleAt(t) >= 0 && !RoleAfterPrep(t)) {
      // "The French agriculture minister, Élise Fontaine-Moreau, accused ...", "A spokesman
      // for the delegation, Osman Tayeb, said ...": the name in apposition.
      if (int r = AppositionName(t); r != kNone) return Subject::Name(r);
      for (uint32_t k = t + 1; k + 1 < cue && k < t + 10 && !InQuote(k); ++k) {
        if (MatchCue(k, cue).cue != kNone) break;
        if (!IsPunct(k, ',')) continue;
        int g = tok_group_[k + 1];
        if (g != kNone && Acceptable(groups_[g])) return Subject::Name(groups_[g].referent);
        break;
      }
      Subject inst = Institution(t, lo, cue);
      if (inst.kind != Subject::kNoSubject) return inst;
    }
  }
  return SubjectLeft(cue, lo);
}

int Attributor::MentionReferent(uint32_t tok, bool head_only) const {
  const std::vector<Mention>& ms = a_.mentions;
  uint32_t at = toks_[tok].span.start;
  // Mentions are in text order and do not nest far: look back from the last one starting
  // at or before the token.
  auto it = std::upper_bound(ms.begin(), ms.end(), at, [](uint32_t b, const Mention& m) { return b < m.span.start; });
  for (int k = 0; k < 4 && it != ms.begin(); ++k) {
    const Mention& m = *--it;
    if (m.kind == MentionKind::kName || at >= m.span.end) continue;
    if (head_only && (m.kind == MentionKind::kPronoun || m.head_word < 0 || a_.words[m.head_word].span.start != at)) {
      continue;
    }
    if (m.entity < 0 || static_cast<size_t>(m.entity) >= a_.entities.size()) return kNone;
    return m.entity;
  }
  return kNone;
}

Attribution Attributor::Resolve(const Subject& s, const CueMatch& cue) const {
  Attribution out;
  if (cue.cue != kNone) out.cue = Span{toks_[cue.first].span.start, toks_[cue.end - 1].span.end};
  int r = s.referent;
  if (s.kind == Subject::kPronoun) r = MentionReferent(s.token);
  if (r != kNone) {
    out.speaker = a_.entities[r].name;
    out.speaker_id = a_.entities[r].id;
  } else if (s.kind == Subject::kInstitution) {
    out.speaker = s.name;
  }
  if (s.kind == Subject::kInstitution && !out.speaker.empty()) out.role = s.role;
  return out;
}

bool Attributor::AfterQuote(const Quotation& q, CueMatch* cue, Subject* s) const {
  uint32_t end_byte = q.close_mark.empty() ? q.segments.back().end : q.close_mark.end;
  uint32_t from = TokenAt(end_byte);
  if (from >= toks_.size() || from == 0) return false;
  uint32_t sentence = tok_sentence_[from - 1];
  uint32_t limit = kMaxScan;
  if (tok_sentence_[from] != sentence) {
    // '"Why now?" Mr. Lee said.': a question or exclamation ends the sentence before its
    // attribution; a short next sentence of the same paragraph that opens with its cue's
    // subject still attributes it.
    char last = q.segments.back().end > 0 ? body_[q.segments.back().end - 1] : 0;
    if ((last != '?' && last != '!') || tok_sentence_[from] != sentence + 1 || Paragraph(from) != Paragraph(from - 1)) {
      return false;
    }
    sentence = tok_sentence_[from];
    limit = 6;
  }
  uint32_t hi = std::min<uint32_t>(a_.sentences[sentence].end_token, from + limit);
  for (uint32_t k = from; k < hi; ++k) {
    if (InQuote(k)) {
      hi = k;
      break;
    }
  }
  uint32_t lead = from;
  while (lead < hi && toks_[lead].kind == TokenKind::kPunct) ++lead;
  if (lead < hi && Cls(lead, WordClass::kConj)) return false;  // '"...," and warned ...'

  for (uint32_t k = lead; k < hi; ++k) {
    CueMatch m = MatchCue(k, hi);
    if (m.cue == kNone || !CueAllowed(m.cue, false) || lex_.cues[m.cue].kind == CueKind::kFrame ||
        lex_.cues[m.cue].kind == CueKind::kNoun) {
      continue;
    }
    *cue = m;
    CueKind kind = lex_.cues[m.cue].kind;
    if (kind == CueKind::kSource || k == lead) {
      *s = SubjectRight(m.end, hi);
      if (s->kind == Subject::kNoSubject && kind != CueKind::kSource) *s = SubjectLeft(k, from);
    } else {
      *s = SubjectLeft(k, from);
    }
    return true;
  }
  return false;
}

bool Attributor::BeforeQuote(uint32_t lo, uint32_t open_tok, CueMatch* cue, Subject* s) const {
  for (uint32_t k = open_tok; k-- > lo && open_tok - k < 3 * kMaxScan;) {
    CueMatch m = MatchCue(k, open_tok);
    if (m.cue == kNone || !CueAllowed(m.cue, true) || lex_.cues[m.cue].kind == CueKind::kNoun) continue;
    *cue = m;
    CueKind kind = lex_.cues[m.cue].kind;
    if (kind == CueKind::kSource) {
      *s = SubjectRight(m.end, open_tok);
    } else if (kind == CueKind::kParticiple) {
      *s = SubjectMain(lo, k);
    } else {
      // "said Lena Moreau: "...": a name right after the cue, then only punctuation.
      Subject right = SubjectRight(m.end, open_tok);
      bool inverted = false;
      if (right.kind == Subject::kName) {
        uint32_t j = m.end;
        while (j < open_tok && tok_group_[j] == kNone) ++j;
        if (j < open_tok) {
          uint32_t after = groups_[tok_group_[j]].end;
          inverted = after >= open_tok || IsPunct(after, ',') || IsPunct(after, ':');
          for (uint32_t x = after; x < open_tok && inverted; ++x) inverted = toks_[x].kind == TokenKind::kPunct;
        }
      }
      *s = inverted ? right : SubjectLeft(k, lo);
    }
    return true;
  }
  return false;
}

int32_t Attributor::ChildWith(int32_t w, std::string_view deprel) const {
  // Dependents lie near their head; a bounded window keeps this constant time.
  const int32_t n = static_cast<int32_t>(a_.words.size());
  for (int32_t c = std::max(0, w - 40); c < n && c < w + 40; ++c) {
    if (a_.words[c].head == w && ud::DeprelName(a_.words[c].deprel).starts_with(deprel)) return c;
  }
  return -1;
}

CueMatch Attributor::CueAtWord(int32_t w) const {
  uint32_t t = TokenOfWord(w);
  if (t >= toks_.size() || InQuote(t)) return CueMatch{};
  return MatchCue(t, static_cast<uint32_t>(toks_.size()));
}

int Attributor::NameWord(int32_t w) const {
  // The last name mention among the word and its `flat` dependents: "Mayor Ellen Marsh"
  // ("Mayor" heading "Ellen Marsh"), "Australia captain Liam Hughes" parsed as one flat
  // name under "Australia" is Hughes.
  static const int flat = ud::DeprelIndex("flat");
  int found = kNone;
  uint32_t found_tok = 0;
  auto consider = [&](int32_t x) {
    uint32_t t = TokenOfWord(x);
    if (t >= toks_.size() || InQuote(t) || tok_group_[t] == kNone || !Acceptable(groups_[tok_group_[t]])) return;
    if (found == kNone || t > found_tok) found = groups_[tok_group_[t]].referent, found_tok = t;
  };
  consider(w);
  const int32_t n = static_cast<int32_t>(a_.words.size());
  for (int32_t c = w + 1; c < n && c < w + 8; ++c) {
    if (a_.words[c].head == w && a_.words[c].deprel == flat) consider(c);
  }
  return found;
}

int32_t Attributor::WordOfToken(uint32_t t) const {
  if (a_.words.empty() || t >= toks_.size()) return -1;
  return WordAt(a_, toks_[t].span.end - 1);
}

int Attributor::AppositionName(uint32_t t) const {
  int32_t w = WordOfToken(t);
  return w < 0 ? kNone : NameInApposition(w);
}

int Attributor::NameInApposition(int32_t w) const {
  WordRange ap = Apposition(a_, w);
  for (int32_t x = ap.first; x < ap.end; ++x) {
    if (a_.words[x].head == w) return NameWord(x);
  }
  return kNone;
}

int Attributor::AppositionOwnerName(uint32_t last) const {
  int32_t x = WordOfToken(last);
  if (x < 0) return kNone;
  for (int32_t w = a_.words[x].head, steps = 0; w >= 0 && steps < 8; w = a_.words[w].head, ++steps) {
    WordRange ap = Apposition(a_, w);
    if (!ap.empty() && ap.first <= x && x + 1 == ap.end) return NameWord(w);
  }
  return kNone;
}

Subject Attributor::SubjectOfWord(int32_t w) const {
  // A name (or the name in apposition to a role noun), a pronoun, title or description
  // coreference resolved, or a role phrase naming an institution. A proper noun no name
  // mention covers ("her husband", a name the entities stage missed) is a subject that
  // names nobody.
  uint32_t t = TokenOfWord(w);
  if (t >= toks_.size() || InQuote(t)) return Subject{};
  if (int r = NameWord(w); r != kNone) return Subject::Name(r);
  if (SubjectPronoun(t)) return Subject::Pronoun(t);
  // "The agriculture minister, Elise Fontaine, accused ...": the name in apposition.
  if (int r = NameInApposition(w); r != kNone) return Subject::Name(r);
  if (RoleAt(t) == static_cast<int>(RoleKind::kPerson) || IsTitle(t)) {
    // "Russia's ambassador to the UN, Vasily Kornilov, said": a person named in the role
    // noun's phrase (not after a preposition), where the parse misplaces the apposition.
    WordRange sub = Subtree(a_, w);
    for (int32_t x = w + 1; x < sub.end; ++x) {
      int r = NameWord(x);
      if (r != kNone && Person(r)) return Subject::Name(r);
    }
  }
  if (int r = MentionReferent(t, true); r != kNone) return Subject::Name(r);
  if (RoleAt(t) >= 0) {
    uint32_t lo = a_.sentences[tok_sentence_[t]].first_token;
    Subject inst = Institution(t, lo, a_.sentences[tok_sentence_[t]].end_token);
    if (inst.kind != Subject::kNoSubject) return inst;
  }
  return Subject{};
}

Subject Attributor::SubjectOfVerb(int32_t verb, CueKind kind) const {
  // A coordinated verb shares its first conjunct's subject ("X arrived and said"); a
  // participle its clause's ("X offered ..., saying").
  for (int32_t v = verb, steps = 0; v >= 0 && steps < 4; ++steps) {
    if (int32_t subject = ChildWith(v, "nsubj"); subject >= 0) return SubjectOfWord(subject);
    std::string_view rel = ud::DeprelName(a_.words[v].deprel);
    bool shares = rel == "conj" || (kind == CueKind::kParticiple && (rel == "advcl" || rel == "xcomp"));
    v = shares ? a_.words[v].head : -1;
  }
  return Subject{};
}

bool Attributor::FromParse(const Quotation& q, int levels, CueMatch* cue, Subject* s) const {
  // The quotation's first segment hangs on the tree by its head word; up the tree from there
  // (through complement clauses, parataxis, and speech nouns such as "assertion"), the
  // first reporting verb's subject is the speaker; "according to X" on the way names X.
  if (a_.words.empty()) return false;
  WordRange r = WordsIn(a_, q.segments.front());
  if (r.empty()) return false;
  int32_t head = HeadWord(a_, q.segments.front());
  if (head < 0) return false;
  const int32_t n = static_cast<int32_t>(a_.words.size());
  auto inside = [&](int32_t w) { return w >= r.first && w < r.end; };
  static const int case_rel = ud::DeprelIndex("case");
  for (int32_t h = head, steps = 0; h >= 0 && steps <= levels; h = a_.words[h].head, ++steps) {
    if (h != head && inside(h)) return false;
    // "according to X" on this word: X is a dependent of it with "according" as its case.
    for (int32_t k = std::max(0, h - 12); k < n && k < h + 12; ++k) {
      if (inside(k) || a_.words[k].deprel != case_rel || a_.words[k].span.size() != 9) continue;
      if (uint32_t t = TokenOfWord(k); t >= toks_.size() || !Eq(t, "according")) continue;
      int32_t x = a_.words[k].head;
      if (x < 0 || a_.words[x].head != h || inside(x)) continue;
      CueMatch m = CueAtWord(k);
      if (m.cue == kNone || lex_.cues[m.cue].kind != CueKind::kSource) continue;
      *cue = m;
      *s = SubjectOfWord(x);
      return true;
    }
    if (h == head) continue;
    CueMatch m = CueAtWord(h);
    int32_t verb = h;
    if (m.cue == kNone) {
      // "repeated his assertion that ...": a verb whose object is a speech noun.
      for (int32_t c = h + 1; c < n && c < h + 8 && m.cue == kNone; ++c) {
        if (a_.words[c].head != h || ud::DeprelName(a_.words[c].deprel) != "obj") continue;
        CueMatch noun = CueAtWord(c);
        if (noun.cue != kNone && lex_.cues[noun.cue].kind == CueKind::kNoun) m = noun;
      }
      if (m.cue == kNone) continue;
    } else if (lex_.cues[m.cue].kind == CueKind::kNoun) {
      verb = a_.words[h].head;  // the verb the speech noun is the object of
      if (verb < 0) return false;
    }
    CueKind kind = lex_.cues[m.cue].kind;
    if (kind == CueKind::kSource) return false;
    // Framing verbs ("called", "described ... as") attribute only quotations after them.
    if (kind == CueKind::kFrame && a_.words[h].span.start > q.open_mark.start) return false;
    *cue = m;
    *s = SubjectOfVerb(verb, kind);
    return true;
  }
  return false;
}

std::vector<Attribution> Attributor::Run() {
  std::vector<Attribution> out(quotations_.size());
  if (toks_.empty() || a_.sentences.empty() || quotations_.empty()) return out;
  Index();
  BuildGroups();
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  for (size_t qi = 0; qi < quotations_.size(); ++qi) {
    const Quotation& q = quotations_[qi];
    uint32_t open_tok = TokenAt(q.open_mark.start);
    if (open_tok >= n) continue;
    uint32_t sentence = tok_sentence_[open_tok];
    uint32_t lo = a_.sentences[sentence].first_token;
    // A quotation that ends with its own punctuation is most often attributed after it.
    uint32_t last = q.segments.back().end;
    char end_char = last > 0 ? body_[last - 1] : 0;
    bool ends_clause = end_char == ',' || end_char == '.' || end_char == '!' || end_char == '?' ||
                       (!q.close_mark.empty() && q.close_mark.end < body_.size() && body_[q.close_mark.end] == ',');
    // Each cue-based reading in turn; the first that names a speaker wins, else the first
    // that found a cue (its speaker then stays empty: no guess).
    bool have_cue = false, done = false;
    auto attempt = [&](bool found, const CueMatch& cue, const Subject& subject) {
      if (!found || done) return;
      Attribution r = Resolve(subject, cue);
      if (!r.speaker.empty()) {
        out[qi] = std::move(r);
        done = true;
      } else if (!have_cue) {
        out[qi] = std::move(r);
        have_cue = true;
      }
    };
    // 1. The parse, where the quotation hangs directly on its cue (the cue verb's ccomp or
    //    parataxis, "according to X" on the quotation's head): the cue's subject.
    {
      CueMatch cue;
      Subject subject;
      attempt(FromParse(q, 1, &cue, &subject), cue, subject);
    }
    // 2. The token readings after and before the quotation, in the order its punctuation
    //    suggests.
    for (int pass = 0; pass < 2 && !done; ++pass) {
      CueMatch cue;
      Subject subject;
      bool after = (pass == 0) == ends_clause;
      attempt(after ? AfterQuote(q, &cue, &subject) : BeforeQuote(lo, open_tok, &cue, &subject), cue, subject);
    }
    // 3. The parse further up the tree (a cue a few clauses above, a speech noun's verb).
    if (!done) {
      CueMatch cue;
      Subject subject;
      if (FromParse(q, 4, &cue, &subject)) {
        Attribution r = Resolve(subject, cue);
        if (!r.speaker.empty()) out[qi] = std::move(r), done = true;
      }
    }
    if (!done && !have_cue && open_tok > lo && IsPunct(open_tok - 1, ':')) {
      // 'Ann Lee, a historian at X: "..."': a name (and its appositive) with no verb,
      // then a colon and the quotation.
      int g = tok_group_[lo];
      bool verbless = g != kNone && Acceptable(groups_[g]);
      WordRange r = WordsIn(a_, Span{toks_[lo].span.start, toks_[open_tok - 1].span.start});
      for (int32_t w = r.first; w < r.end && verbless; ++w) verbless = a_.words[w].upos != ud::kVerb;
      if (verbless) {
        Attribution r2 = Resolve(Subject::Name(groups_[g].referent), CueMatch{});
        if (!r2.speaker.empty()) out[qi] = std::move(r2), done = true;
      }
    }
    if (done || have_cue || open_tok != lo) continue;
    // No cue at all, and the quotation opens its sentence: it continues the previous
    // quotation when that ended in this sentence or the one before ("...," Xi said. "...").
    if (qi > 0 && !out[qi - 1].speaker.empty()) {
      uint32_t prev_end = quotations_[qi - 1].segments.back().end;
      uint32_t prev_sentence = tok_sentence_[std::min(TokenAt(prev_end), n) - 1];
      if (prev_sentence + 1 >= sentence) {
        out[qi] = out[qi - 1];
        continue;
      }
    }
    // Opening a paragraph, it takes the cue that ends the paragraph before ("Ann said she
    // had met them." / "She told reporters:" then the quotation); inside a paragraph, the
    // cue of the sentence before when that one reports speech without quoting it ("Ann also
    // said the plan was sound. "It will work."").
    uint32_t para = a_.sentences[sentence].paragraph;
    bool reported_before = false;
    if (sentence > 0 && a_.sentences[sentence - 1].paragraph == para) {
      const Sentence& prev = a_.sentences[sentence - 1];
      reported_before = true;
      for (uint32_t t = prev.first_token; t < prev.end_token && reported_before; ++t) reported_before = !InQuote(t);
    }
    if (sentence > 0 && (a_.sentences[sentence - 1].paragraph + 1 == para || reported_before) &&
        a_.sentences[sentence].span.start == q.open_mark.start) {
      const Sentence& prev = a_.sentences[sentence - 1];
      CueMatch cue;
      Subject subject;
      attempt(BeforeQuote(prev.first_token, prev.end_token, &cue, &subject), cue, subject);
    }
  }
  return out;
}

}  // namespace

std::vector<Attribution> AttributeQuotations(const QuoteLexicon& lex, const Analysis& a,
                                             const std::vector<Quotation>& quotations) {
  return Attributor(lex, a, quotations).Run();
}

}  // namespace newsgraph::quotes
