#include "events/phrases.h"

#include <algorithm>

#include "core/ud.h"
#include "core/words.h"
#include "events/coder.h"

namespace newsgraph::events {
namespace {

constexpr std::string_view kDeterminers[] = {"the", "a",     "an",   "his",  "her",     "its",  "their", "our",
                                             "two", "three", "four", "both", "several", "some", "other"};
constexpr std::string_view kPrepositions[] = {
    "in",      "at",     "to",      "from",   "with",    "for",       "on",      "over",      "into",
    "against", "by",     "of",      "near",   "during",  "across",    "between", "under",     "about",
    "than",    "like",   "via",     "toward", "towards", "amid",      "among",   "including", "despite",
    "through", "within", "without", "inside", "outside", "throughout"};

// A name mention of the mention layer inside a unit: tokens [begin, end) and its entity.
struct NameRun {
  int begin = 0, end = 0;
  int entity = -1;
};

struct Unit {
  int begin = 0, content = 0, end = 0;
  std::vector<std::pair<int, int>> countries;  // (token, actor entry index)
  std::string role;
  int role_pos = -1;
  std::vector<NameRun> names;                  // the name mentions in it
  int possessor_run = -1;                      // index in names
  std::vector<int> of_list;                    // actor entries after "ROLE of"
  bool possessive = false;
  int content_end = 0;  // end of the last word that is not a bare modifier
  bool empty() const { return countries.empty() && role.empty() && names.empty() && of_list.empty(); }
};

class Finder {
 public:
  Finder(const Dictionaries& d, const Sentence& s, const std::vector<Tok>& toks, const Analysis& a,
         const EntityIndex& ents, int date)
      : d_(d), t_(toks), a_(a), ents_(ents), n_(static_cast<int>(toks.size())), date_(date) {
    MapNames();
    FindAppositionHeads(s);
  }

  std::vector<Phrase> Run(size_t max_phrases);

