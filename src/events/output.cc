// Events out of a coded match: the pairs of actors (mutual actions pairwise inside one
// group; events with no target only where the code's row says `no_target`), each with the
// code's QuadClass and Goldstein value (data/events/codes.tsv), the evidence span from the
// first to the last word of the event, the location ("in/at" + place, the target place of
// a visit, the dateline for the lead paragraph), the day, and the pattern that fired. The
// same (source, target, code) is coded once per article.
#include "events/coder.h"

namespace newsgraph::events {

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

void ArticleCoder::MakePairs(Draft* d) const {
  bool mutual = d->p.sym || d->info->symmetric;
  if (!d->T.empty()) {
    for (const Actor* s : d->S)
      for (const Actor* t : d->T)
        if (!SameActor(*s, *t)) d->pairs.emplace_back(s, t);
  } else if (mutual && d->S.size() >= 2) {
    for (size_t x = 0; x < d->S.size(); ++x)
      for (size_t y = x + 1; y < d->S.size(); ++y) d->pairs.emplace_back(d->S[x], d->S[y]);
  } else if (d->info->no_target) {
    for (const Actor* s : d->S) d->pairs.emplace_back(s, nullptr);
  }
}

// An event of `s` (on `t`, when not null) coded `cameo`, with its code's quad class and
// Goldstein value and its evidence; the caller adds location, time and rule.
Event ArticleCoder::NewEvent(const Actor& s, const Actor* t, const std::string& cameo, int sentence,
                             Span evidence) const {
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
  const CodeInfo& info = d_.Info(cameo);
  e.quad_class = info.quad_class;
  e.goldstein = info.goldstein;
  e.sentence = sentence;
  e.evidence_span = evidence;
  e.evidence = std::string(a_.Text(evidence));
  return e;
}

// Whether an event of these actors and code is new to the article (a mutual action is
// the same either way round).
bool ArticleCoder::FirstTime(const Event& e, bool sym) {
  std::string a1 = e.source + "/" + e.source_code, a2 = e.target + "/" + e.target_code;
  if (sym && a2 < a1) std::swap(a1, a2);
  return seen_.insert(a1 + "\x1f" + a2 + "\x1f" + e.cameo).second;
}

std::string ArticleCoder::Location(const std::vector<Tok>& toks, const std::vector<Phrase>& ph, const Match& m,
                                   std::string* country) const {
  int best = -1, best_dist = 1 << 30;
  for (size_t q = 0; q < ph.size(); ++q) {
    const Phrase& p = ph[q];
    if (p.prep != "in" && p.prep != "at") continue;
    const Actor& a = p.members[0];
    // Places: dictionary states and capitals, LOC entities.
    if (a.place.empty() && !a.is_place) continue;
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

// From the first to the last word of the match and its actor phrases.
Span ArticleCoder::Evidence(const Sent& s, const Draft& d) const {
  int first = std::min({d.m.first, s.ph[d.src].begin, d.tgt >= 0 ? s.ph[d.tgt].begin : d.m.first});
  int last = std::max({d.m.last, s.ph[d.src].end - 1, d.tgt >= 0 ? s.ph[d.tgt].end - 1 : d.m.last});
  first = std::max(0, first);
  last = std::min(s.n - 1, last);
  return Span{s.toks[first].span.start, s.toks[last].span.end};
}

void ArticleCoder::Emit(const Sent& s, const Draft& d) {
  std::string loc_country;
  std::string location = Location(s.toks, s.ph, d.m, &loc_country);
  if (location.empty() && d.p.tgtloc && d.tgt >= 0) {
    const Actor& t0 = s.ph[d.tgt].members[0];
    location = t0.place.empty() ? t0.name : t0.place;
    loc_country = t0.country;
  }
  if (location.empty() && a_.sentences[s.si].paragraph == 0 && !a_.dateline.empty()) location = TitleCase(a_.dateline);
  When when = FindWhen(d_, s.toks, d.m.anchor, d.m.last, date_, d.info->intent);
  Span evidence = Evidence(s, d);
  bool in_dyad_update = false;
  for (auto [s0, t0] : d.pairs) {
    Actor s_country, t_country;
    const Actor* src = AsCountry(*s0, &s_country) ? &s_country : s0;
    const Actor* tgt = t0 && AsCountry(*t0, &t_country) ? &t_country : t0;
    if (tgt && SameActor(*src, *tgt)) continue;
    // A meeting in a third country.
    std::string cameo = d.code;
    if (!d.info->elsewhere.empty() && On(kThirdCountryMeeting) && !loc_country.empty() &&
        (!src->country.empty() || (tgt && !tgt->country.empty())) && src->country != loc_country &&
        (tgt == nullptr || tgt->country != loc_country))
      cameo = d.info->elsewhere;
    Event e = NewEvent(*src, tgt, cameo, s.si, evidence);
    e.location = location;
    e.when = when.text;
    e.date = when.date;
    e.rule = d.p.rule + " " + d.p.code + " \"" + d.p.text + "\"";
    if (!d.kind.empty()) e.rule += " + " + d.kind + " \"" + d.cue + "\"";
    if (!FirstTime(e, d.p.sym || d.info->symmetric)) continue;
    if (tgt && !src->country.empty() && !tgt->country.empty() && src->country != tgt->country && !in_dyad_update) {
      last_dyad_ = {*src, *tgt};
      in_dyad_update = true;
      if (d_.Info(e.cameo).hostile) fight_dyad_ = last_dyad_;
    }
    a_.events.push_back(std::move(e));
  }
}

}  // namespace newsgraph::events
