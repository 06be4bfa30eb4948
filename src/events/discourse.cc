// Inferences across the events of an article, one named rule each (kRuleNames in events.h;
// EventCoderOptions::rules_off switches any of them off, to measure it alone):
//
//   both_sides            "urged both sides", "the two ministers": the two sides of the
//                         last dyadic event between two countries
//   attack_refers_back    "condemned the attack": the target is whoever carried out the
//                         latest earlier event the noun refers to (data/events/event_nouns.tsv)
//   aid_recipient         aid given or pledged with no recipient named goes to the country
//                         the story is about (codes.tsv flag `aid`)
//   fight_other_side      fighting with no target is against the other side of the source
//                         country's last hostile event (flags `fight`, `hostile`)
//   restraint_to_parties  an appeal for calm with no addressee goes to the conflict's
//                         parties (flag `restraint`)
//   reported_accusation   a hostile act reported as someone's claim ("the army said X
//                         shelled ...") is that someone's accusation (112) against the
//                         actor (flag `accusation`), and not coded as a fact
#include "events/coder.h"

namespace newsgraph::events {

namespace {

constexpr std::string_view kSideWords[] = {"sides", "countries", "parties", "nations", "governments"};
// Verbs that report a claim: "the army said (that) ...".
constexpr std::string_view kClaimVerbs[] = {"said", "says", "claimed", "claims", "alleged", "alleges", "charged"};

// "two ministers", "both sides": the phrase counts two.
bool CountsTwo(const std::vector<Tok>& toks, const Phrase& p, bool with_both_second) {
  int n = static_cast<int>(toks.size());
  if (p.begin >= n) return false;
  std::string_view w0 = toks[p.begin].low;
  std::string_view w1 = p.begin + 1 < n ? toks[p.begin + 1].low : std::string_view();
  return w0 == "two" || w0 == "both" || w1 == "two" || (with_both_second && w1 == "both");
}

}  // namespace

// "both sides", "the two countries" right after the event's words, with a dyad to stand for.
bool ArticleCoder::BothSidesAfter(const Sent& s, const Match& m) const {
  if (last_dyad_.size() != 2) return false;
  for (int k = m.anchor + 1; k + 1 < s.n && k <= m.last + 4; ++k)
    if ((s.toks[k].low == "both" || s.toks[k].low == "two") && In(s.toks[k + 1].low, kSideWords)) return true;
  return false;
}

// "The two ministers signed ...": the subject (or target) is the last dyad.
void ArticleCoder::TwoLeaders(const Sent& s, Draft* d) {
  if (last_dyad_.size() != 2) return;
  const Phrase& src = s.ph[d->src];
  if (d->S.size() == 1 && !d->S[0]->named && src.end - src.begin >= 2 && CountsTwo(s.toks, src, true)) {
    d->S = {&dyad_[0], &dyad_[1]};
    if (d->tgt >= 0 && !d->p.has_target_slot) {
      d->T.clear();
      d->tgt = -1;
    }
  }
  if (d->T.size() == 1 && !d->T[0]->named && d->tgt >= 0 && s.ph[d->tgt].begin + 1 < s.n &&
      CountsTwo(s.toks, s.ph[d->tgt], false))
    d->T = {&dyad_[0], &dyad_[1]};
}

void ArticleCoder::AttackRefersBack(const Sent& s, Draft* d) {
  const Match& m = d->m;
  for (int k = m.anchor + 1; k < s.n && k <= m.last + 3; ++k) {
    if (In(s.toks[k].low, kTargetBreaks)) break;
    auto it = d_.event_nouns.find(s.toks[k].low);
    if (it == d_.event_nouns.end() || !(k > 0 && In(s.toks[k - 1].low, kDefinite))) continue;
    // The noun's codes in the order its line gives them ("attack": an 18 assault before
    // a 19 fight), the latest such event first.
    for (const std::string& pre : it->second) {
      for (auto ev = history_.rbegin(); ev != history_.rend() && d->T.empty(); ++ev) {
        bool fits = pre == "*" || ev->second.starts_with(pre);
        bool self = std::any_of(d->S.begin(), d->S.end(), [&](const Actor* a) { return a->name == ev->first.name; });
        if (fits && !self) {
          referent_ = ev->first;
          d->T.push_back(&referent_);
        }
      }
      if (!d->T.empty()) break;
    }
    break;
  }
}

void ArticleCoder::AidRecipient(Draft* d) const {
  const std::optional<Actor>& recipient = focus_.has_value() ? focus_ : home_;
  if (!recipient.has_value() || !d->info->aid) return;
  bool self = std::any_of(d->S.begin(), d->S.end(), [&](const Actor* a) { return a->country == recipient->country; });
  if (!self) d->T.push_back(&*recipient);
}

void ArticleCoder::FightOtherSide(Draft* d) {
  if (fight_dyad_.size() != 2 || !d->info->fight || d->S.size() != 1) return;
  fight_ = fight_dyad_;
  if (d->S[0]->country == fight_[0].country)
    d->T.push_back(&fight_[1]);
  else if (d->S[0]->country == fight_[1].country)
    d->T.push_back(&fight_[0]);
}

void ArticleCoder::RestraintToParties(Draft* d) {
  if (last_dyad_.size() != 2 || !d->info->restraint) return;
  bool party = std::any_of(d->S.begin(), d->S.end(), [&](const Actor* a) {
    return SameActor(*a, last_dyad_[0]) || SameActor(*a, last_dyad_[1]);
  });
  if (!party) d->T = {&dyad_[0], &dyad_[1]};
}

// "urged both sides", "thanked both governments": one event per side of the last dyad.
void ArticleCoder::BothSidesTargets(const Sent& s, Draft* d) {
  if (BothSidesAfter(s, d->m))
    for (const Actor& a : dyad_) d->T.push_back(&a);
}

// The rules that find actors the sentence does not name, in order; each applies only while
// the event still has no target.
void ArticleCoder::Discourse(const Sent& s, Draft* d) {
  if (On(kBothSides)) TwoLeaders(s, d);
  auto open = [&] { return d->tgt < 0 && d->T.empty(); };
  if (open() && On(kAttackRefersBack)) AttackRefersBack(s, d);
  if (open() && On(kAidRecipient)) AidRecipient(d);
  if (open() && On(kFightOtherSide)) FightOtherSide(d);
  if (open() && On(kRestraintToParties)) RestraintToParties(d);
  if (open() && On(kBothSides)) BothSidesTargets(s, d);
}

// The phrase that claims the clause whose subject is phrase `src`: "X said <src> ..." or
// "X said (on Monday) that <src> ...", with X right before the speech verb; -1 when there
// is none.
int ArticleCoder::Accuser(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, int src) const {
  if (src < 0 || ph[src].pronoun) return -1;  // "police said they had ...": no claim of another
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
      if (ph[q].pronoun) return -1;  // a named or described accuser only
      return static_cast<int>(q);
    }
    return -1;
  }
  return -1;
}

