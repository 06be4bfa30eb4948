#include "quotes/speakers.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace newsgraph::quotes {
namespace {

constexpr int kNone = -1;
constexpr int kMaxScan = 40;           // tokens looked at on either side of a cue
constexpr uint32_t kPronounReach = 3;  // paragraphs a pronoun looks back for its person

// One speaker candidate: an entity, or a name the text gives when no entity covers it.
struct Referent {
  std::string name;
  std::string id;  // entity id, or empty
  int type = -1;   // EntityType, or -1 when only the text names it
  bool person = false;
  bool org = false;           // an organisation (entity ORG, or a name ending in "Ministry", ...)
  bool maybe_person = false;  // text-only: two or three plain name words ("Dana Whitlock")
  Gender title_gender = Gender::kUnknown;
  int male_votes = 0, female_votes = 0;

  Gender gender() const {
    if (title_gender != Gender::kUnknown) return title_gender;
    if (male_votes > female_votes) return Gender::kMale;
    if (female_votes > male_votes) return Gender::kFemale;
    return Gender::kUnknown;
  }
};

// A name group: a run of capitalised tokens (with the entity mentions it overlaps), or an
// entity mention standing alone.
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
  std::vector<Referent> refs_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, int> text_refs_;  // name → referent, text-only names
  std::unordered_map<std::string, int> demonym_refs_;
  std::unordered_set<std::string_view> countries_;  // country names of the demonym table

  std::string_view Text(uint32_t i) const { return body_.substr(toks_[i].span.start, toks_[i].span.size()); }
  std::string Low(uint32_t i) const { return Fold(Text(i)); }
  bool InQuote(uint32_t i) const { return tok_quote_[i] >= 0; }
  bool IsPunct(uint32_t i, char c) const {
    return toks_[i].kind == TokenKind::kPunct && Text(i) == std::string_view(&c, 1);
  }
  uint32_t Paragraph(uint32_t i) const { return a_.sentences[tok_sentence_[i]].paragraph; }
  uint32_t TokenAt(uint32_t byte) const;  // first token starting at or after `byte`

  void Index();
  void BuildGroups();
  int TextReferent(uint32_t first, uint32_t end);
  void LearnGenders();
  bool PersonByRole(uint32_t lo, uint32_t first) const;

  CueMatch MatchCue(uint32_t i, uint32_t limit) const;
  bool CueAllowed(int cue, bool before_quote) const;
  const QuoteLexicon::Pronoun* SubjectPronoun(uint32_t i) const;
  int RoleAt(uint32_t i) const;  // RoleKind or -1

  Subject SubjectLeft(uint32_t cue, uint32_t lo) const;
  Subject SubjectRight(uint32_t from, uint32_t hi) const;
  Subject SubjectMain(uint32_t lo, uint32_t cue) const;
  Subject Institution(uint32_t role, uint32_t lo, uint32_t hi) const;
  bool Acceptable(const Group& g) const { return !g.possessor && !g.after_prep && g.referent != kNone; }

  bool AfterQuote(const Quotation& q, CueMatch* cue, Subject* s) const;
  bool BeforeQuote(uint32_t lo, uint32_t open_tok, CueMatch* cue, Subject* s) const;
  Attribution Resolve(const Subject& s, const CueMatch& cue) const;
  int ResolvePronoun(uint32_t tok) const;
};

uint32_t Attributor::TokenAt(uint32_t byte) const {
  auto it =
      std::lower_bound(toks_.begin(), toks_.end(), byte, [](const Token& t, uint32_t b) { return t.span.start < b; });
  return static_cast<uint32_t>(it - toks_.begin());
}

