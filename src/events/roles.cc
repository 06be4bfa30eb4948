// Source and target of a pattern match. In order: the pattern's `$`/`+` slots; the "by"
// actor of a passive ("was rebuffed by X", "a ceasefire brokered by X"), whose subject is
// the target; a possessive before an event noun ("Russia's war"); the nearest actor phrase
// before the verb that is not a prepositional object nor inside an apposition, else the
// subject the dependency parse gives the verb's frame (frames.h: through conj, xcomp,
// relative clauses); the target is the first actor after the verb in the same clause that
// is not a place or a time.
#include "core/words.h"
#include "events/coder.h"

namespace newsgraph::events {

namespace {

constexpr int kSubjectWindow = 40;  // tokens searched back for a subject
constexpr int kTargetWindow = 16;   // tokens searched forward for a target
constexpr std::string_view kBeForms[] = {"was", "were", "is", "are", "been", "being", "be", "got", "get", "gets"};
constexpr std::string_view kQuantities[] = {"thousands", "hundreds", "dozens", "scores", "millions", "crowds", "groups",
                                            "group",     "crowd",    "number", "some",   "many",     "all"};

// The "by" phrase shortly after the event words, or -1.
int PassiveAgentAfter(const std::vector<Phrase>& ph, const Match& m) {
  for (size_t q = 0; q < ph.size(); ++q)
    if (ph[q].begin > m.anchor && ph[q].begin - m.last <= 8 && ph[q].prep == "by") return static_cast<int>(q);
  return -1;
}

bool Barrier(const std::vector<Tok>& toks, int from, int to) {
  for (int k = from; k < to; ++k)
    if (toks[k].low == ";" || toks[k].low == ":" || IsQuote(toks[k].text)) return true;
  return false;
}

}  // namespace

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
    if (Barrier(toks, p.end, start)) break;
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
    if (std::any_of(m.literals.begin(), m.literals.end(), [&](int l) { return l >= p.begin && l < p.end; })) continue;
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

// For a passive verb ("was rebuffed by X"), the phrase after "by"; -2 when the verb is not
// passive; -1 when it is passive without an agent.
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

int ArticleCoder::TokenOfWord(const Sent& s, int32_t word) const {
  if (word < 0 || word >= static_cast<int32_t>(a_.words.size())) return -1;
  uint32_t off = a_.words[word].span.start;
  auto it =
      std::upper_bound(s.toks.begin(), s.toks.end(), off, [](uint32_t o, const Tok& t) { return o < t.span.start; });
  if (it == s.toks.begin()) return -1;
  int k = static_cast<int>(it - s.toks.begin()) - 1;
  return off < s.toks[k].span.end ? k : -1;
}

int ArticleCoder::PhraseOfWord(const Sent& s, int32_t word) const {
  int k = TokenOfWord(s, word);
  return k < 0 ? -1 : s.phrase_at[k];
}

const Frame* ArticleCoder::FrameAt(const Sent& s, int anchor) const {
  int32_t w = WordAt(a_, s.toks[anchor].span.start);
  if (w < static_cast<int32_t>(first_word_) || static_cast<size_t>(w - first_word_) >= frame_of_.size()) return nullptr;
  int f = frame_of_[w - first_word_];
  return f < 0 ? nullptr : &frames_[f];
}

// The actor phrase holding the subject of the frame that token `anchor` triggers, or -1.
int ArticleCoder::FrameSubject(const Sent& s, int anchor) const {
  const Frame* f = FrameAt(s, anchor);
  if (f == nullptr) return -1;
  int q = PhraseOfWord(s, f->subject);
  return q >= 0 && !IsPlaceOnly(s.ph[q]) ? q : -1;
}

// Roles when the pattern has no slot and the verb is not passive.
void ArticleCoder::SurfaceRoles(const Sent& s, Draft* d) const {
  const Match& m = d->m;
  // "Russia's war in Ukraine": a possessive right before the event noun is its agent.
  for (size_t q = 0; q < s.ph.size() && d->src < 0; ++q)
    if (s.ph[q].possessive && s.ph[q].end == m.first) d->src = static_cast<int>(q);
  // "the shootdown of ...": a definite event noun has no subject of its own.
  bool nominal = m.first > 0 && In(s.toks[m.first - 1].low, kDefinite);
  if (d->src < 0 && !nominal) d->src = Subject(s.toks, s.ph, m.first, m.anchor);
  if (d->src < 0 && nominal) d->src = PassiveAgentAfter(s.ph, m);
  // The parse's subject where the words before the verb give none ("the envoy, who last
  // month ... , arrived").
  if (d->src < 0 && !nominal && On(kFrameSubject) && m.source_phrase < 0 && m.target_phrase < 0)
    d->src = FrameSubject(s, m.anchor);
  bool group = d->src >= 0 && d->p.sym && s.ph[d->src].members.size() >= 2 && !d->p.has_target_slot;
  bool both = On(kBothSides) && BothSidesAfter(s, m);
  if (d->tgt < 0 && !group && !both) d->tgt = Target(s.toks, s.ph, m, d->src);
  if (d->tgt < 0 && !group && d->p.has_source_slot) d->tgt = Subject(s.toks, s.ph, m.first, m.anchor);
}

// Source and target phrases of the match; false when it has no source.
bool ArticleCoder::FindRoles(const Sent& s, Draft* d) const {
  const Match& m = d->m;
  d->src = m.source_phrase;
  d->tgt = m.target_phrase;
  int agent = (d->src < 0 && d->tgt < 0) ? PassiveAgent(s.toks, s.ph, m) : -2;
  // A reduced passive: "a ceasefire brokered by Malaysia".
  if (agent == -2 && d->src < 0 && d->tgt < 0 && s.toks[m.anchor].low.ends_with("ed") && m.anchor + 1 < s.n &&
      s.toks[m.anchor + 1].low == "by") {
    int by = PassiveAgentAfter(s.ph, m);
    if (by >= 0 && s.ph[by].begin == m.anchor + 2) agent = by;
  }
  // A passive the parse shows where the words before the verb do not ("was arrested and
  // charged"): the agent acts, if any.
  if (agent == -2 && d->src < 0 && d->tgt < 0 && On(kFrameSubject))
    if (const Frame* f = FrameAt(s, m.anchor); f != nullptr && f->passive && !f->noun)
      agent = f->subject >= 0 ? PhraseOfWord(s, f->subject) : -1;
  if (agent != -2) {
    if (agent < 0) return ImplicitAuthority(s, d);
    d->tgt = Subject(s.toks, s.ph, m.first, m.anchor);
    d->src = agent;
  } else {
    SurfaceRoles(s, d);
  }
  return d->src >= 0;
}

// "X was arrested": an act only a state's authorities do (codes.tsv flag `authority`),
// written as a passive without agent, is done by the story's country; the patient is the
// target. The source is an actor phrase of its own, empty in the text, that CodeMatch
// removes again.
bool ArticleCoder::ImplicitAuthority(const Sent& s, Draft* d) const {
  if (!On(kImplicitAuthority) || !home_ || !d_.Info(d->code).authority) return false;
  const Match& m = d->m;
  int patient = Subject(s.toks, s.ph, m.first, m.anchor);
  if (patient < 0 || s.ph.size() >= kMaxPhrasesPerSentence) return false;
  Phrase authorities;
  authorities.begin = authorities.end = m.anchor;
  authorities.members.push_back(*home_);
  authorities.members.back().detail = "authorities";
  s.ph.push_back(std::move(authorities));
  d->src = static_cast<int>(s.ph.size()) - 1;
  d->tgt = patient;
  d->implicit_source = true;
  return true;
}

// The actors on each side: the members of the source and target phrases, at most kMaxGroup.
void ArticleCoder::ActorSets(const Sent& s, Draft* d) {
  // Actors taken from the last dyad point into this copy: coding this event may replace it.
  dyad_ = last_dyad_;
  for (const Actor& a : s.ph[d->src].members)
    if (d->S.size() < kMaxGroup) d->S.push_back(&a);
  if (d->tgt >= 0)
    for (const Actor& a : s.ph[d->tgt].members)
      if (d->T.size() < kMaxGroup) d->T.push_back(&a);
}

}  // namespace newsgraph::events
