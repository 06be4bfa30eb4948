#include "events/places.h"

#include <algorithm>
#include <cstdlib>

#include "core/data.h"
#include "core/utf8.h"

namespace newsgraph::events {

const PlaceCoordinates& PlaceCoordinates::Get() {
  static const PlaceCoordinates table = [] {
    auto cities = ReadDataFile("gen/places/cities.tsv");
    auto countries = ReadDataFile("gen/places/countries.tsv");
    return Parse(cities.ok() ? *cities : std::string(), countries.ok() ? *countries : std::string());
  }();
  return table;
}

PlaceCoordinates PlaceCoordinates::Parse(std::string_view cities_tsv, std::string_view countries_tsv) {
  PlaceCoordinates out;
  auto number = [](std::string_view s, double* v) {
    std::string t(s);
    char* end = nullptr;
    *v = std::strtod(t.c_str(), &end);
    return !t.empty() && end && *end == '\0';
  };
  for (const DataLine& l : ParseTsv(countries_tsv)) {
    if (l.fields.size() < 4 || l.fields[0].size() != 3) continue;
    Country c{std::string(l.fields[0]), std::string(l.fields[1]), std::string(l.fields[2]), std::string(l.fields[3])};
    c.located = l.fields.size() >= 6 && number(l.fields[4], &c.lat) && number(l.fields[5], &c.lon);
    out.country_by_alpha3_[c.alpha3] = out.countries_.size();
    out.country_by_name_.emplace(utf8::Lower(c.name), out.countries_.size());
    out.countries_.push_back(std::move(c));
  }
  for (const DataLine& l : ParseTsv(cities_tsv)) {
    if (l.fields.size() < 6) continue;
    City c;
    c.place.name = std::string(l.fields[0]);
    c.place.country = std::string(l.fields[1]);
    double pop = 0;
    if (!number(l.fields[2], &c.place.lat) || !number(l.fields[3], &c.place.lon) || !number(l.fields[4], &pop))
      continue;
    c.population = static_cast<long>(pop);
    c.place.feature_id = std::string(l.fields[5]);
    c.place.type = 4;
    out.city_by_name_[utf8::Lower(c.place.name)].push_back(out.cities_.size());
    out.cities_.push_back(std::move(c));
  }
  for (auto& [name, ids] : out.city_by_name_) {
    std::stable_sort(ids.begin(), ids.end(),
                     [&](size_t a, size_t b) { return out.cities_[a].population > out.cities_[b].population; });
  }
  return out;
}

const Country* PlaceCoordinates::CountryOf(std::string_view code) const {
  if (code.size() < 3) return nullptr;
  auto it = country_by_alpha3_.find(std::string(code.substr(0, 3)));
  return it == country_by_alpha3_.end() ? nullptr : &countries_[it->second];
}

std::optional<Place> PlaceCoordinates::Find(std::string_view name, std::string_view country_hint) const {
  if (name.empty()) return std::nullopt;
  std::string key = utf8::Lower(name);
  if (auto it = country_by_name_.find(key); it != country_by_name_.end()) {
    const Country& c = countries_[it->second];
    if (!c.located) return std::nullopt;
    return Place{c.name, c.alpha2, c.lat, c.lon, c.alpha2, 1};
  }
  auto it = city_by_name_.find(key);
  if (it == city_by_name_.end()) {
    // "Accra, Ghana": the city, in the country named after the comma.
    size_t comma = name.find(", ");
    if (comma == std::string_view::npos || comma == 0) return std::nullopt;
    auto country = country_by_name_.find(utf8::Lower(name.substr(comma + 2)));
    std::string_view hint = country == country_by_name_.end() ? country_hint : countries_[country->second].alpha3;
    return Find(name.substr(0, comma), hint);
  }
  const Country* hint = CountryOf(country_hint);
  if (hint != nullptr) {
    for (size_t i : it->second) {
      if (cities_[i].place.country == hint->alpha2) return cities_[i].place;
    }
  }
  return cities_[it->second.front()].place;
}

}  // namespace newsgraph::events
