#include "events/gdelt.h"

#include <cstdio>
#include <optional>

#include "events/places.h"
#include "events/when.h"

namespace newsgraph {
namespace {

std::string Clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

std::string Upper(std::string_view s) {
  std::string out = Clean(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool IsUpperAlpha(std::string_view s) {
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return !s.empty();
}

// Actor code -> (country part, type part): "CHNGOV" -> ("CHN", "GOV"); "GOV" -> ("", "GOV");
// IGO codes keep no country.
void SplitActorCode(std::string_view code, std::string* country, std::string* type) {
  country->clear();
  type->clear();
  static constexpr std::string_view kRoles[] = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "BUS", "MED", "SPY",
                                                "CVL", "LAB", "EDU", "NGO", "REL", "REF", "CRM", "PTY", "IGO", "HLH",
                                                "ELI", "AGR", "ENV", "HRI", "MOD", "RAD", "UAF", "INS", "SEP"};
  auto is_role = [&](std::string_view r) {
    for (auto k : kRoles)
      if (r == k) return true;
    return false;
  };
  if (code.size() < 3 || !IsUpperAlpha(code.substr(0, 3))) return;
  std::string_view head = code.substr(0, 3);
  if (is_role(head)) {
    *type = std::string(head);
    return;
  }
  *country = std::string(head);
  if (code.size() >= 6 && is_role(code.substr(3, 3))) *type = std::string(code.substr(3, 3));
}

void AppendActor(std::vector<std::string>* cols, const std::string& code, const std::string& name) {
  std::string country, type;
  SplitActorCode(code, &country, &type);
  cols->push_back(Clean(code));
  cols->push_back(Upper(name));
  cols->push_back(country);
  for (int i = 0; i < 4; ++i) cols->push_back("");  // KnownGroup, Ethnic, Religion1, Religion2
  cols->push_back(type);
  cols->push_back("");
  cols->push_back("");
}

std::string Coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

// Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. Coordinates come
// from the place gazetteer (events/places.h); CountryCode is ISO 3166-1 alpha-2 (GDELT
// writes FIPS 10-4 codes, for which no table is at hand), FeatureID the GeoNames id of a
// city or the country code of a country, as GDELT does.
void AppendGeo(std::vector<std::string>* cols, const std::string& name, int type,
               const std::optional<events::Place>& where) {
  if (name.empty()) {
    for (int i = 0; i < 8; ++i) cols->push_back("");
    return;
  }
  cols->push_back(std::to_string(where ? where->type : type));
  cols->push_back(Clean(name));
  cols->push_back(where ? where->country : "");
  cols->push_back("");
  cols->push_back("");
  cols->push_back(where ? Coord(where->lat) : "");
  cols->push_back(where ? Coord(where->lon) : "");
  cols->push_back(where ? where->feature_id : "");
}

// Actor geo: the country of a CAMEO actor code, at its centroid.
void AppendActorGeo(std::vector<std::string>* cols, const std::string& code) {
  const events::Country* c = events::PlaceCoordinates::Get().CountryOf(code);
  if (c == nullptr || !c->located) return AppendGeo(cols, "", 0, std::nullopt);
  AppendGeo(cols, c->name, 1, events::Place{c->name, c->alpha2, c->lat, c->lon, c->alpha2, 1});
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::vector<std::string> GdeltEventRows(const Analysis& a, const GdeltContext& ctx) {
  std::vector<std::string> rows;
  events::Date published = events::ParseDate(a.published);
  int64_t id = ctx.first_event_id;
  for (const Event& e : a.events) {
    events::Date d = events::ParseDate(e.date);
    if (!d.ok()) d = published;
    std::vector<std::string> cols;
    cols.reserve(kGdeltEventColumns);
    cols.push_back(std::to_string(id++));
    if (d.ok()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.y, d.m, d.d);
      cols.push_back(buf);
      std::snprintf(buf, sizeof buf, "%04d%02d", d.y, d.m);
      cols.push_back(buf);
      cols.push_back(std::to_string(d.y));
      int doy = 0;
      for (events::Date x{d.y, 1, 1}; x.m != d.m || x.d != d.d; x = events::AddDays(x, 1)) ++doy;
      std::snprintf(buf, sizeof buf, "%.4f", d.y + (doy + 1) / 365.0);
      cols.push_back(buf);
    } else {
      for (int i = 0; i < 4; ++i) cols.push_back("");
    }
    AppendActor(&cols, e.source_code, e.source);
    AppendActor(&cols, e.target_code, e.target);
    bool lead = e.sentence >= 0 && static_cast<size_t>(e.sentence) < a.sentences.size() &&
                a.sentences[e.sentence].paragraph == 0;
    cols.push_back(lead ? "1" : "0");  // IsRootEvent: reported in the lead paragraph
    cols.push_back(e.cameo);
    cols.push_back(e.cameo.substr(0, 3));
    cols.push_back(e.root.empty() ? e.cameo.substr(0, 2) : e.root);
    cols.push_back(e.quad_class > 0 ? std::to_string(e.quad_class) : "");
    cols.push_back(Num(e.goldstein));
    cols.push_back(std::to_string(ctx.num_mentions));
    cols.push_back(std::to_string(ctx.num_sources));
    cols.push_back(std::to_string(ctx.num_articles));
    cols.push_back(a.tone.word_count > 0 ? Num(a.tone.score) : "");
    AppendActorGeo(&cols, e.source_code);  // Actor1Geo: the actor's country
    AppendActorGeo(&cols, e.target_code);  // Actor2Geo
    bool country_level = !e.location.empty() && (e.location == e.target || e.location == e.source);
    const std::string& hint = e.source_code.empty() ? e.target_code : e.source_code;
    AppendGeo(&cols, e.location, country_level ? 1 : 4, events::PlaceCoordinates::Get().Find(e.location, hint));
    std::string added = ctx.date_added;
    if (added.empty() && published.ok()) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d%02d%02d000000", published.y, published.m, published.d);
      added = buf;
    }
    cols.push_back(added);
    cols.push_back(Clean(a.url.empty() ? a.source : a.url));
    std::string row;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) row.push_back('\t');
      row += cols[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace newsgraph