bool ArticleCoder::ReportedAccusation(const Sent& s, const Draft& d) {
  int accuser = Accuser(s.toks, s.ph, d.src);
  if (accuser < 0) return false;
  const Actor* who = &s.ph[accuser].members[0];
  Actor who_country;
  if (AsCountry(*who, &who_country)) who = &who_country;
  std::string loc_country;
  std::string location = Location(s.toks, s.ph, d.m, &loc_country);
  When when = FindWhen(d_, s.toks, d.m.anchor, d.m.last, date_, false);
  Span evidence{s.toks[s.ph[accuser].begin].span.start, s.toks[std::min(s.n - 1, d.m.last)].span.end};
  for (const Actor* s0 : d.S) {
    Actor s_country;
    const Actor* sa = AsCountry(*s0, &s_country) ? &s_country : s0;
    if (SameActor(*who, *sa)) continue;
    Event e = NewEvent(*who, sa, "112", s.si, evidence);
    e.location = location;
    e.when = when.text;
    e.date = when.date;
    e.rule = "allegation: " + d.p.rule + " " + d.p.code + " \"" + d.p.text + "\" reported by its accuser";
    if (!FirstTime(e, false)) continue;
    history_.emplace_back(*who, "112");
    a_.events.push_back(std::move(e));
  }
  return true;
}

}  // namespace newsgraph::events
