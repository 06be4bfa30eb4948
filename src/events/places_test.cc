#include "events/places.h"

#include <gtest/gtest.h>

#include "events/cameo_codes.h"

namespace newsgraph::events {
namespace {

constexpr const char* kCities =
    "# name, country, lat, lon, population, id\n"
    "Paris\tFR\t48.8534\t2.3488\t2138551\t2988507\n"
    "Paris\tUS\t33.6609\t-95.5555\t24782\t4717560\n"
    "Genève\tCH\t46.2022\t6.1457\t183981\t2660646\n"
    "Geneva\tCH\t46.2022\t6.1457\t183981\t2660646\n"
    "Broken\tXX\tnorth\t1\t1\t1\n";
constexpr const char* kCountries =
    "FRA\tFR\t250\tFrance\t46.5723\t2.4609\n"
    "USA\tUS\t840\tUnited States\t39.8865\t-98.8205\n"
    "ATA\tAQ\t010\tAntarctica\t\t\n";

TEST(PlacesTest, CitiesByNameMostPopulousOrInTheHintedCountry) {
  PlaceCoordinates p = PlaceCoordinates::Parse(kCities, kCountries);
  auto paris = p.Find("paris");
  ASSERT_TRUE(paris.has_value());
  EXPECT_EQ(paris->country, "FR");
  EXPECT_EQ(paris->feature_id, "2988507");
  EXPECT_EQ(paris->type, 4);
  EXPECT_EQ(p.Find("Paris", "USAGOV")->country, "US");
  EXPECT_EQ(p.Find("GENEVA")->feature_id, "2660646");
  EXPECT_EQ(p.Find("Paris, United States")->country, "US");
  EXPECT_EQ(p.Find("Paris, Atlantis")->country, "FR");
  EXPECT_FALSE(p.Find("Atlantis, France").has_value());
  EXPECT_FALSE(p.Find("Broken").has_value());
  EXPECT_FALSE(p.Find("Atlantis").has_value());
  EXPECT_FALSE(p.Find("").has_value());
}

TEST(PlacesTest, CountriesByNameAndActorCode) {
  PlaceCoordinates p = PlaceCoordinates::Parse(kCities, kCountries);
  auto france = p.Find("France");
  ASSERT_TRUE(france.has_value());
  EXPECT_EQ(france->type, 1);
  EXPECT_EQ(france->feature_id, "FR");
  ASSERT_NE(p.CountryOf("FRACOP"), nullptr);
  EXPECT_EQ(p.CountryOf("FRACOP")->numeric, "250");
  EXPECT_EQ(p.CountryOf("COP"), nullptr);
  EXPECT_FALSE(p.CountryOf("ATA")->located);
  EXPECT_FALSE(p.Find("Antarctica").has_value());
}

TEST(CameoCodesTest, NamesCodesAndRootsAndKnowsPrefixes) {
  CameoCodes c =
      CameoCodes::Parse("010\t1\t0.0\t-\tmake a statement\n170\t4\t-7.0\tno_target\tcoerce\n173\t4\t-5.0\t-\tarrest\n");
  EXPECT_EQ(c.Label("17"), "coerce");
  EXPECT_EQ(c.Label("1731"), "arrest");  // a 4-digit code not listed: its parent
  EXPECT_EQ(c.Named("173"), "173 arrest");
  EXPECT_EQ(c.Named("999"), "999");
  EXPECT_EQ(c.QuadClass("173"), 4);
  EXPECT_TRUE(c.IsKnownPrefix("1"));
  EXPECT_TRUE(c.IsKnownPrefix("17"));
  EXPECT_TRUE(c.IsKnownPrefix("173"));
  EXPECT_FALSE(c.IsKnownPrefix("18"));
  EXPECT_FALSE(c.IsKnownPrefix("17a"));
  EXPECT_FALSE(c.IsKnownPrefix(""));
  EXPECT_FALSE(CameoCodes::Get().empty());
  EXPECT_EQ(CameoCodes::Get().Label("09"), "investigate");
  EXPECT_EQ(CameoCodes::Get().QuadClass("090"), 3);  // investigating is verbal conflict
}

TEST(CameoCodesTest, FlagsAreReadAndInheritedByUnlistedCodes) {
  auto c = CameoCodes::Load("040\t1\t1.0\tsymmetric,elsewhere=044\tconsult\n190\t4\t-10.0\tfight,hostile\tfight\n",
                            "codes.tsv");
  ASSERT_TRUE(c.ok()) << c.status().message();
  const CodeInfo* consult = c->Find("040");
  ASSERT_NE(consult, nullptr);
  EXPECT_TRUE(consult->symmetric);
  EXPECT_EQ(consult->elsewhere, "044");
  EXPECT_FALSE(consult->fight);
  const CodeInfo* shell = c->Find("1951");  // neither 1951 nor 195 is listed: the root's row
  ASSERT_NE(shell, nullptr);
  EXPECT_TRUE(shell->fight);
  EXPECT_TRUE(shell->hostile);
  EXPECT_EQ(c->Find("050"), nullptr);
  EXPECT_TRUE(CameoCodes::Get().Find("0331")->aid);         // data/events/codes.tsv
  EXPECT_TRUE(CameoCodes::Get().Find("190")->accusation);   // a reported fight is someone's claim
  EXPECT_FALSE(CameoCodes::Get().Find("112")->accusation);  // an accusation is not re-reported
}

TEST(CameoCodesTest, BadLinesAreErrorsNamingFileAndLine) {
  auto c = CameoCodes::Load("# header\n040\t1\t1.0\tsymmetric\tconsult\n041\t1\t1.0\tmutual\tx\n", "codes.tsv");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("codes.tsv:3: unknown flag \"mutual\""), std::string::npos)
      << c.status().message();
  EXPECT_FALSE(CameoCodes::Load("040\t5\t1.0\t-\tx\n", "codes.tsv").ok());
  EXPECT_FALSE(CameoCodes::Load("040\t1\t1.0\n", "codes.tsv").ok());
  // The lenient reader skips such lines.
  EXPECT_FALSE(CameoCodes::Parse("041\t1\t1.0\tmutual\tx\n040\t1\t1.0\t-\tconsult\n").empty());
}

}  // namespace
}  // namespace newsgraph::events
