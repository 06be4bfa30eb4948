#include "entities/gazetteer.h"

#include <algorithm>

#include "core/data.h"

namespace newsgraph::entities {
namespace {

struct ClassName {
  const char* name;
  uint32_t bit;
};
constexpr ClassName kClassNames[] = {
    {"head", kHead},
    {"mod", kMod},
    {"domain", kDomain},
    {"honorific", kHonorific},
    {"org_suffix", kOrgSuffix},
    {"org_head", kOrgHead},
    {"loc_suffix", kLocSuffix},
    {"loc_head", kLocHead},
    {"compass", kCompass},
    {"particle", kParticle},
    {"name_suffix", kNameSuffix},
    {"time", kTime},
    {"pronoun", kPronoun},
    {"locative", kLocative},
    {"appos_stop", kApposStop},
    {"lead_verb", kLeadVerb},
    {"admin_suffix", kAdminSuffix},
    {"natural", kNatural},
    {"gov", kGov},
    {"speech_verb", kSpeechVerb},
    {"supranational", kSupranational},
    {"org_noun", kOrgNoun},
    {"place_noun", kPlaceNoun},
    {"group_member", kGroupMember},
    {"org_prefix", kOrgPrefix},
    {"loc_prefix", kLocPrefix},
    {"not_name", kNotName},
    {"other_head", kOtherHead},
    {"rank", kRank},
    {"poss_place", kPossPlace},
    {"article", kArticle},
};

PlaceKind KindOf(std::string_view kind) {
  if (kind == "country") return PlaceKind::kCountry;
  if (kind == "capital") return PlaceKind::kCapital;
  if (kind == "city") return PlaceKind::kCity;
  if (kind == "subdivision" || kind == "American state" || kind == "state" || kind == "province" ||
      kind == "principality")
    return PlaceKind::kSubdivision;
  return PlaceKind::kOther;
}

// Classes() reads words of at most this many bytes (the set look-ups, up to 64).
constexpr size_t kMaxClassWord = 32;

int WordCount(std::string_view s) { return 1 + static_cast<int>(std::count(s.begin(), s.end(), ' ')); }

Status Malformed(std::string_view file, const DataLine& line) {
  return Status::Corrupt(std::string(file) + ":" + std::to_string(line.line_number) +
                         ": expected more tab-separated columns");
}

}  // namespace

std::string_view LowerInto(std::string_view s, char* buf, size_t size) {
  size_t n = std::min(s.size(), size);
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return std::string_view(buf, n);
}

const std::string& Gazetteer::Keep(std::string text) {
  texts_.push_back(std::move(text));
  return texts_.back();
}

Status Gazetteer::LoadPlaces(std::string_view file, bool override_existing) {
  auto text = ReadDataFile(file);
  if (!text.ok()) return text.status();
  const std::string& kept = Keep(std::move(text).value());
  for (const DataLine& line : ParseTsv(kept)) {
    if (line.fields.size() < 4) return Malformed(file, line);
    GazEntry e;
    e.type = EntityType::kLoc;
    e.kind = KindOf(line.fields[1]);
    e.country = line.fields[2];
    e.canonical = line.fields[3];
    if (override_existing) {
      entries_[line.fields[0]] = e;
    } else {
      entries_.try_emplace(line.fields[0], e);
    }
    if (e.kind == PlaceKind::kCountry && !e.country.empty() && line.fields[0] == e.canonical) {
      country_names_.try_emplace(e.country, e.canonical);
    }
    max_words_ = std::max(max_words_, WordCount(line.fields[0]));
  }
  return Status::Ok();
}

Status Gazetteer::LoadOrgs(std::string_view file) {
  auto text = ReadDataFile(file);
  if (!text.ok()) return text.status();
  const std::string& kept = Keep(std::move(text).value());
  for (const DataLine& line : ParseTsv(kept)) {
    if (line.fields.size() < 4) return Malformed(file, line);
    GazEntry e;
    e.type = EntityType::kOrg;
    e.kind = PlaceKind::kOrg;
    e.country = line.fields[2];
    e.canonical = line.fields[3];
    entries_.try_emplace(line.fields[0], e);
    max_words_ = std::max(max_words_, WordCount(line.fields[0]));
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load() {
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  // Hand-written corrections first: they win over the generated rows.
  if (Status s = g->LoadPlaces("entities/places_extra.tsv", true); !s.ok()) return s;
  if (Status s = g->LoadPlaces("gen/entities/places.tsv", false); !s.ok()) return s;
  if (Status s = g->LoadOrgs("gen/entities/orgs.tsv"); !s.ok()) return s;
  g->max_words_ = std::min(g->max_words_, 8);
  for (const auto& [name, entry] : g->entries_) {
    g->exact_[name].entry = &entry;
    size_t sp = name.find(' ');
    if (sp == std::string_view::npos) continue;
    uint8_t& words = g->exact_[name.substr(0, sp)].max_words;
    words = static_cast<uint8_t>(std::min(std::max(static_cast<int>(words), WordCount(name)), 8));
  }

  auto demonyms = ReadDataFile("gen/entities/demonyms.tsv");
  if (!demonyms.ok()) return demonyms.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(demonyms).value()))) {
    if (line.fields.size() < 2) return Malformed("gen/entities/demonyms.tsv", line);
    g->demonyms_.try_emplace(line.fields[0], line.fields[1]);
  }
  auto names = ReadDataFile("gen/entities/names.tsv");
  if (!names.ok()) return names.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(names).value()))) {
    if (line.fields.size() < 2) return Malformed("gen/entities/names.tsv", line);
    if (line.fields[1] == "given") g->exact_[line.fields[0]].bits |= kExactGiven;
    if (line.fields[1] == "surname") g->exact_[line.fields[0]].bits |= kExactSurname;
  }
  // The hand-written given names the coreference stage reads for gender (frequent names in
  // news, among them the ones WordNet leaves out because they are also words: "John", "Mark",
  // "Rose").
  auto given = ReadDataFile("quotes/given_names.tsv");
  if (!given.ok()) return given.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(given).value()))) g->news_given_.insert(line.fields[0]);
  auto common = ReadDataFile("gen/entities/common_words.txt");
  if (!common.ok()) return common.status();
  const std::string& words = g->Keep(std::move(common).value());
  // One word per line, '#' comments.
  for (const DataLine& line : ParseTsv(words)) g->lower_[line.fields[0]].bits |= kLowerCommon;
  auto adjectives = ReadDataFile("gen/entities/adjectives.txt");
  if (!adjectives.ok()) return adjectives.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(adjectives).value())))
    g->lower_[line.fields[0]].bits |= kLowerAdjective;
  auto roles = ReadDataFile("gen/entities/roles.txt");
  if (!roles.ok()) return roles.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(roles).value()))) g->lower_[line.fields[0]].classes |= kRole;
  auto abbrevs = ReadDataFile("text/abbreviations.tsv");
  if (!abbrevs.ok()) return abbrevs.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(abbrevs).value()))) {
    if (line.fields.size() >= 2 && (line.fields[1] == "title" || line.fields[1] == "final"))
      g->abbrevs_.insert(line.fields[0]);
  }
  auto lexicon = ReadDataFile("entities/lexicon.tsv");
  if (!lexicon.ok()) return lexicon.status();
  for (const DataLine& line : ParseTsv(g->Keep(std::move(lexicon).value()))) {
    if (line.fields.size() < 2) return Malformed("entities/lexicon.tsv", line);
    if (line.fields[1] == "venue" || line.fields[1] == "event") {
      g->lower_[line.fields[0]].bits |= line.fields[1] == "venue" ? kLowerVenue : kLowerEvent;
      continue;
    }
    uint32_t bit = 0;
    for (const ClassName& c : kClassNames) {
      if (line.fields[1] == c.name) bit = c.bit;
    }
    if (bit == 0) {
      return Status::Corrupt("entities/lexicon.tsv:" + std::to_string(line.line_number) + ": unknown class '" +
                             std::string(line.fields[1]) + "'");
    }
    g->lower_[line.fields[0]].classes |= bit;
    if (bit == kLeadVerb && line.fields.size() > 2) g->lead_roles_[line.fields[0]] = line.fields[2];
  }
  g->MarkDemonyms();
  return g;
}

