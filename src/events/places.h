// Coordinates of places, for the map and for GDELT's geo columns: cities of 15,000 people
// or more (and capitals) with their GeoNames ids, and countries at the centroid of their
// largest part, from the generated gazetteer gen/places/{cities,countries}.tsv
// (tools/gen_coordinates.mjs). Names match case-insensitively and whole; a name shared by
// several cities goes to the one in the hinted country, else to the most populous.
// Loaded once, read-only after; empty when the build had no gazetteer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::events {

struct Place {
  std::string name;     // as the gazetteer writes it
  std::string country;  // ISO 3166-1 alpha-2 ("FR")
  double lat = 0, lon = 0;
  std::string feature_id;  // GeoNames id of a city; the alpha-2 code of a country
  int type = 0;            // GDELT geo type: 1 country, 4 city
};

struct Country {
  std::string alpha3, alpha2, numeric, name;
  bool located = false;  // has lat/lon
  double lat = 0, lon = 0;
};

class PlaceCoordinates {
 public:
  static const PlaceCoordinates& Get();
  // From the two TSV texts (see tools/gen_coordinates.mjs); bad lines are skipped.
  static PlaceCoordinates Parse(std::string_view cities_tsv, std::string_view countries_tsv);

  // A country name ("France") or city ("Paris"); `country_hint` (ISO alpha-3 or a CAMEO
  // actor code starting with one) picks among cities of one name. "Accra, Ghana" is the
  // city in the country after the comma.
  std::optional<Place> Find(std::string_view name, std::string_view country_hint = {}) const;
  // A country by ISO alpha-3 ("FRA"), or the country part of a CAMEO actor code ("FRAGOV").
  const Country* CountryOf(std::string_view code) const;
  bool empty() const { return cities_.empty() && countries_.empty(); }

 private:
  struct City {
    Place place;
    long population = 0;
  };
  std::vector<City> cities_;
  std::unordered_map<std::string, std::vector<size_t>> city_by_name_;  // lower name -> most populous first
  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> country_by_alpha3_, country_by_name_;
};

}  // namespace newsgraph::events