void Attributor::Index() {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  tok_sentence_.assign(n, 0);
  for (uint32_t s = 0; s < a_.sentences.size(); ++s) {
    for (uint32_t t = a_.sentences[s].first_token; t < a_.sentences[s].end_token && t < n; ++t) tok_sentence_[t] = s;
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

int Attributor::TextReferent(uint32_t first, uint32_t end) {
  // Titles, country adjectives and "of" before the name are not part of it, unless the
  // run names an institution ("State Department", "Foreign Ministry").
  Gender title_gender = Gender::kUnknown;
  bool titled = false;
  bool institution = false;
  for (uint32_t i = first; i < end && !institution; ++i) {
    institution = RoleAt(i) == static_cast<int>(RoleKind::kBody);
  }
  uint32_t f = first;
  if (!institution) {
    while (f + 1 < end) {
      std::string w = Low(f);
      if (!w.empty() && w.back() == '.') w.pop_back();
      auto t = lex_.titles.find(w);
      if (t != lex_.titles.end()) {
        titled = true;
        if (t->second != Gender::kUnknown) title_gender = t->second;
      } else if (!lex_.demonyms.count(std::string(Text(f))) && w != "of" && w != "the" && w != "." && w != "'s") {
        break;
      }
      ++f;
    }
  }
  std::string name;
  std::vector<std::string_view> words;
  for (uint32_t i = f; i < end; ++i) {
    if (toks_[i].kind == TokenKind::kPunct && Text(i) != "-") {
      if (Text(i) == "." && !name.empty()) name += ".";
      continue;
    }
    if (!name.empty() && name.back() != '-') name += ' ';
    name += Text(i);
    words.push_back(Text(i));
  }
  if (name.empty()) return kNone;
  if (Fold(name).rfind("the ", 0) == 0) name = name.substr(4);
  auto it = text_refs_.find(name);
  if (it != text_refs_.end()) {
    if (title_gender != Gender::kUnknown) refs_[it->second].title_gender = title_gender;
    return it->second;
  }
  // A lone word naming a person seen earlier in full: "Blinken", "Xi".
  if (words.size() == 1) {
    for (int r = static_cast<int>(refs_.size()) - 1; r >= 0; --r) {
      const Referent& ref = refs_[r];
      if (!ref.person) continue;
      std::string_view n = ref.name;
      size_t sp = n.find(' ');
      if (sp == std::string_view::npos) continue;
      if (n.substr(0, sp) == name || n.substr(n.rfind(' ') + 1) == name) {
        text_refs_[name] = r;
        return r;
      }
    }
  }
  auto dem = lex_.demonyms.find(name);
  Referent ref;
  ref.name = dem != lex_.demonyms.end() ? dem->second : name;
  ref.org = institution;
  ref.title_gender = title_gender;
  auto given = lex_.given_names.find(std::string(words.front()));
  if (!institution && words.size() >= 2 && given != lex_.given_names.end()) {
    ref.person = true;
    if (ref.title_gender == Gender::kUnknown) ref.title_gender = given->second;
  }
  if (!institution && titled && dem == lex_.demonyms.end()) ref.person = true;
  ref.maybe_person = !institution && dem == lex_.demonyms.end() && !countries_.count(name) && words.size() >= 2 &&
                     words.size() <= 3 && name.find(" of ") == std::string::npos;
  refs_.push_back(std::move(ref));
  int id = static_cast<int>(refs_.size()) - 1;
  text_refs_[name] = id;
  return id;
}

void Attributor::BuildGroups() {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  for (const auto& [word, country] : lex_.demonyms) countries_.insert(country);
  tok_group_.assign(n, kNone);
  // Entities first: one referent each.
  std::vector<std::pair<Span, int>> mentions;
  for (size_t e = 0; e < a_.entities.size(); ++e) {
    const Entity& ent = a_.entities[e];
    Referent r;
    r.name = ent.name;
    if (ent.type == EntityType::kPerson) {
      auto given = lex_.given_names.find(ent.name.substr(0, ent.name.find(' ')));
      if (given != lex_.given_names.end() && ent.name.find(' ') != std::string::npos) r.title_gender = given->second;
    }
    r.id = ent.id;
    r.type = static_cast<int>(ent.type);
    r.person = ent.type == EntityType::kPerson;
    r.org = ent.type == EntityType::kOrg;
    refs_.push_back(std::move(r));
    for (const Span& m : ent.mentions) mentions.emplace_back(m, static_cast<int>(refs_.size()) - 1);
    if (ent.type == EntityType::kLoc) {
      demonym_refs_[ent.name] = static_cast<int>(refs_.size()) - 1;
      for (const std::string& al : ent.aliases) demonym_refs_.emplace(al, static_cast<int>(refs_.size()) - 1);
    }
  }
  std::sort(mentions.begin(), mentions.end(),
            [](const auto& x, const auto& y) { return x.first.start < y.first.start; });
  std::vector<int> tok_mention(n, kNone);
  for (const auto& [span, ref] : mentions) {
    uint32_t t0 = TokenAt(span.start);
    // "Ms. Lin", "Spokeswoman Lin": a gendered title right before a mention.
    uint32_t p = t0;
    if (p > 0 && Text(p - 1) == ".") --p;
    if (p > 0 && refs_[ref].person) {
      std::string w = Low(p - 1);
      auto title = lex_.titles.find(w);
      if (title != lex_.titles.end() && title->second != Gender::kUnknown) refs_[ref].title_gender = title->second;
    }
    for (uint32_t t = t0; t < n && toks_[t].span.start < span.end; ++t) {
      int& cur = tok_mention[t];
      // Where mentions overlap, a person beats an organisation beats a place.
      auto rank = [&](int r) { return refs_[r].person ? 3 : refs_[r].org ? 2 : 1; };
      if (cur == kNone || rank(ref) > rank(cur)) cur = ref;
    }
  }
  // Capitalised words that occur inside sentences: a sentence's first word is a name only
  // if it also occurs there (or is a known given name or title), so "Shortly" is not one.
  std::unordered_set<std::string_view> inner_caps;
  for (const Sentence& s : a_.sentences) {
    for (uint32_t t = s.first_token + 1; t < s.end_token && t < n; ++t) {
      if (toks_[t].capitalized && toks_[t - 1].kind != TokenKind::kPunct) inner_caps.insert(Text(t));
    }
  }
  auto name_word = [&](uint32_t t) {
    if (tok_mention[t] != kNone) return true;
    if (toks_[t].kind != TokenKind::kWord || !toks_[t].capitalized || InQuote(t)) return false;
    std::string w = Low(t);
    if (w == "'s") return false;
    return !lex_.Is(w, WordClass::kNotName) || toks_[t].all_caps;
  };
  for (const Sentence& s : a_.sentences) {
    uint32_t t = s.first_token;
    const uint32_t end = std::min<uint32_t>(s.end_token, n);
    while (t < end) {
      if (!name_word(t)) {
        ++t;
        continue;
      }
      uint32_t first = t, last = t + 1;
      while (last < end) {
        if (name_word(last)) {
          ++last;
          continue;
        }
        // "Secretary of State", "Mr. Smith", "Bank of the West": connectors between names.
        std::string w = Low(last);
        bool dot_after_title = Text(last) == "." && lex_.titles.count(Low(last - 1));
        if ((w == "of" || w == "the" || w == "de" || w == "al" || w == "bin" || w == "van" || w == "von" ||
             dot_after_title) &&
            last + 1 < end && name_word(last + 1)) {
          ++last;
          continue;
        }
        if (dot_after_title && last + 1 < end && toks_[last + 1].capitalized) {
          ++last;
          continue;
        }
        break;
      }
      // A sentence-initial word that is not a name elsewhere drops out of the run.
      bool initial = first == s.first_token || (first > s.first_token && toks_[first - 1].kind == TokenKind::kPunct &&
                                                first - 1 == s.first_token);
      std::string_view w0 = Text(first);
      bool common = last == first + 1 || (w0.size() > 3 && (w0.ends_with("ing") || w0.ends_with("ly")));
      if (initial && common && tok_mention[first] == kNone && !inner_caps.count(w0) &&
          !lex_.given_names.count(std::string(w0)) && !lex_.titles.count(Low(first)) && !countries_.count(w0)) {
        ++first;
        while (first < last && toks_[first].kind != TokenKind::kWord) ++first;
        std::string w = first < last ? Low(first) : "";
        if (w == "of" || w == "the") ++first;
      }
      t = last;
      if (first >= last) continue;
      Group g;
      g.first = first;
      g.end = last;
      // The group stands for its best entity, else for its own words.
      int best = kNone;
      for (uint32_t u = first; u < last; ++u) {
        int r = tok_mention[u];
        if (r == kNone) continue;
        auto rank = [&](int x) { return refs_[x].person ? 3 : refs_[x].org ? 2 : 1; };
        if (best == kNone || rank(r) > rank(best)) best = r;
      }
      g.referent = best != kNone ? best : TextReferent(first, last);
      if (best == kNone && !refs_[g.referent].org && PersonByRole(s.first_token, first)) {
        refs_[g.referent].person = true;
      }
      g.possessor = last < n && (Low(last) == "'s" || Text(last) == "'" || Text(last) == "\xE2\x80\x99");
      uint32_t p = first;
      while (p > s.first_token && lex_.Is(Low(p - 1), WordClass::kDet)) --p;
      g.after_prep = p > s.first_token && lex_.Is(Low(p - 1), WordClass::kPrep);
      for (uint32_t u = first; u < last; ++u) tok_group_[u] = static_cast<int>(groups_.size());
      groups_.push_back(g);
    }
  }
}

bool Attributor::PersonByRole(uint32_t lo, uint32_t first) const {
  // "spokesperson Hua Chunying", "the ministry's spokesperson, Hua Chunying,".
  if (first <= lo) return false;
  uint32_t p = first - 1;
  if (toks_[p].kind == TokenKind::kWord && !toks_[p].capitalized) {
    return RoleAt(p) == static_cast<int>(RoleKind::kPerson) || lex_.titles.count(Low(p));
  }
  if (!IsPunct(p, ',')) return false;
  for (uint32_t k = p; k-- > lo && p - k < 12;) {
    if (toks_[k].kind == TokenKind::kPunct) break;
    if (RoleAt(k) == static_cast<int>(RoleKind::kPerson) && !toks_[k].capitalized) return true;
  }
  return false;
}

void Attributor::LearnGenders() {
  // A gendered pronoun outside quotations votes for the last person named before it in
  // the same or the previous sentence.
  int last_person = kNone;
  uint32_t last_sentence = 0;
  for (uint32_t t = 0; t < toks_.size(); ++t) {
    if (InQuote(t)) continue;
    int g = tok_group_[t];
    if (g != kNone) {
      const Referent& ref = refs_[groups_[g].referent];
      if (ref.person || (ref.maybe_person && a_.entities.empty())) {
        last_person = groups_[g].referent;
        last_sentence = tok_sentence_[t];
      }
      continue;
    }
    if (toks_[t].kind != TokenKind::kWord || toks_[t].span.size() > 7 || last_person == kNone) continue;
    auto p = lex_.pronouns.find(Low(t));
    if (p == lex_.pronouns.end() || tok_sentence_[t] > last_sentence + 1) continue;
    Referent& ref = refs_[last_person];
    if (p->second.gender == Gender::kMale) ++ref.male_votes;
    if (p->second.gender == Gender::kFemale) ++ref.female_votes;
    // Without entities, a plain two-word name that pronouns refer to is a person.
    if (ref.male_votes + ref.female_votes > 0 && ref.maybe_person) ref.person = true;
  }
}

CueMatch Attributor::MatchCue(uint32_t i, uint32_t limit) const {
  CueMatch m;
  if (i >= limit || toks_[i].kind != TokenKind::kWord || InQuote(i)) return m;
  // "States" in "United States" is no cue: a capitalised cue must open its sentence.
  if (toks_[i].capitalized && a_.sentences[tok_sentence_[i]].first_token != i) return m;
  auto it = lex_.cues_by_first.find(Low(i));
  if (it == lex_.cues_by_first.end()) return m;
  for (uint32_t id : it->second) {
    const Cue& c = lex_.cues[id];
    if (i + c.words.size() > limit) continue;
    bool ok = true;
    for (size_t k = 1; k < c.words.size() && ok; ++k) ok = !InQuote(i + k) && Low(i + k) == c.words[k];
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

const QuoteLexicon::Pronoun* Attributor::SubjectPronoun(uint32_t i) const {
  if (toks_[i].kind != TokenKind::kWord || toks_[i].span.size() > 4) return nullptr;
  auto p = lex_.pronouns.find(Low(i));
  return p != lex_.pronouns.end() && p->second.subject ? &p->second : nullptr;
}

int Attributor::RoleAt(uint32_t i) const {
  if (toks_[i].kind != TokenKind::kWord) return -1;
  auto r = lex_.roles.find(Low(i));
  return r == lex_.roles.end() ? -1 : static_cast<int>(r->second);
}

Subject Attributor::Institution(uint32_t role, uint32_t lo, uint32_t hi) const {
  // The noun phrase around the role noun: back to its determiner, and on through
  // "for/of/at the ..." after it.
  uint32_t first = role;
  while (first > lo && role - first < kMaxScan) {
    uint32_t p = first - 1;
    if (InQuote(p) || toks_[p].kind == TokenKind::kPunct) break;
    std::string w = Low(p);
    if (lex_.Is(w, WordClass::kDet)) {
      first = p;
      break;
    }
    if (SubjectPronoun(p) || MatchCue(p, hi).cue != kNone || lex_.Is(w, WordClass::kPrep)) break;
    first = p;
  }
  uint32_t last = role + 1;
  while (last + 1 < hi && !InQuote(last) && (Low(last) == "for" || Low(last) == "of" || Low(last) == "at")) {
    uint32_t q = last + 1;
    while (q < hi && lex_.Is(Low(q), WordClass::kDet)) ++q;
    if (q < hi && tok_group_[q] != kNone) {
      last = groups_[tok_group_[q]].end;
    } else {
      break;
    }
  }
  Subject s;
  s.kind = Subject::kInstitution;
  int org = kNone, place = kNone;
  std::string country;
  for (uint32_t t = first; t < last; ++t) {
    int g = tok_group_[t];
    if (g != kNone) {
      int r = groups_[g].referent;
      const Referent& ref = refs_[r];
      if (ref.org && org == kNone)
        org = r;
      else if (!ref.person && place == kNone)
        place = r;
      t = groups_[g].end - 1;
      continue;
    }
    auto d = lex_.demonyms.find(std::string(Text(t)));
    if (d != lex_.demonyms.end() && country.empty()) country = d->second;
  }
  if (org == kNone && place == kNone && country.empty() && first < role && lex_.Is(Low(first), WordClass::kDet) &&
      RoleAt(role) == static_cast<int>(RoleKind::kBody)) {
    // "the ministry": the last organisation named with that word.
    std::string noun = Low(role);
    for (uint32_t t = first; t-- > 0;) {
      int g = tok_group_[t];
      if (g == kNone || InQuote(t)) continue;
      const Referent& ref = refs_[groups_[g].referent];
      if (ref.org && Fold(ref.name).find(noun) != std::string::npos) {
        org = groups_[g].referent;
        break;
      }
      t = groups_[g].first;
    }
  }
  if (org != kNone) {
    s.referent = org;
  } else if (place != kNone) {
    // A place named as a demonym by the text-only fallback resolves to its country.
    s.referent = place;
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
  while (j > lo && lex_.Is(Low(j - 1), WordClass::kAdv)) --j;
  if (j <= lo) return none;
  if (SubjectPronoun(j - 1)) return Subject{Subject::kPronoun, kNone, "", j - 1};
  if (RoleAt(j - 1) >= 0 && tok_group_[j - 1] == kNone) return Institution(j - 1, lo, cue);
  if (IsPunct(j - 1, ',')) {
    // "X, the top ..., said": the name before the previous comma.
    for (uint32_t k = j - 1; k > lo && j - k < kMaxScan; --k) {
      uint32_t c = k - 1;
      if (InQuote(c) || IsPunct(c, ';')) break;
      if (!IsPunct(c, ',')) continue;
      if (c > lo && tok_group_[c - 1] != kNone && Acceptable(groups_[tok_group_[c - 1]])) {
        return Subject{Subject::kName, groups_[tok_group_[c - 1]].referent, "", 0};
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
      if (Acceptable(groups_[g])) return Subject{Subject::kName, groups_[g].referent, "", 0};
      j = groups_[g].first;
      continue;
    }
    if (SubjectPronoun(t)) return Subject{Subject::kPronoun, kNone, "", t};
    if (MatchCue(t, cue).cue != kNone) break;  // another clause's cue
  }
  return none;
}

Subject Attributor::SubjectRight(uint32_t from, uint32_t hi) const {
  uint32_t j = from;
  while (j < hi && (toks_[j].kind == TokenKind::kPunct && !InQuote(j))) ++j;
  uint32_t det = j;
  while (j < hi && lex_.Is(Low(j), WordClass::kDet)) ++j;
  if (j >= hi || InQuote(j)) return Subject{};
  if (j == det && SubjectPronoun(j)) return Subject{Subject::kPronoun, kNone, "", j};
  int g = tok_group_[j];
  // A name, unless it only qualifies a role noun after it ("the Foreign Ministry spokesman").
  if (g != kNone) {
    uint32_t after = groups_[g].end;
    if (!(after < hi && RoleAt(after) >= 0) && !groups_[g].possessor) {
      return Subject{Subject::kName, groups_[g].referent, "", 0};
    }
  }
  for (uint32_t k = j; k < hi && k < j + 8 && !InQuote(k); ++k) {
    if (toks_[k].kind == TokenKind::kPunct) break;
    if (RoleAt(k) >= 0 && tok_group_[k] == kNone) return Institution(k, det, hi);
  }
  return Subject{};
}

Subject Attributor::SubjectMain(uint32_t lo, uint32_t cue) const {
  for (uint32_t t = lo; t < cue; ++t) {
    if (InQuote(t)) continue;
    int g = tok_group_[t];
    if (g != kNone) {
      if (Acceptable(groups_[g])) return Subject{Subject::kName, groups_[g].referent, "", 0};
      t = groups_[g].end - 1;
      continue;
    }
    if (SubjectPronoun(t)) return Subject{Subject::kPronoun, kNone, "", t};
  }
  return SubjectLeft(cue, lo);
}

int Attributor::ResolvePronoun(uint32_t tok) const {
  auto p = lex_.pronouns.find(Low(tok));
  if (p == lex_.pronouns.end()) return kNone;
  Gender want = p->second.gender;
  if (want == Gender::kPlural) return kNone;
  uint32_t para = Paragraph(tok);
  for (uint32_t t = tok; t-- > 0;) {
    if (Paragraph(t) + kPronounReach < para) break;
    int g = tok_group_[t];
    if (g == kNone || InQuote(t)) continue;
    const Referent& ref = refs_[groups_[g].referent];
    t = groups_[g].first;
    if (want == Gender::kNeuter) {
      if (ref.org) return groups_[g].referent;
      continue;
    }
    if (!ref.person) continue;
    Gender have = ref.gender();
    if (have == Gender::kUnknown || have == want) return groups_[g].referent;
  }
  return kNone;
}

Attribution Attributor::Resolve(const Subject& s, const CueMatch& cue) const {
  Attribution out;
  if (cue.cue != kNone) out.cue = Span{toks_[cue.first].span.start, toks_[cue.end - 1].span.end};
  int r = s.referent;
  if (s.kind == Subject::kPronoun) r = ResolvePronoun(s.token);
  if (r != kNone) {
    out.speaker = refs_[r].name;
    out.speaker_id = refs_[r].id;
  } else if (s.kind == Subject::kInstitution) {
    out.speaker = s.name;
  }
  return out;
}

bool Attributor::AfterQuote(const Quotation& q, CueMatch* cue, Subject* s) const {
  uint32_t end_byte = q.close_mark.empty() ? q.segments.back().end : q.close_mark.end;
  uint32_t from = TokenAt(end_byte);
  if (from >= toks_.size() || from == 0) return false;
  uint32_t sentence = tok_sentence_[from - 1];
  if (tok_sentence_[from] != sentence) return false;
  uint32_t hi = std::min<uint32_t>(a_.sentences[sentence].end_token, from + kMaxScan);
  for (uint32_t k = from; k < hi; ++k) {
    if (InQuote(k)) {
      hi = k;
      break;
    }
  }
  uint32_t lead = from;
  while (lead < hi && toks_[lead].kind == TokenKind::kPunct) ++lead;
  for (uint32_t k = lead; k < hi; ++k) {
    CueMatch m = MatchCue(k, hi);
    if (m.cue == kNone || !CueAllowed(m.cue, false) || lex_.cues[m.cue].kind == CueKind::kFrame) continue;
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
    if (m.cue == kNone || !CueAllowed(m.cue, true)) continue;
    *cue = m;
    CueKind kind = lex_.cues[m.cue].kind;
    if (kind == CueKind::kSource) {
      *s = SubjectRight(m.end, open_tok);
    } else if (kind == CueKind::kParticiple) {
      *s = SubjectMain(lo, k);
    } else {
      // "said Daniel Kritenbrink: "...": a name right after the cue, then only punctuation.
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

std::vector<Attribution> Attributor::Run() {
  std::vector<Attribution> out(quotations_.size());
  if (toks_.empty() || a_.sentences.empty()) return out;
  Index();
  BuildGroups();
  LearnGenders();
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
    CueMatch cue;
    Subject subject;
    bool found = ends_clause ? (AfterQuote(q, &cue, &subject) || BeforeQuote(lo, open_tok, &cue, &subject))
                             : (BeforeQuote(lo, open_tok, &cue, &subject) || AfterQuote(q, &cue, &subject));
    if (!found && open_tok == lo) {
      // Opens its paragraph after one that ends with ':' — "She told reporters:".
      uint32_t para = a_.sentences[sentence].paragraph;
      if (sentence > 0 && a_.sentences[sentence - 1].paragraph + 1 == para &&
          a_.sentences[sentence].first_token == open_tok) {
        const Sentence& prev = a_.sentences[sentence - 1];
        if (prev.end_token > prev.first_token && IsPunct(prev.end_token - 1, ':') &&
            a_.sentences[sentence].span.start == q.open_mark.start) {
          found = BeforeQuote(prev.first_token, prev.end_token - 1, &cue, &subject);
        }
      }
    }
    if (found) {
      out[qi] = Resolve(subject, cue);
      continue;
    }
    // No cue: a quotation that opens its sentence continues the previous one nearby.
    if (open_tok == lo && qi > 0 && !out[qi - 1].speaker.empty()) {
      uint32_t prev_end = quotations_[qi - 1].segments.back().end;
      uint32_t prev_sentence = tok_sentence_[std::min(TokenAt(prev_end), n) - 1];
      if (prev_sentence + 1 >= sentence) out[qi] = out[qi - 1];
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