void Gazetteer::MarkDemonyms() {
  // Demonym() also reads a plural ("Ghanaians"): the plural of every demonym gets the flag
  // too, where Demonym() finds it.
  std::string plural;
  for (const auto& [w, country] : demonyms_) {
    plural.assign(w).append("s");
    for (std::string_view form : {w, std::string_view(plural)}) {
      if (!Demonym(form).empty()) exact_[form].bits |= kExactDemonym;
    }
  }
}

const Gazetteer::Exact* Gazetteer::FindExact(std::string_view word) const { return exact_.Find(word); }

const Gazetteer::Lower* Gazetteer::FindLower(std::string_view word) const {
  char buf[64];
  if (word.size() > sizeof buf) return nullptr;
  return lower_.Find(LowerInto(word, buf, sizeof buf));
}

size_t Gazetteer::MaxWordsFrom(std::string_view word) const {
  const Exact* e = FindExact(word);
  return e == nullptr ? 1 : e->max_words;
}

Gazetteer::WordFacts Gazetteer::Facts(std::string_view word) const {
  WordFacts f;
  if (const Exact* e = FindExact(word)) {
    f.given = (e->bits & kExactGiven) != 0;
    f.surname = (e->bits & kExactSurname) != 0;
    f.demonym = (e->bits & kExactDemonym) != 0;
    f.max_words = e->max_words;
    f.entry = e->entry;
  }
  if (const Lower* l = FindLower(word)) {
    f.classes = word.size() <= kMaxClassWord ? l->classes : 0;
    f.common = (l->bits & kLowerCommon) != 0;
    f.adjective = (l->bits & kLowerAdjective) != 0;
  }
  return f;
}

