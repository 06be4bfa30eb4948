#include "events/events.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

#include "core/words.h"
#include "events/dictionary.h"
#include "events/frames.h"
#include "events/petrarch.h"
#include "events/phrases.h"
#include "events/when.h"

namespace newsgraph {

using events::Actor;
using events::Dictionaries;
using events::Elem;
using events::Pattern;
using events::Phrase;
using events::Tok;

namespace {

constexpr size_t kMaxMatchesPerSentence = 64;
constexpr size_t kMaxPhrasesPerSentence = 512;
constexpr int kSubjectWindow = 40;  // tokens searched back for a subject
constexpr int kTargetWindow = 16;   // tokens searched forward for a target
constexpr int kCueWindow = 6;
constexpr size_t kMaxGroup = 8;  // coordinated actors expanded pairwise

constexpr std::string_view kBeForms[] = {"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"};
constexpr std::string_view kClauseBreaks[] = {",",      ";",     ":",      "and",  "but",  "while",   "that",
                                              "which",  "who",   "whom",   "said", "says", "because", "although",
                                              "though", "after", "before", "when", "(",    ")"};
// Words after which a following actor is no longer the verb's object.
constexpr std::string_view kTargetBreaks[] = {",",  ";",      ":",     "and",     "said",     "says",   "told",
                                              "as", "when",   "while", "because", "although", "though", "whereas",
                                              "if", "unless", "but",   "(",       ")"};
constexpr std::string_view kQuantities[] = {"thousands", "hundreds", "dozens", "scores", "millions", "crowds", "groups",
                                            "group",     "crowd",    "number", "some",   "many",     "all"};
// Phrases that stand for the two sides of the story's last dyad: an appeal "to both sides".
constexpr std::string_view kPronouns[] = {"he", "she", "it", "they", "we", "i", "you"};
// Verbs that report a claim: "the army said (that) ...".
constexpr std::string_view kClaimVerbs[] = {"said", "says", "claimed", "claims", "alleged", "alleges", "charged"};
constexpr std::string_view kBothSides[] = {"sides", "countries", "parties", "nations", "governments"};
constexpr std::string_view kDefinite[] = {"the", "this", "that", "these", "those"};
// Prepositions whose object is a place or a time, never a target.
constexpr std::string_view kLocativePreps[] = {
    "in",   "at",   "near",      "since",   "during", "across", "throughout", "inside", "outside", "within",
    "over", "amid", "including", "despite", "like",   "than",   "between",    "among",  "under",   "about"};

bool In(std::string_view w, const auto& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

bool IsQuote(std::string_view t) { return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D"; }

struct Match {
  uint32_t pattern = 0;
  int anchor = 0;
  int first = 0, last = 0;    // token range of the matched words
  std::vector<int> literals;  // positions of matched words
  int source_phrase = -1, target_phrase = -1;
  int elems = 0;
};

class ArticleCoder {
 public:
  ArticleCoder(const Dictionaries& d, Analysis* a) : d_(d), a_(*a), ents_(*a) {
    lower_ = ToLowerAscii(a->body);
    date_ = events::ParseDate(a->published);
  }
  void Run();

 private:
  static std::string ToLowerAscii(const std::string& s) {
    std::string out = s;
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  void BuildTokens(const Sentence& s, std::vector<Tok>* toks) const;
  void ResolveNames(std::vector<std::vector<Phrase>>* all) const;
  void CodeSentence(int si, const std::vector<Tok>& toks, std::vector<Phrase>& phrases);
  bool MatchPattern(const Pattern& p, int anchor, const std::vector<Tok>& toks, const std::vector<Phrase>& ph,
                    const std::vector<int>& phrase_at, Match* m) const;
  std::string Modality(const std::vector<Tok>& toks, int start, std::string* cue_text) const;
  int Subject(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int start, int anchor) const;
  int Target(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m, int source) const;
  int PassiveAgent(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m) const;
  int Accuser(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int src) const;
  std::string Location(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m,
                       std::string* country) const;
  bool Discarded(const std::vector<Tok>& toks, const std::vector<std::vector<std::string>>& list) const;

  const Dictionaries& d_;
  Analysis& a_;
  events::EntityIndex ents_;
  std::string lower_;
  events::Date date_;
  // "both sides", "the two countries" right after the event's words, with a dyad to stand for.
  bool BothSides(const std::vector<Tok>& toks, const Match& m) const {
    if (last_dyad_.size() != 2) return false;
    int n = static_cast<int>(toks.size());
    for (int k = m.anchor + 1; k + 1 < n && k <= m.last + 4; ++k)
      if ((toks[k].low == "both" || toks[k].low == "two") && In(toks[k + 1].low, kBothSides)) return true;
    return false;
  }

  std::unordered_set<std::string> seen_;
  std::vector<Actor> last_dyad_;                        // source and target of the last coded dyadic event
  std::vector<Actor> dyad_;                             // last_dyad_ as the current event began
  std::vector<Actor> fight_dyad_;                       // the two sides of the last hostile dyadic event
  std::vector<Actor> fight_;                            // its copy while coding an event
  std::optional<Actor> home_;                           // the story's country: dateline, else the most mentioned
  std::optional<Actor> focus_;                          // the country its actors name most (aid recipients)
  Actor referent_;                                      // the actor behind "the attack" in the current event
  std::vector<std::pair<Actor, std::string>> history_;  // sources and codes of earlier event phrases
  // An event of `s` (on `t`, when not null) coded `cameo`, with its code's quad class and
  // Goldstein value and its evidence; the caller adds location, time and rule.
  Event NewEvent(const Actor& s, const Actor* t, const std::string& cameo, int sentence, Span evidence) const {
    Event e;
    e.source = s.name;
    e.source_code = s.code;
    e.source_detail = s.detail;
    if (t) {
      e.target = t->name;
      e.target_code = t->code;
      e.target_detail = t->detail;
    }
    e.cameo = cameo;
    e.root = cameo.substr(0, 2);
    const events::CodeInfo& info = d_.Info(cameo);
    e.quad_class = info.quad_class;
    e.goldstein = info.goldstein;
    e.sentence = sentence;
    e.evidence_span = evidence;
    e.evidence = std::string(a_.Text(evidence));
    return e;
  }
  // Whether an event of these actors and code is new to the article (a mutual action is
  // the same either way round).
  bool FirstTime(const Event& e, bool sym) {
    std::string a1 = e.source + "/" + e.source_code, a2 = e.target + "/" + e.target_code;
    if (sym && a2 < a1) std::swap(a1, a2);
    return seen_.insert(a1 + "\x1f" + a2 + "\x1f" + e.cameo).second;
  }
  // The actor of a country code, or nothing when the dictionaries do not name it.
  std::optional<Actor> CountryActor(const std::string& code) const {
    auto it = d_.country_names.find(code);
    if (code.empty() || it == d_.country_names.end()) return std::nullopt;
    Actor a;
    a.name = it->second;
    a.country = code;
    a.Finish();
    return a;
  }
  // An unnamed actor with a role and no country ("police") becomes that country's, its
  // words kept as the detail.
  static void GiveCountry(const Actor& country, Actor* m) {
    if (m->named || !m->country.empty() || !m->fixed_code.empty() || m->role.empty() || m->is_place) return;
    m->detail = m->detail.empty() ? m->name : m->detail;
    m->name = country.name;
    m->country = country.country;
    m->Finish();
  }
  // A city or region taken as an actor stands for its country ("arrived in Brasilia").
  bool AsCountry(const Actor& a, Actor* out) const {
    if (!a.is_place || a.country.empty()) return false;
    auto it = d_.country_names.find(a.country);
    if (it == d_.country_names.end()) return false;
    *out = a;
    out->detail = a.name;
    out->name = it->second;
    out->is_place = false;
    out->Finish();
    return true;
  }
  void FindHome(std::vector<std::vector<Phrase>>* all);
  // Mentions that are not names ("he", "the minister", "both sides") resolved to an entity
  // become actor phrases of their sentence, with the actor their entity has elsewhere.
  void AddMentionPhrases(const std::vector<std::vector<Tok>>& toks, std::vector<std::vector<Phrase>>* all) const;
  Actor EntityActor(int entity, const std::vector<std::vector<Phrase>>& all) const;
  // The parse's roles of the event anchored at token `anchor`: the phrases holding the
  // subject and the object (or first non-locative prepositional object) of its frame.
  struct FrameRoles {
    int subject = -1, target = -1;
    bool found = false;  // the anchor triggers a frame
  };
  FrameRoles RolesFromFrame(const std::vector<Tok>& toks, const std::vector<Phrase>& ph,
                            const std::vector<int>& phrase_at, int anchor) const;
  int PhraseOfWord(const std::vector<Tok>& toks, const std::vector<int>& phrase_at, int32_t word) const;
  std::vector<events::Frame> frames_;  // of the sentence being coded
  std::vector<int> frame_of_;          // its words -> frame index
  uint32_t first_word_ = 0;
};

void ArticleCoder::BuildTokens(const Sentence& s, std::vector<Tok>* toks) const {
  toks->clear();
  for (uint32_t i = s.first_token; i < s.end_token && i < a_.tokens.size(); ++i) {
    const Token& t = a_.tokens[i];
    if (t.span.end > a_.body.size() || t.span.start > t.span.end) continue;
    Tok k;
    k.span = t.span;
    k.text = std::string_view(a_.body).substr(t.span.start, t.span.size());
    k.low = std::string_view(lower_).substr(t.span.start, t.span.size());
    k.cap = t.capitalized || t.all_caps;
    k.punct = t.kind == TokenKind::kPunct;
    toks->push_back(k);
  }
}

// Named actors mentioned only by surname ("Okafor") take the full name and the country
// and role the article gives elsewhere ("Secretary of State Amara Okafor").
void ArticleCoder::ResolveNames(std::vector<std::vector<Phrase>>* all) const {
  struct Known {
    std::string name, country, role;
  };
  events::StringMap<Known> full;        // full name -> what is known
  events::StringMap<std::string> part;  // single name word -> full name
  auto words_of = [](const std::string& s) { return events::SplitList(s, ' '); };
  for (auto& phrases : *all)
    for (auto& p : phrases)
      for (auto& m : p.members) {
        if (!m.named || m.entity >= 0) continue;
        auto w = words_of(m.raw);
        if (w.size() < 2) continue;
        Known& k = full[m.raw];
        k.name = m.raw;
        if (k.country.empty()) k.country = m.country;
        if (k.role.empty()) k.role = m.role;
        if (!part.contains(w.back())) part[w.back()] = m.raw;
        if (!part.contains(w.front()) && w.size() == 2) part[w.front()] = m.raw;
      }
  auto lookup = [&](const std::string& raw) -> const Known* {
    std::string key = raw;
    if (auto it = part.find(key); it != part.end() && words_of(key).size() == 1) key = it->second;
    auto it = full.find(key);
    return it == full.end() ? nullptr : &it->second;
  };
  for (auto& phrases : *all)
    for (auto& p : phrases)
      for (auto& m : p.members) {
        if (m.named && m.entity < 0) {
          if (const Known* k = lookup(m.raw)) {
            m.name = k->name;
            if (m.country.empty()) m.country = k->country;
            if (m.role.empty()) m.role = k->role;
          }
        }
        if (m.country.empty() && !m.possessor.empty()) {
          if (const Known* k = lookup(m.possessor)) m.country = k->country;
        }
        m.Finish();
      }
}

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

bool ArticleCoder::MatchPattern(const Pattern& p, int anchor, const std::vector<Tok>& toks,
                                const std::vector<Phrase>& ph, const std::vector<int>& phrase_at, Match* m) const {
  const int n = static_cast<int>(toks.size());
  m->anchor = anchor;
  m->first = m->last = anchor;
  m->literals.assign(1, anchor);
  m->elems = 1;
  // Forward from the anchor.
  int pos = anchor + 1;
  for (size_t e = p.anchor + 1; e < p.elems.size(); ++e) {
    const Elem& el = p.elems[e];
    bool found = false;
    for (int k = pos; k <= pos + el.gap_before && k < n; ++k) {
      if (toks[k].low == ";" || (el.gap_before > 0 && k > pos && toks[k].low == ".")) break;
      if (el.kind == Elem::Kind::kWords) {
        if (!toks[k].punct && el.Matches(toks[k].low)) {
          m->literals.push_back(k);
          m->last = k;
          pos = k + 1;
          found = true;
        }
      } else {
        int q = phrase_at[k];
        if (q >= 0 && ph[q].begin == k) {
          (el.kind == Elem::Kind::kSource ? m->source_phrase : m->target_phrase) = q;
          m->last = ph[q].end - 1;
          pos = ph[q].end;
          found = true;
        }
      }
      if (found) break;
    }
    if (!found) {
      if (el.optional) continue;
      return false;
    }
    ++m->elems;
  }
  // Backward from the anchor (PETRARCH patterns with words before the verb).
  pos = anchor - 1;
  for (int e = p.anchor - 1; e >= 0; --e) {
    const Elem& el = p.elems[e];
    int gap = p.elems[e + 1].gap_before;
    bool found = false;
    for (int k = pos; k >= pos - gap && k >= 0; --k) {
      if (toks[k].low == ";") break;
      if (el.kind == Elem::Kind::kWords) {
        if (!toks[k].punct && el.Matches(toks[k].low)) {
          m->literals.push_back(k);
          m->first = k;
          pos = k - 1;
          found = true;
        }
      } else {
        int q = phrase_at[k];
        if (q >= 0 && ph[q].end - 1 == k) {
          (el.kind == Elem::Kind::kSource ? m->source_phrase : m->target_phrase) = q;
          m->first = ph[q].begin;
          pos = ph[q].begin - 1;
          found = true;
        }
      }
      if (found) break;
    }
    if (!found) {
      if (el.optional) continue;
      return false;
    }
    ++m->elems;
  }
  return true;
}

// The modality kind of the event phrase starting at token `start`: the nearest cue in the
// clause before it ("refused to", "will"), or "cond" for a conditional clause.
std::string ArticleCoder::Modality(const std::vector<Tok>& toks, int start, std::string* cue_text) const {
  for (int i = start - 1; i >= 0 && i >= start - kCueWindow; --i) {
    if (In(toks[i].low, kClauseBreaks)) break;
    for (const auto& cue : d_.cues) {
      int len = static_cast<int>(cue.words.size());
      int b = i - len + 1;
      if (b < 0) continue;
      bool ok = true;
      for (int k = 0; k < len && ok; ++k) {
        const Tok& t = toks[b + k];
        if (t.cap && b + k > 0) {
          ok = false;  // "May" the month, not the modal
          break;
        }
        const std::string& w = cue.words[k];
        if (!w.empty() && w.back() == '*')
          ok = t.low.size() >= w.size() - 1 &&
               t.low.compare(0, w.size() - 1, std::string_view(w).substr(0, w.size() - 1)) == 0;
        else
          ok = t.low == w;
      }
      if (ok) {
        *cue_text = std::string(toks[b].text.data(), toks[i].text.data() + toks[i].text.size());
        return cue.kind;
      }
    }
  }
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

// Two mentions of one actor: the same name, unless both carry different roles ("Colombian
// rebels" and "the Colombian army" are two actors; "Washington" and "the U.S." one).
bool SameActor(const Actor& a, const Actor& b) {
  return a.name == b.name && (a.role.empty() || b.role.empty() || a.role == b.role);
}

bool IsPlaceOnly(const Phrase& p) {
  for (const Actor& a : p.members)
    if (!a.is_place) return false;
  return true;
}

int ArticleCoder::Subject(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int start, int anchor) const {
  for (int q = static_cast<int>(ph.size()) - 1; q >= 0; --q) {
    const Phrase& p = ph[q];
    if (p.end > start) continue;
    if (start - p.end > kSubjectWindow) break;
    bool barrier = false;
    for (int k = p.end; k < start; ++k)
      if (toks[k].low == ";" || toks[k].low == ":" || IsQuote(toks[k].text)) barrier = true;
    if (barrier) break;
    // "thousands of protesters" is a subject; other prepositional objects are not.
    bool quantity = p.prep == "of" && p.begin >= 2 && In(toks[p.begin - 2].low, kQuantities);
    // "with the Biden administration inking an agreement": the actor before a gerund is its subject.
    bool gerund = p.end == start && toks[anchor].low.ends_with("ing") && anchor == start;
    if (!p.prep.empty() && !quantity && !gerund) continue;
    if (IsPlaceOnly(p)) continue;
    if (p.appos >= 0) {
      // Skip an apposition unless the verb is inside it too (no "," between them).
      bool same = true;
      for (int k = p.end; k < start; ++k)
        if (toks[k].low == ",") same = false;
      if (!same) continue;
    }
    return q;
  }
  return -1;
}

int ArticleCoder::Target(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m,
                         int source) const {
  const Actor* source_actor = source >= 0 && !ph[source].members.empty() ? &ph[source].members[0] : nullptr;
  for (size_t q = 0; q < ph.size(); ++q) {
    const Phrase& p = ph[q];
    if (p.begin <= m.anchor) continue;
    if (p.begin - m.last > kTargetWindow) break;
    if (static_cast<int>(q) == source) continue;
    bool overlaps = false;
    for (int l : m.literals)
      if (l >= p.begin && l < p.end) overlaps = true;
    if (overlaps) continue;
    bool barrier = false;
    for (int k = m.last + 1; k < p.begin; ++k)
      if (In(toks[k].low, kTargetBreaks) || IsQuote(toks[k].text)) barrier = true;
    for (int k = m.anchor + 1; k < p.begin && k <= m.last; ++k)
      if (toks[k].low == ";" || IsQuote(toks[k].text)) barrier = true;
    if (barrier) break;
    if (In(p.prep, kLocativePreps) && !d_.locative_targets) continue;
    // The agent of a participle ("a ceasefire brokered by X") is not the object.
    if (p.prep == "by" && p.begin >= 2 && toks[p.begin - 2].low.ends_with("ed")) continue;
    if (IsPlaceOnly(p)) continue;
    if (p.members.size() == 1 && source_actor && SameActor(p.members[0], *source_actor)) continue;
    return static_cast<int>(q);
  }
  return -1;
}

// The "by" phrase shortly after the event words, or -1.
int PassiveAgentAfter(const std::vector<Phrase>& ph, const Match& m) {
  for (size_t q = 0; q < ph.size(); ++q)
    if (ph[q].begin > m.anchor && ph[q].begin - m.last <= 8 && ph[q].prep == "by") return static_cast<int>(q);
  return -1;
}

// For a passive verb ("was rebuffed by X"), the phrase after "by"; -2 when the verb is not
// passive; -1 when it is passive without an agent.
// The phrase that claims the clause whose subject is phrase `src`: "X said <src> ..." or
// "X said (on Monday) that <src> ...", with X right before the speech verb; -1 when there
// is none.
int ArticleCoder::Accuser(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int src) const {
  if (src < 0 || In(toks[ph[src].begin].low, kPronouns)) return -1;  // "police said they had ..."
  // Right after the verb, or after "that" with a few words between it and the verb
  // ("said on Monday that ...").
  int k = ph[src].begin - 1;
  int reach = 1;
  if (k >= 0 && toks[k].low == "that") {
    --k;
    reach = 5;
  }
  for (int skipped = 0; k >= 0 && skipped < reach; --k, ++skipped) {
    std::string_view w = toks[k].low;
    if (w == "," || w == ";" || w == ":" || w == "and" || w == "but" || IsQuote(toks[k].text)) return -1;
    if (!In(w, kClaimVerbs)) continue;
    for (size_t q = 0; q < ph.size(); ++q) {
      if (ph[q].end != k || static_cast<int>(q) == src || ph[q].members.empty()) continue;
      if (In(toks[ph[q].begin].low, kPronouns)) return -1;  // a named or described accuser only
      return static_cast<int>(q);
    }
    return -1;
  }
  return -1;
}

int ArticleCoder::PassiveAgent(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m) const {
  int k = m.anchor - 1;
  while (k >= 0 && (toks[k].low == "also" || toks[k].low == "reportedly" ||
                    (toks[k].low.size() > 3 && toks[k].low.ends_with("ly"))))
    --k;
  if (k < 0 || !In(toks[k].low, kBeForms)) return -2;
  std::string_view v = toks[m.anchor].low;
  if (!(v.ends_with("ed") || v.ends_with("en") || v == "met" || v == "held" || v == "shot" || v == "hit" ||
        v == "struck" || v == "freed" || v == "fought"))
    return -2;
  return PassiveAgentAfter(ph, m);
}

std::string ArticleCoder::Location(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m,
                                   std::string* country) const {
  int best = -1, best_dist = 1 << 30;
  for (size_t q = 0; q < ph.size(); ++q) {
    const Phrase& p = ph[q];
    if (p.prep != "in" && p.prep != "at") continue;
    const Actor& a = p.members[0];
    // Places: dictionary states and capitals, LOC entities, or a bare name after "in".
    bool bare_name = a.named && a.entity < 0 && a.role.empty() && a.country.empty() && p.prep == "in";
    if (a.place.empty() && !a.is_place && !bare_name) continue;
    int dist = p.begin > m.anchor ? p.begin - m.last : (m.anchor - p.end) * 2;
    if (dist < best_dist) {
      best_dist = dist;
      best = static_cast<int>(q);
    }
  }
  if (best < 0) return {};
  const Actor& a = ph[best].members[0];
  *country = a.country;
  return a.place.empty() ? a.name : a.place;
}

std::string TitleCase(std::string_view s) {
  std::string out;
  bool start = true;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
    start = c == ' ' || c == '-';
  }
  return out;
}

void ArticleCoder::CodeSentence(int si, const std::vector<Tok>& toks, std::vector<Phrase>& ph) {
  const int n = static_cast<int>(toks.size());
  if (n == 0) return;
  if (toks.back().text == "?" || (n >= 2 && toks[n - 2].text == "?" && IsQuote(toks[n - 1].text))) return;
  if (Discarded(toks, d_.discards)) return;
  std::vector<int> phrase_at(n, -1);
  for (size_t q = 0; q < ph.size(); ++q)
    for (int k = ph[q].begin; k < ph[q].end && k < n; ++k) phrase_at[k] = static_cast<int>(q);
  first_word_ = a_.sentences[si].first_word;
  frames_ = events::BuildFrames(a_, a_.sentences[si], d_.frame_words, &frame_of_);
  std::vector<bool> in_quote(n, false);
  bool open = false;
  for (int k = 0; k < n; ++k) {
    if (IsQuote(toks[k].text)) {
      open = toks[k].text == "\xE2\x80\x9C" ? true : toks[k].text == "\xE2\x80\x9D" ? false : !open;
      continue;
    }
    in_quote[k] = open;
  }

  // 1. Pattern matches, the best per anchor.
  std::vector<Match> matches;
  std::vector<uint32_t> cands;
  for (int k = 0; k < n && matches.size() < kMaxMatchesPerSentence; ++k) {
    if (toks[k].punct || in_quote[k]) continue;
    if (phrase_at[k] >= 0) continue;  // "protesters" is an actor, not a protest
    cands.clear();
    d_.verbs.Candidates(toks[k].low, &cands);
    Match best;
    bool have = false;
    for (uint32_t c : cands) {
      Match m;
      m.pattern = c;
      if (!MatchPattern(d_.verbs.at(c), k, toks, ph, phrase_at, &m)) continue;
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

  // 3. Events.
  int scope_from = n;
  int scope_src = -1;  // the source phrase of the match that opened the scope
  int prev_anchor = -100;
  for (size_t i = 0; i < matches.size(); ++i) {
    if (!keep[i]) continue;
    const Match& m = matches[i];
    const Pattern& p = d_.verbs.at(m.pattern);
    if (m.anchor > scope_from && m.anchor <= scope_from + 14 && !p.has_source_slot) {
      // A new clause ends the scope ("..., and X did Y"), and so does a second predicate of
      // the same subject ("rejected the criticism and accused ..."), but not a verb whose
      // nearest subject lies inside the first verb's content ("repeated accusations that
      // Washington hacks ... and complained").
      bool crossed = m.first > 0 && toks[m.first - 1].low == "and" && scope_src >= 0 &&
                     Subject(toks, ph, m.first, m.anchor) == scope_src;
      for (int k = scope_from + 1; k < m.anchor; ++k)
        if (toks[k].low == ";" || toks[k].low == "but" || (toks[k].low == "and" && toks[k - 1].low == ","))
          crossed = true;
      if (!crossed) continue;
    }
    std::string code = p.code;
    std::string cue;
    std::string kind = p.nomod ? "" : Modality(toks, m.first, &cue);
    // An infinitive right after another event verb is its content ("pressed X to release").
    bool complement = m.first > 0 && toks[m.first - 1].low == "to" && m.anchor - prev_anchor <= 8 && kind.empty();
    prev_anchor = m.anchor;
    if (complement) continue;
    if (code == "---") continue;  // a PETRARCH null-coded pattern: matched, nothing to code
    if (!kind.empty()) {
      std::string mapped = d_.MapModality(kind, code);
      if (mapped == "-") continue;
      if (!mapped.empty()) code = mapped;
    }
    // Source and target.
    int src = m.source_phrase, tgt = m.target_phrase;
    int agent = (src < 0 && tgt < 0) ? PassiveAgent(toks, ph, m) : -2;
    // A reduced passive: "a ceasefire brokered by Malaysia".
    if (agent == -2 && src < 0 && tgt < 0 && toks[m.anchor].low.ends_with("ed") && m.anchor + 1 < n &&
        toks[m.anchor + 1].low == "by") {
      int by = PassiveAgentAfter(ph, m);
      if (by >= 0 && ph[by].begin == m.anchor + 2) agent = by;
    }
    if (agent != -2) {
      if (agent < 0) continue;
      tgt = Subject(toks, ph, m.first, m.anchor);
      src = agent;
    } else {
      // "Russia's war in Ukraine": a possessive right before the event noun is its agent.
      for (size_t q = 0; q < ph.size() && src < 0; ++q)
        if (ph[q].possessive && ph[q].end == m.first) src = static_cast<int>(q);
      // "the shootdown of ...": a definite event noun has no subject of its own.
      bool nominal = m.first > 0 && In(toks[m.first - 1].low, kDefinite);
      if (src < 0 && !nominal) src = Subject(toks, ph, m.first, m.anchor);
      if (src < 0 && nominal) {
        int by = PassiveAgentAfter(ph, m);
        if (by >= 0) src = by;
      }
      bool group = src >= 0 && p.sym && ph[src].members.size() >= 2 && !p.has_target_slot;
      if (tgt < 0 && !group && !BothSides(toks, m)) tgt = Target(toks, ph, m, src);
      if (tgt < 0 && !group && p.has_source_slot) tgt = Subject(toks, ph, m.first, m.anchor);
      static const int mode = getenv("NG_FRAMES") ? atoi(getenv("NG_FRAMES")) : 0;
      if (mode > 0 && m.source_phrase < 0 && m.target_phrase < 0) {
        FrameRoles fr = RolesFromFrame(toks, ph, phrase_at, m.anchor);
        if (fr.found) {
          if (fr.subject >= 0 && ((mode & 2) || src < 0)) src = fr.subject;
          if (!group && fr.target >= 0 && ((mode & 4) || (tgt < 0 && (mode & 8))) && fr.target != src) tgt = fr.target;
        }
      }
    }
    if (src < 0) continue;
    // Actors taken from the last dyad point into this copy: coding this event may replace it.
    dyad_ = last_dyad_;
    std::vector<const Actor*> S, T;
    for (const Actor& a : ph[src].members)
      if (S.size() < kMaxGroup) S.push_back(&a);
    if (tgt >= 0)
      for (const Actor& a : ph[tgt].members)
        if (T.size() < kMaxGroup) T.push_back(&a);
    // "The two ministers signed ...": the subject is the last dyad.
    if (S.size() == 1 && !S[0]->named && last_dyad_.size() == 2 && ph[src].begin < n &&
        ph[src].end - ph[src].begin >= 2 &&
        (toks[ph[src].begin].low == "two" || toks[ph[src].begin].low == "both" ||
         (ph[src].begin + 1 < n && (toks[ph[src].begin + 1].low == "two" || toks[ph[src].begin + 1].low == "both")))) {
      S = {&dyad_[0], &dyad_[1]};
      if (tgt >= 0 && !p.has_target_slot) {
        T.clear();
        tgt = -1;
      }
    }
    if (T.size() == 1 && !T[0]->named && last_dyad_.size() == 2 && tgt >= 0 && ph[tgt].begin + 1 < n &&
        (toks[ph[tgt].begin].low == "two" || toks[ph[tgt].begin + 1].low == "two" ||
         toks[ph[tgt].begin].low == "both")) {
      T = {&dyad_[0], &dyad_[1]};
    }
    // "condemned the attack": the target is whoever carried out the event referred to.
    if (T.empty() && tgt < 0) {
      for (int k = m.anchor + 1; k < n && k <= m.last + 3; ++k) {
        if (In(toks[k].low, kTargetBreaks)) break;
        auto it = d_.event_nouns.find(toks[k].low);
        if (it == d_.event_nouns.end() || !(k > 0 && In(toks[k - 1].low, kDefinite))) continue;
        // The noun's codes in the order its line gives them ("attack": an 18 assault before
        // a 19 fight), the latest such event first.
        for (const std::string& pre : it->second) {
          for (auto ev = history_.rbegin(); ev != history_.rend() && T.empty(); ++ev) {
            bool fits = pre == "*" || ev->second.starts_with(pre);
            bool self = false;
            for (const Actor* a : S) self |= a->name == ev->first.name;
            if (fits && !self) {
              referent_ = ev->first;
              T.push_back(&referent_);
            }
          }
          if (!T.empty()) break;
        }
        break;
      }
    }
    // Aid given or pledged with no recipient named in the sentence goes to the country the
    // story is about.
    const std::optional<Actor>& recipient = focus_.has_value() ? focus_ : home_;
    bool aid = code.compare(0, 2, "07") == 0 || code.compare(0, 3, "033") == 0;  // given or pledged
    if (tgt < 0 && T.empty() && recipient.has_value() && aid) {
      bool self = false;
      for (const Actor* a : S) self |= a->country == recipient->country;
      if (!self) T.push_back(&*recipient);
    }
    // Fighting with no target named ("Thai forces responded with artillery") is against
    // the other side of the last hostile event the source's country took part in.
    if (tgt < 0 && T.empty() && fight_dyad_.size() == 2 && code.compare(0, 2, "19") == 0 && S.size() == 1) {
      fight_ = fight_dyad_;
      if (S[0]->country == fight_[0].country) T.push_back(&fight_[1]);
      else if (S[0]->country == fight_[1].country) T.push_back(&fight_[0]);
    }
    // An appeal for restraint or calm with no addressee goes to the parties of the conflict.
    if (tgt < 0 && T.empty() && last_dyad_.size() == 2 && code == "0256") {
      bool party = false;
      for (const Actor* a : S) party |= SameActor(*a, last_dyad_[0]) || SameActor(*a, last_dyad_[1]);
      if (!party) T = {&dyad_[0], &dyad_[1]};
    }
    // "urged both sides", "thanked both governments": one event per side of the last dyad.
    if (tgt < 0 && T.empty() && BothSides(toks, m))
      for (const Actor& a : dyad_) T.push_back(&a);
    std::vector<std::pair<const Actor*, const Actor*>> pairs;
    if (T.empty() || (p.sym && S.size() >= 2 && !p.has_target_slot && m.target_phrase < 0 && tgt < 0 && T.empty())) {
      if (p.sym && S.size() >= 2) {
        for (size_t x = 0; x < S.size(); ++x)
          for (size_t y = x + 1; y < S.size(); ++y) pairs.emplace_back(S[x], S[y]);
      } else if (code.size() >= 2 &&
                 (code.compare(0, 2, "14") == 0 || code.compare(0, 2, "15") == 0 || code.compare(0, 2, "17") == 0 ||
                  code.compare(0, 2, "18") == 0 || code.compare(0, 2, "11") == 0)) {
        for (const Actor* s : S) pairs.emplace_back(s, nullptr);
      }
    } else {
      for (const Actor* s : S)
        for (const Actor* t : T)
          if (!SameActor(*s, *t)) pairs.emplace_back(s, t);
    }
    // "The army said Cambodian soldiers had opened fire": a hostile act the text reports as
    // someone's claim is also that someone's accusation (112) against the act's source.
    if (kind.empty() && code.compare(0, 2, "12") >= 0 && code.compare(0, 2, "20") <= 0) {
      int accuser = Accuser(toks, ph, src);
      if (accuser >= 0) {
        const Actor* who = &ph[accuser].members[0];
        Actor who_country;
        if (AsCountry(*who, &who_country)) who = &who_country;
        std::string loc_country;
        std::string location = Location(toks, ph, m, &loc_country);
        events::When when = events::FindWhen(d_, toks, m.anchor, m.last, date_, false);
        Span evidence{toks[ph[accuser].begin].span.start, toks[std::min(n - 1, m.last)].span.end};
        for (const Actor* s0 : S) {
          Actor s_country;
          const Actor* sa = AsCountry(*s0, &s_country) ? &s_country : s0;
          if (SameActor(*who, *sa)) continue;
          Event e = NewEvent(*who, sa, "112", si, evidence);
          e.location = location;
          e.when = when.text;
          e.date = when.date;
          e.rule = "allegation: " + p.rule + " " + p.code + " \"" + p.text + "\" reported by its accuser";
          if (!FirstTime(e, false)) continue;
          history_.emplace_back(*who, "112");
          a_.events.push_back(std::move(e));
        }
      }
    }
    if (pairs.empty()) {
      // Not coded (no target), but "the attack" may refer to it later.
      if (T.empty() && S.size() == 1 && code.size() >= 2 && code[0] == '1' && code[1] >= '7')
        history_.emplace_back(*S[0], code);
      continue;
    }
    for (auto [s, t] : pairs) history_.emplace_back(*s, code);
    if (p.scope) {
      scope_from = m.anchor;
      scope_src = src;
    }
    std::string loc_country;
    std::string location = Location(toks, ph, m, &loc_country);
    if (location.empty() && p.tgtloc && tgt >= 0) {
      const Actor& t0 = ph[tgt].members[0];
      location = t0.place.empty() ? t0.name : t0.place;
      loc_country = t0.country;
    }
    const Sentence& sent = a_.sentences[si];
    if (location.empty() && sent.paragraph == 0 && !a_.dateline.empty()) location = TitleCase(a_.dateline);
    events::When when =
        events::FindWhen(d_, toks, m.anchor, m.last, date_, code.size() >= 2 && code[0] == '0' && code[1] == '3');
    int ev_first = std::min({m.first, ph[src].begin, tgt >= 0 ? ph[tgt].begin : m.first});
    int ev_last = std::max({m.last, ph[src].end - 1, tgt >= 0 ? ph[tgt].end - 1 : m.last});
    ev_first = std::max(0, ev_first);
    ev_last = std::min(n - 1, ev_last);
    bool in_dyad_update = false;
    for (auto [s0, t0] : pairs) {
      const Actor* s = s0;
      const Actor* t = t0;
      Actor s_country, t_country;
      if (AsCountry(*s, &s_country)) s = &s_country;
      if (t && AsCountry(*t, &t_country)) t = &t_country;
      if (t && SameActor(*s, *t)) continue;
      // A meeting in a third country.
      std::string cameo = code;
      if (cameo == "040" && !loc_country.empty() && (!s->country.empty() || (t && !t->country.empty())) &&
          s->country != loc_country && (t == nullptr || t->country != loc_country))
        cameo = "044";
      Event e = NewEvent(*s, t, cameo, si, Span{toks[ev_first].span.start, toks[ev_last].span.end});
      e.location = location;
      e.when = when.text;
      e.date = when.date;
      e.rule = p.rule + " " + p.code + " \"" + p.text + "\"";
      if (!kind.empty()) e.rule += " + " + kind + " \"" + cue + "\"";
      if (!FirstTime(e, p.sym)) continue;
      if (t && !s->country.empty() && !t->country.empty() && s->country != t->country && !in_dyad_update) {
        last_dyad_ = {*s, *t};
        in_dyad_update = true;
        if (e.root >= "11" && e.root <= "20") fight_dyad_ = last_dyad_;
      }
      a_.events.push_back(std::move(e));
    }
  }
}

// The story's country: the dateline's, else the country its actors name most. Unnamed
// officials, police or troops with no country ("the government") are taken as its own.
void ArticleCoder::FindHome(std::vector<std::vector<Phrase>>* all) {
  std::string home;
  // The dateline is "CITY" or "CITY, Country" (or a region): the first of its parts that
  // names a known actor, else a LOC entity with a country, gives the story's country.
  for (const std::string& raw : events::SplitList(a_.dateline, ',')) {
    if (!home.empty()) break;
    std::string part = TitleCase(raw);
    if (part.empty()) continue;
    std::vector<std::string> words = events::SplitList(part, ' ');
    uint32_t entry = 0;
    int len = d_.actor_phrases.Longest(
        0, static_cast<int>(words.size()),
        [&](int k, bool lower) -> std::string_view {
          static thread_local std::string tmp;
          tmp = lower ? events::ToLower(words[k]) : words[k];
          return tmp;
        },
        &entry);
    if (len > 0) home = d_.actors[entry].country;
    for (size_t i = 0; i < a_.entities.size() && home.empty(); ++i) {
      const Entity& e = a_.entities[i];
      bool same = e.name == part;
      for (const auto& al : e.aliases) same |= al == part;
      if (same && e.type == EntityType::kLoc && !e.country.empty()) home = e.country;
    }
  }
  // The country the article's actors name most: the story's country when no dateline
  // gives one, and the recipient of aid with none named (a story datelined Geneva about
  // aid to Congo is about Congo).
  std::map<std::string, int> count;
  for (const auto& phrases : *all)
    for (const auto& p : phrases)
      for (const auto& m : p.members)
        if (!m.country.empty() && d_.country_names.contains(m.country)) ++count[m.country];
  std::string most;
  int best = 0;
  for (const auto& [c, k] : count)
    if (k > best) {
      best = k;
      most = c;
    }
  // A dateline names where the reporter is; a story from Strasbourg or Geneva about Turkey
  // is about Turkey: the most named country wins when named twice as often.
  if (home.empty() || (!most.empty() && most != home && count[most] >= 2 * std::max(1, count[home]))) home = most;
  focus_ = CountryActor(most);
  home_ = CountryActor(home);
  if (!home_) return;
  for (auto& phrases : *all)
    for (auto& p : phrases)
      for (auto& m : p.members) GiveCountry(*home_, &m);
}

Actor ArticleCoder::EntityActor(int entity, const std::vector<std::vector<Phrase>>& all) const {
  for (const auto& phrases : all)
    for (const Phrase& p : phrases)
      for (const Actor& m : p.members)
        if (m.entity == entity) return m;
  const Entity& e = a_.entities[entity];
  Actor a;
  a.name = a.raw = e.name;
  a.country = e.country;
  a.named = true;
  a.entity = entity;
  a.is_place = e.type == EntityType::kLoc;
  if (a.is_place) a.place = e.name;
  a.Finish();
  return a;
}

void ArticleCoder::AddMentionPhrases(const std::vector<std::vector<Tok>>& toks,
                                     std::vector<std::vector<Phrase>>* all) const {
  size_t si = 0;
  for (const Mention& mention : a_.mentions) {
    if (mention.kind == MentionKind::kName || mention.entity < 0 ||
        mention.entity >= static_cast<int>(a_.entities.size()))
      continue;
    while (si < a_.sentences.size() && a_.sentences[si].span.end <= mention.span.start) ++si;
    if (si >= a_.sentences.size()) break;
    const std::vector<Tok>& ts = toks[si];
    int b = -1, e = -1;
    for (int k = 0; k < static_cast<int>(ts.size()); ++k) {
      if (ts[k].span.end <= mention.span.start || ts[k].span.start >= mention.span.end) continue;
      if (b < 0) b = k;
      e = k + 1;
    }
    if (b < 0) continue;
    std::vector<Phrase>& ph = (*all)[si];
    auto at = std::find_if(ph.begin(), ph.end(), [&](const Phrase& p) { return p.end > b; });
    if (at != ph.end() && at->begin < e) {
      // A described actor ("the minister") that coreference resolved is that entity; a
      // named one keeps its own reading.
      if (at->members.size() == 1 && !at->members[0].named) {
        at->members[0] = EntityActor(mention.entity, *all);
        at->members[0].detail = std::string(a_.Text(mention.span));
      }
      continue;
    }
    Phrase p;
    p.begin = b;
    p.end = e;
    p.members.push_back(EntityActor(mention.entity, *all));
    p.members.back().detail = std::string(a_.Text(mention.span));
    if (b > 0 && events::IsPreposition(ts[b - 1].low)) p.prep = ts[b - 1].low;
    ph.insert(at, std::move(p));
  }
}

int ArticleCoder::PhraseOfWord(const std::vector<Tok>& toks, const std::vector<int>& phrase_at, int32_t word) const {
  if (word < 0) return -1;
  uint32_t off = a_.words[word].span.start;
  auto it = std::upper_bound(toks.begin(), toks.end(), off, [](uint32_t o, const Tok& t) { return o < t.span.start; });
  if (it == toks.begin()) return -1;
  int k = static_cast<int>(it - toks.begin()) - 1;
  return off < toks[k].span.end ? phrase_at[k] : -1;
}

ArticleCoder::FrameRoles ArticleCoder::RolesFromFrame(const std::vector<Tok>& toks, const std::vector<Phrase>& ph,
                                                      const std::vector<int>& phrase_at, int anchor) const {
  FrameRoles r;
  int32_t w = WordAt(a_, toks[anchor].span.start);
  if (w < static_cast<int32_t>(first_word_) || w - first_word_ >= frame_of_.size()) return r;
  int f = frame_of_[w - first_word_];
  if (f < 0) return r;
  const events::Frame& fr = frames_[f];
  r.found = true;
  r.subject = PhraseOfWord(toks, phrase_at, fr.subject);
  for (int32_t t : {fr.object, fr.iobj}) {
    int q = PhraseOfWord(toks, phrase_at, t);
    if (q >= 0 && q != r.subject && !IsPlaceOnly(ph[q])) {
      r.target = q;
      return r;
    }
  }
  for (const events::Oblique& o : fr.obliques) {
    if (In(o.prep, kLocativePreps) || o.prep == "by") continue;
    int q = PhraseOfWord(toks, phrase_at, o.word);
    if (q >= 0 && q != r.subject && !IsPlaceOnly(ph[q])) {
      r.target = q;
      return r;
    }
  }
  return r;
}

void ArticleCoder::Run() {
  a_.events.clear();
  std::vector<std::vector<Tok>> toks(a_.sentences.size());
  std::vector<std::vector<Phrase>> phrases(a_.sentences.size());
  for (size_t si = 0; si < a_.sentences.size(); ++si) {
    BuildTokens(a_.sentences[si], &toks[si]);
    if (Discarded(toks[si], d_.story_discards)) {
      return;
    }
    phrases[si] = events::FindPhrases(
        d_, toks[si], a_, ents_, date_.ok() ? date_.y * 10000 + date_.m * 100 + date_.d : 0, kMaxPhrasesPerSentence);
  }
  // "farmers in France", "police in Tbilisi": an unnamed actor right before "in <place>"
  // belongs to the place's country (before the story's country is given to the rest).
  for (size_t si = 0; si < phrases.size(); ++si) {
    std::vector<Phrase>& ph = phrases[si];
    for (size_t q = 0; q + 1 < ph.size(); ++q) {
      const Phrase& next = ph[q + 1];
      if (next.prep != "in" || next.begin != ph[q].end + 1 || next.members.empty()) continue;
      const Actor& place = next.members[0];
      if (!(place.is_place || !place.place.empty() || place.named)) continue;
      std::optional<Actor> country = CountryActor(place.country);
      if (!country) continue;
      for (Actor& m : ph[q].members) GiveCountry(*country, &m);
    }
  }
  ResolveNames(&phrases);
  FindHome(&phrases);
  AddMentionPhrases(toks, &phrases);
  for (size_t si = 0; si < a_.sentences.size(); ++si) CodeSentence(static_cast<int>(si), toks[si], phrases[si]);
}

}  // namespace

EventCoder::EventCoder(std::unique_ptr<const events::Dictionaries> dicts) : dicts_(std::move(dicts)) {}
EventCoder::~EventCoder() = default;

StatusOr<std::unique_ptr<EventCoder>> EventCoder::Create(const EventCoderOptions& options) {
  auto d = std::make_unique<events::Dictionaries>();
  Status s = events::LoadOwnDictionaries(d.get(), options.own_dictionaries);
  if (!s.ok()) return s;
  if (!options.dictionaries_dir.empty()) {
    s = events::LoadPetrarchDirectory(options.dictionaries_dir, d.get());
    if (!s.ok()) return s;
  }
  return std::make_unique<EventCoder>(std::move(d));
}

void EventCoder::Code(Analysis* analysis) const { ArticleCoder(*dicts_, analysis).Run(); }

}  // namespace newsgraph