 private:
  Phrase UnitPhrase(const Unit& u, int j) const;
  void Coordinate(int j, Phrase* p) const;
  std::pair<int, int> AppositionOf(const Phrase& p, int* noun) const;
  bool JoinApposition(Phrase* head, Phrase* q) const;
  struct Appos {
    int next = 0;              // id of the next apposition
    int begin = -1, end = -1;  // tokens of the open one
    int noun = -1;             // the token of its head noun; -1 for a relative clause
    int cur = -1;              // its id, or -1
    int head = -1;             // the phrase it belongs to
  };
  Appos appos_;
  int DictAt(int j, int* entry) const {
    uint32_t v = 0;
    int len = d_.actor_phrases.Longest(
        j, n_, [&](int k, bool lower) { return lower ? t_[k].low : t_[k].text; }, &v);
    if (len > 0) *entry = static_cast<int>(v);
    return len;
  }
  int AgentAt(int j, std::string* role) const {
    if (t_[j].punct) return 0;
    return d_.agents.Longest(
        j, n_, [&](int k, bool) { return t_[k].low; }, role);
  }
  // A role word or dictionary actor within the next three words, with only lower-case
  // modifiers before it: "national security adviser", "top U.S. diplomat".
  bool RoleAhead(int j) const {
    for (int k = j; k < n_ && k < j + 4; ++k) {
      if (t_[k].punct) return false;
      std::string r;
      int e;
      if (AgentAt(k, &r) > 0) return true;
      if (int len = DictAt(k, &e); len > 0) {
        k += len - 1;
        continue;
      }
      if (t_[k].cap || d_.stopwords.contains(t_[k].low)) return false;
    }
    return false;
  }
  // A lower-case word that can modify a role noun: not a verb form, and not an event word
  // unless it is glued to the role ("security adviser").
  bool Modifier(int j) const {
    // Irregular verb forms that no -ed/-ing test catches: "Thailand said Cambodian soldiers
    // ..." is two phrases, not "Thailand said Cambodian soldiers".
    static constexpr std::string_view kVerbForms[] = {
        "said",   "says",  "say",   "told",    "tells", "met",  "meets",  "held",   "holds",   "sent",
        "sends",  "gave",  "gives", "took",    "takes", "made", "makes",  "led",    "leads",   "left",
        "won",    "lost",  "saw",   "sees",    "went",  "came", "became", "began",  "brought", "fought",
        "sought", "kept",  "put",   "set",     "cut",   "hit",  "shot",   "struck", "spoke",   "wrote",
        "ran",    "stood", "knew",  "thought", "felt",  "let"};
    std::string_view w = t_[j].low;
    if (w.size() < 3 || w.ends_with("ed") || w.ends_with("ing") || d_.stopwords.contains(w)) return false;
    if (!RoleAhead(j + 1)) return false;
    for (std::string_view v : kVerbForms)
      if (w == v) return false;
    std::vector<uint32_t> c;
    d_.verbs.Candidates(w, &c);
    if (c.empty()) return true;
    std::string r;
    return !w.ends_with("s") && j + 1 < n_ && AgentAt(j + 1, &r) > 0;
  }
  int ParseUnit(int i, Unit* u) const;
  int OfList(int k, std::vector<int>* list) const;
  // The name mentions of the mention layer (Analysis::mentions, kind name) over the
  // sentence's tokens, in order (names_).
  void MapNames();
  // The words of the sentence's parse with an appos or acl:relcl dependent (a handful, often
  // none): only phrases headed by one of them are looked at for an apposition.
  void FindAppositionHeads(const Sentence& s);
  std::vector<int32_t> appos_heads_;
  // The name covering token `j`, or nullptr.
  const NameRun* NameAt(int j) const {
    auto it = std::upper_bound(names_.begin(), names_.end(), j, [](int k, const NameRun& r) { return k < r.begin; });
    return it != names_.begin() && (it - 1)->end > j ? &*(it - 1) : nullptr;
  }
  void OrganisationOfRole(const Unit& u, Actor* a) const;
  Actor MakeActor(const Unit& u) const;
  std::string Text(int b, int e) const {
    if (b >= e) return {};
    const char* s = t_[b].text.data();
    const char* f = t_[e - 1].text.data() + t_[e - 1].text.size();
    return std::string(s, f);
  }