const GazEntry* Gazetteer::Find(std::string_view s) const {
  const Exact* e = FindExact(s);  // every entry's name is in exact_
  return e == nullptr ? nullptr : e->entry;
}

std::string_view Gazetteer::Demonym(std::string_view s) const {
  auto it = demonyms_.find(s);
  if (it == demonyms_.end() && s.size() > 3 && s.back() == 's') it = demonyms_.find(s.substr(0, s.size() - 1));
  return it == demonyms_.end() ? std::string_view() : it->second;
}

bool Gazetteer::IsCommon(std::string_view word) const { return HasLower(word, kLowerCommon); }

bool Gazetteer::IsVenue(std::string_view word) const { return HasLower(word, kLowerVenue); }

bool Gazetteer::IsEventWord(std::string_view word) const { return HasLower(word, kLowerEvent); }

bool Gazetteer::IsAdjective(std::string_view word) const { return HasLower(word, kLowerAdjective); }

uint32_t Gazetteer::Classes(std::string_view word) const {
  if (word.size() > kMaxClassWord) return 0;
  const Lower* l = FindLower(word);
  return l == nullptr ? 0 : l->classes;
}

std::string_view Gazetteer::LeadRole(std::string_view word) const {
  auto it = lead_roles_.find(word);
  return it == lead_roles_.end() ? std::string_view() : it->second;
}

std::string_view Gazetteer::DatelineCountry(std::string_view dateline) const {
  // The last comma-separated part that names a place: "KYIV, Ukraine", "BEIJING".
  while (!dateline.empty()) {
    size_t comma = dateline.rfind(',');
    std::string_view part = comma == std::string_view::npos ? dateline : dateline.substr(comma + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    std::string title(part);
    bool start = true;
    for (char& c : title) {
      if (!start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      start = c == ' ' || c == '-';
    }
    for (std::string_view s : {part, std::string_view(title)}) {
      if (const GazEntry* g = Find(s); g && g->type == EntityType::kLoc && !g->country.empty()) return g->country;
    }
    if (comma == std::string_view::npos) break;
    dateline = dateline.substr(0, comma);
  }
  return {};
}

std::string_view Gazetteer::CountryName(std::string_view alpha3) const {
  auto it = country_names_.find(alpha3);
  return it == country_names_.end() ? alpha3 : it->second;
}

}  // namespace newsgraph::entities
