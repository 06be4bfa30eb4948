// Actors of the whole article, before any sentence is coded: the mention layer's references
// (pronouns, titles, descriptions resolved to entities by coreference) become actor phrases
// of their sentences; unnamed officials, police or troops take the country of a place right
// after them ("police in Tbilisi") or the story's country.
#include <map>

#include "core/ud.h"
#include "events/coder.h"

namespace newsgraph::events {

std::optional<Actor> ArticleCoder::CountryActor(const std::string& code) const {
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
void ArticleCoder::GiveCountry(const Actor& country, Actor* m) {
  if (m->named || !m->country.empty() || !m->fixed_code.empty() || m->role.empty() || m->is_place) return;
  m->detail = m->detail.empty() ? m->name : m->detail;
  m->name = country.name;
  m->country = country.country;
  m->Finish();
}

// A city or region taken as an actor stands for its country ("arrived in Brasilia").
bool ArticleCoder::AsCountry(const Actor& a, Actor* out) const {
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

// "farmers in France", "police in Tbilisi": an unnamed actor right before "in <place>"
// belongs to the place's country (before the story's country is given to the rest).
void ArticleCoder::LocalCountries(std::vector<std::vector<Phrase>>* all) const {
  for (std::vector<Phrase>& ph : *all) {
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
}

// The country of the dateline: "CITY" or "CITY, Country" (or a region): the first of its
// parts that names a known actor, else a LOC entity with a country; "" when none does.
std::string ArticleCoder::HomeFromDateline() const {
  std::string home;
  for (const std::string& raw : SplitList(a_.dateline, ',')) {
    if (!home.empty()) break;
    std::string part = TitleCase(raw);
    if (part.empty()) continue;
    std::vector<std::string> words = SplitList(part, ' ');
    uint32_t entry = 0;
    int len = d_.actor_phrases.Longest(
        0, static_cast<int>(words.size()),
        [&](int k, bool lower) -> std::string_view {
          static thread_local std::string tmp;
          tmp = lower ? ToLower(words[k]) : words[k];
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
  return home;
}

// The story's country: the dateline's, else the country its actors name most. Unnamed
// officials, police or troops with no country ("the government") are taken as its own.
void ArticleCoder::FindHome(std::vector<std::vector<Phrase>>* all) {
  std::string home = HomeFromDateline();
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

namespace {

bool IsSubjectRel(int deprel) {
  std::string_view r = ud::DeprelName(deprel);
  return r == "nsubj" || r == "nsubj:pass";
}

}  // namespace

// "Police said they had arrested ...", "The board said it had lodged ...": a pronoun subject
// of a clausal complement refers to the subject of the verb that reports it when that
// subject is a noun phrase of a fitting kind (he/she: not an organisation or place; it/they:
// not a person; he/she/it: not a plural noun). Coreference may have chosen an entity further
// back (the speaker is often no entity at all); the speaker's own phrase, the nearest actor
// before, stands for the pronoun instead.
bool ArticleCoder::ReportsItsSpeaker(const Mention& m) const {
  const int n = static_cast<int>(a_.words.size());
  if (m.kind != MentionKind::kPronoun || m.head_word < 0 || m.head_word >= n) return false;
  const Word& pron = a_.words[m.head_word];
  if (!IsSubjectRel(pron.deprel) || pron.head < 0) return false;
  const Word& clause = a_.words[pron.head];
  if (ud::DeprelName(clause.deprel) != "ccomp" || clause.head < 0) return false;
  const int reporter = clause.head;
  int speaker = -1;
  for (int w = std::max(0, reporter - kSpeakerWindow); w < reporter && w < n; ++w)
    if (a_.words[w].head == reporter && IsSubjectRel(a_.words[w].deprel)) speaker = w;
  if (speaker < 0) return false;
  const Word& sp = a_.words[speaker];
  if (sp.upos != ud::kNoun && sp.upos != ud::kPropn) return false;
  const std::string pronoun = ToLower(a_.Text(m.span));
  const bool personal = pronoun == "he" || pronoun == "she";
  const int e = ents_.At(sp.span);
  if (e >= 0 && (a_.entities[e].type == EntityType::kPerson) != personal) return false;
  const std::string form = ToLower(a_.Text(sp.span));
  const bool plural = sp.upos == ud::kNoun && form != ToLower(sp.lemma) && form.ends_with("s");
  return !(plural && pronoun != "they");
}

// Whether an unnamed actor phrase keeps its own reading against a mention inside it: a
// possessive pronoun ("her counterpart") names the possessor, not the actor; a description
// that coreference resolved by type alone ("the government" taken as the latest
// organisation, whose name lacks "government") keeps the dictionary's reading when that
// reading is a country's official body (a role and a country: the government, the police of
// the story's country).
bool ArticleCoder::KeepsOwnReading(const Mention& m, const Actor& own) const {
  if (m.head_word < 0 || m.head_word >= static_cast<int>(a_.words.size())) return false;
  // "her Argentine counterpart": a possessive pronoun inside an actor phrase is its
  // possessor, not the actor.
  if (m.kind == MentionKind::kPronoun) return ud::DeprelName(a_.words[m.head_word].deprel) == "nmod:poss";
  if (m.kind != MentionKind::kDescription || own.role.empty() || own.country.empty()) return false;
  const std::string noun = ToLower(a_.Text(a_.words[m.head_word].span));
  return ToLower(a_.entities[m.entity].name).find(noun) == std::string::npos;
}

void ArticleCoder::AddMentionPhrases(const std::vector<std::vector<Tok>>& toks,
                                     std::vector<std::vector<Phrase>>* all) const {
  if (!On(kMentionActors)) return;
  size_t si = 0;
  for (const Mention& mention : a_.mentions) {
    if (mention.kind == MentionKind::kName || mention.entity < 0 ||
        mention.entity >= static_cast<int>(a_.entities.size()) || ReportsItsSpeaker(mention))
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
      if (at->members.size() == 1 && !at->members[0].named && !KeepsOwnReading(mention, at->members[0])) {
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
    p.pronoun = mention.kind == MentionKind::kPronoun;
    if (b > 0 && IsPreposition(ts[b - 1].low)) p.prep = ts[b - 1].low;
    ph.insert(at, std::move(p));
  }
}

}  // namespace newsgraph::events