  const Dictionaries& d_;
  const std::vector<Tok>& t_;
  const Analysis& a_;
  const EntityIndex& ents_;
  int n_;
  int date_;
  std::vector<NameRun> names_;
};

void Finder::FindAppositionHeads(const Sentence& s) {
  static const int appos = ud::DeprelIndex("appos"), relcl = ud::DeprelIndex("acl:relcl");
  const uint32_t end = std::min<uint32_t>(s.end_word, static_cast<uint32_t>(a_.words.size()));
  for (uint32_t w = s.first_word; w < end; ++w)
    if (a_.words[w].head >= 0 && (a_.words[w].deprel == appos || a_.words[w].deprel == relcl))
      appos_heads_.push_back(a_.words[w].head);
}

void Finder::MapNames() {
  if (n_ == 0) return;
  const uint32_t from = t_.front().span.start, to = t_.back().span.end;
  const auto& names = ents_.names();
  auto it = std::lower_bound(names.begin(), names.end(), from,
                             [](const std::pair<Span, int>& m, uint32_t off) { return m.first.start < off; });
  int k = 0;
  for (; it != names.end() && it->first.start < to; ++it) {
    while (k < n_ && t_[k].span.end <= it->first.start) ++k;
    int e = k;
    while (e < n_ && t_[e].span.start < it->first.end) ++e;
    if (e > k && (names_.empty() || names_.back().end <= k)) names_.push_back({k, e, it->second});
  }
}

// The dictionary actors listed from token `k` on ("the United States, Japan and the
// Philippines"), appended to `list`; returns the token after the list.
int Finder::OfList(int k, std::vector<int>* list) const {
  while (k < n_) {
    if (t_[k].low == "the") ++k;
    if (k >= n_) break;
    int e = -1;
    int len = DictAt(k, &e);
    if (len == 0) break;
    list->push_back(e);
    k += len;
    if (k < n_ && (t_[k].low == "," || t_[k].low == "and")) {
      int save = k;
      ++k;
      if (k < n_ && t_[k].low == "and") ++k;
      if (k < n_ && (t_[k].low == "the" ? k + 1 < n_ && DictAt(k + 1, &e) > 0 : DictAt(k, &e) > 0)) continue;
      k = save;
    }
    break;
  }
  return k;
}

int Finder::ParseUnit(int i, Unit* u) const {
  int j = i;
  u->begin = i;
  while (j < n_ && In(t_[j].low, kDeterminers) && !t_[j].punct && !NameAt(j)) ++j;
  u->content = j;
  while (j < n_) {
    const Tok& t = t_[j];
    if (t.punct) break;
    const bool after_name = !u->names.empty() && u->names.back().end == j;
    if (t.low == "'s" && j > u->content) {
      if (after_name) u->possessor_run = static_cast<int>(u->names.size()) - 1;
      ++j;
      u->possessive = true;
      if (j < n_ && !t_[j].punct && (RoleAhead(j) || NameAt(j))) {
        u->possessive = false;
        continue;
      }
      break;
    }
    int entry = -1;
    if (int len = DictAt(j, &entry); len > 0) {
      u->countries.emplace_back(j, entry);
      j += len;
      u->content_end = j;
      continue;
    }
    std::string role;
    if (int len = AgentAt(j, &role); len > 0) {
      u->role = role;
      u->role_pos = j + len - 1;
      j += len;
      u->content_end = j;
      if (j + 1 < n_ && (t_[j].low == "of" || t_[j].low == "from") && u->names.empty() && u->countries.empty()) {
        std::vector<int> list;
        int k = OfList(j + 1, &list);
        if (!list.empty()) {
          u->of_list = std::move(list);
          j = k;
          break;
        }
      }
      continue;
    }
    // A name of the mention layer, whole: "Amara Okafor", "the Bank of Upper Volta".
    if (const NameRun* name = NameAt(j)) {
      u->names.push_back({j, name->end, name->entity});
      j = name->end;
      u->content_end = j;
      continue;
    }
    if (!t.cap && !after_name && Modifier(j)) {
      ++j;  // a modifier before a role: "national security adviser", "top U.S. diplomat"
      continue;
    }
    break;
  }
  u->end = j;
  if (u->empty()) return i;
  // A modifier-only tail ("the top") cannot end a unit: trim back to the last content.
  int last = std::max(u->content, u->content_end);
  if (!u->of_list.empty() || u->possessive) last = j;
  u->end = last;
  if (u->end <= u->content) return i;
  return u->end;
}

Actor Finder::MakeActor(const Unit& u) const {
  Actor a;
  int name_run = static_cast<int>(u.names.size()) - 1;  // the last name is the actor's
  if (name_run >= 0 && name_run == u.possessor_run && u.role_pos > u.names[name_run].end - 1) {
    // "Biden's national security adviser": the possessor only locates the actor.
    name_run = -1;
  }
  for (auto [pos, entry] : u.countries) {
    const ActorEntry& e = d_.actors[entry];
    if (a.country.empty() && !e.country.empty()) a.country = e.country;
    // IGOs and PETRARCH actors carry a code of their own.
    if (a.fixed_code.empty() && e.country.empty()) a.fixed_code = e.CodeOn(date_);
  }
  a.role = u.role;
  const Entity* possessor = nullptr;
  if (u.possessor_run >= 0 && name_run != u.possessor_run) {
    const NameRun& r = u.names[u.possessor_run];
    a.possessor = Text(r.begin, r.end);
    possessor = &a_.entities[r.entity];
  }
  if (name_run >= 0) {
    const NameRun& r = u.names[name_run];
    const Entity& en = a_.entities[r.entity];
    a.raw = Text(r.begin, r.end);
    a.name = en.name;
    a.named = true;
    a.entity = r.entity;
    if (!en.country.empty() && a.country.empty()) a.country = en.country;
    if (en.type == EntityType::kLoc) {
      a.is_place = true;
      a.place = en.name;
    }
    if (a.role.empty() && !en.title.empty()) {
      std::vector<std::string> words = PhraseTokens(ToLower(en.title));
      for (size_t k = 0; k < words.size(); ++k) {
        std::string r;
        int len = d_.agents.Longest(
            static_cast<int>(k), static_cast<int>(words.size()),
            [&](int x, bool) { return std::string_view(words[x]); }, &r);
        if (len > 0) a.role = r;
      }
    }
  } else if (!u.countries.empty()) {
    const ActorEntry& e = d_.actors[u.countries.front().second];
    a.name = e.name;
    a.is_capital = e.kind == ActorEntry::Kind::kCapital;
    a.place = e.kind == ActorEntry::Kind::kCapital ? e.place : e.name;
    if (!u.role.empty()) a.detail = Text(u.begin, u.end);
    if (e.kind == ActorEntry::Kind::kPerson || e.kind == ActorEntry::Kind::kOrg) a.named = true;
  } else if (possessor != nullptr) {
    // "Biden's national security adviser": the actor is that person's side, named by them.
    a.raw = a.possessor;
    a.name = possessor->name;
    a.named = true;
    a.detail = Text(u.begin, u.end);
  } else {
    a.name = Text(u.content, u.end);
    a.detail = a.name;
  }
  // "Ruto's national security adviser Jane Roe": the possessor's country is the actor's.
  if (possessor != nullptr && a.country.empty()) a.country = possessor->country;
  if (name_run < 0 && u.possessor_run < 0 && u.countries.empty()) OrganisationOfRole(u, &a);
  return a;
}

// A role word that begins an organisation's name ("the Church of Scientology", "the
// Foreign Ministry of ...") is that organisation, not an unnamed official of a country.
void Finder::OrganisationOfRole(const Unit& u, Actor* a) const {
  if (u.content >= u.end || !NameAt(u.content)) return;
  const int ent = NameAt(u.content)->entity;
  if (a_.entities[ent].type != EntityType::kOrg) return;
  const Entity& en = a_.entities[ent];
  a->entity = ent;
  a->name = en.name;
  a->named = true;
  if (!en.country.empty()) a->country = en.country;
}

// The phrase of unit `u` ending at `j`: its actor, or one per organisation of "the
// advisers of the United States, Japan and the Philippines".
Phrase Finder::UnitPhrase(const Unit& u, int j) const {
  Phrase p;
  p.begin = u.begin;
  p.end = j;
  p.possessive = u.possessive;
  if (u.of_list.empty()) {
    p.members.push_back(MakeActor(u));
    return p;
  }
  for (int e : u.of_list) {
    Actor a;
    const ActorEntry& en = d_.actors[e];
    a.name = en.name;
    a.country = en.country;
    a.fixed_code = en.country.empty() ? en.CodeOn(date_) : "";
    a.role = u.role;
    a.detail = Text(u.begin, u.end);
    p.members.push_back(std::move(a));
  }
  return p;
}

// Coordination after the phrase's first unit (ending at `j`): "X, Y and Z" / "X and Y".
void Finder::Coordinate(int j, Phrase* p) const {
  int k = j;
  std::vector<Actor> extra;
  int coord_end = j;
  while (k < n_ && (t_[k].low == "," || t_[k].low == "and") && extra.size() < 16) {
    bool is_and = t_[k].low == "and";
    int s = k + 1;
    if (!is_and && s < n_ && t_[s].low == "and") {
      if (extra.empty()) break;  // "X, and Y ...": two clauses, not a list
      is_and = true;
      ++s;
    }
    Unit v;
    int e2 = ParseUnit(s, &v);
    if (e2 <= s || !v.of_list.empty() || v.possessive) break;
    extra.push_back(MakeActor(v));
    k = e2;
    if (is_and) {
      coord_end = k;
      break;
    }
  }
  if (coord_end <= j) return;
  for (auto& a : extra) p->members.push_back(std::move(a));
  p->end = coord_end;
  // "Indian and Pakistani troops": bare countries share the role of the last conjunct.
  const Actor& last = p->members.back();
  if (!last.role.empty())
    for (auto& a : p->members)
      if (a.role.empty() && !a.named && !a.country.empty()) a.role = last.role;
}

// A relative clause of word `w` set off by a comma, at or after word `from` (", who visited
// Peru last week,"): the subtree of its acl:relcl dependent; empty when there is none.
WordRange ParentheticalClause(const Analysis& a, int32_t w, int32_t from) {
  static const int relcl = ud::DeprelIndex("acl:relcl");
  const WordRange r = DependentSubtree(a, w, relcl, from);
  if (!r.empty() && r.first > 0 && a.Text(a.words[r.first - 1].span) == ",") return r;
  return {};
}

// The apposition of phrase `p` in the parse (core/words.h Apposition: for "Okafor" in
// "Okafor, the most senior EU official to visit Accra since May, said", the words "the
// most senior ... since May"), else a relative clause of it set off by commas, as tokens
// [begin, end); {0, 0} without a parse or either. One opened by a comma runs to the comma
// that closes it: the parse may hang the end of a parenthesis ("since May") elsewhere.
// `*noun` is the token of the appositive's head word ("official"), -1 for a clause.
std::pair<int, int> Finder::AppositionOf(const Phrase& p, int* noun) const {
  *noun = -1;
  const Span span{t_[p.begin].span.start, t_[p.end - 1].span.end};
  if (appos_heads_.empty()) return {0, 0};
  const int32_t head = HeadWord(a_, span);
  if (head < 0 || std::find(appos_heads_.begin(), appos_heads_.end(), head) == appos_heads_.end()) return {0, 0};
  const int32_t after = WordsIn(a_, span).end;
  WordRange r = Apposition(a_, head, after);
  int32_t noun_word = -1;
  for (int32_t w = r.first; w < r.end && noun_word < 0; ++w)
    if (a_.words[w].head == head) noun_word = w;
  if (r.empty()) r = ParentheticalClause(a_, head, after);
  if (r.empty()) return {0, 0};
  const uint32_t from = a_.words[r.first].span.start, to = a_.words[r.end - 1].span.end;
  int b = p.end;
  while (b < n_ && t_[b].span.end <= from) ++b;
  int e = b;
  while (e < n_ && t_[e].span.start < to) ++e;
  for (int k = b; k < e && noun_word >= 0; ++k)
    if (t_[k].span.start <= a_.words[noun_word].span.start && a_.words[noun_word].span.start < t_[k].span.end)
      *noun = k;
  if (b > 0 && t_[b - 1].low == ",")
    for (int c = e; c < n_ && c < b + 30; ++c) {
      if (t_[c].low == ";" || t_[c].low == ":" || IsQuote(t_[c].text)) break;
      if (t_[c].low == ",") {
        e = c;
        break;
      }
    }
  return {b, e};
}

// Phrase `q` holds the head noun of the apposition of phrase `head`. An unnamed role
// ("Okafor, the most senior American official") names the same actors, which take its
// country and role there and in `head`; the apposition is a parenthesis. A name ("Peru's
// spokesperson, Ana Soto, said") stands for `head`, taking an unnamed one's country and
// role: no parenthesis then (false).
bool Finder::JoinApposition(Phrase* head, Phrase* q) const {
  if (q->members.size() != 1) return true;
  const Actor own = q->members[0];
  if (!own.named) {
    if (own.role.empty()) return true;
    for (Actor& m : head->members) {
      if (m.role.empty()) m.role = own.role;
      if (m.country.empty()) m.country = own.country;
    }
    q->members = head->members;
    return true;
  }
  if (head->members.size() == 1 && !head->members[0].named) {
    Actor& m = q->members[0];
    if (m.role.empty()) m.role = head->members[0].role;
    if (m.country.empty()) m.country = head->members[0].country;
  }
  return false;
}

std::vector<Phrase> Finder::Run(size_t max_phrases) {
  std::vector<Phrase> out;
  appos_ = {};
  int i = 0;
  while (i < n_ && out.size() < max_phrases) {
    Unit u;
    int j = ParseUnit(i, &u);
    if (j <= i) {
      ++i;
      continue;
    }
    Phrase p = UnitPhrase(u, j);
    Coordinate(j, &p);
    if (p.begin > 0 && In(t_[p.begin - 1].low, kPrepositions)) p.prep = t_[p.begin - 1].low;
    if (appos_.cur >= 0 && p.begin >= appos_.end) appos_.cur = -1;
    if (appos_.cur >= 0 && p.begin >= appos_.begin) {
      p.appos = appos_.cur;
      if (p.begin <= appos_.noun && appos_.noun < p.end && !JoinApposition(&out[appos_.head], &p))
        p.appos = appos_.cur = -1;
    } else if (appos_.cur < 0) {
      if (auto [b, e] = AppositionOf(p, &appos_.noun); b < e) {
        appos_.cur = appos_.next++;
        appos_.begin = b;
        appos_.end = e;
        appos_.head = static_cast<int>(out.size());
      }
    }
    out.push_back(std::move(p));
    i = out.back().end;
  }
  for (Phrase& p : out)
    for (Actor& m : p.members) m.Finish();
  return out;
}

}  // namespace

void Actor::Finish() {
  std::string base = fixed_code.empty() ? country : fixed_code;
  std::string r = role;
  if (is_capital && r.empty()) r = "GOV";
  if (!fixed_code.empty() && fixed_code.size() != 3) r.clear();  // a full code already
  if (!r.empty() && r.back() == '~') {                           // PETRARCH prefix agent: "NGO~"
    code = r.substr(0, r.size() - 1) + base;
    return;
  }
  if (!r.empty() && r.front() == '~') r.erase(0, 1);
  code = base + r;
}

EntityIndex::EntityIndex(const Analysis& a) {
  for (const Mention& m : a.mentions)
    if (m.kind == MentionKind::kName && m.entity >= 0 && m.entity < static_cast<int>(a.entities.size()))
      mentions_.emplace_back(m.span, m.entity);
  std::sort(mentions_.begin(), mentions_.end(), [](auto& x, auto& y) { return x.first.start < y.first.start; });
}

int EntityIndex::At(Span s) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), s.end,
                             [](const std::pair<Span, int>& m, uint32_t end) { return m.first.start < end; });
  // candidates start before s.end; walk back while they may overlap
  while (it != mentions_.begin()) {
    --it;
    if (it->first.end > s.start) return it->second;
    if (it->first.start + 512 < s.start) break;  // mentions are short: nothing further back overlaps
  }
  return -1;
}

bool IsPreposition(std::string_view low) { return In(low, kPrepositions); }

std::vector<Phrase> FindPhrases(const Dictionaries& d, const Sentence& s, const std::vector<Tok>& toks,
                                const Analysis& a, const EntityIndex& entities, int yyyymmdd, size_t max_phrases) {
  return Finder(d, s, toks, a, entities, yyyymmdd).Run(max_phrases);
}

}  // namespace newsgraph::events
