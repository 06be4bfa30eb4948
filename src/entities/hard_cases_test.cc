// The entities stage with the syntax stage and the named-mention tagger, as `analyze` runs
// it, on the hard cases of real news (docs/entities.md). Every sentence is invented.
#include <gtest/gtest.h>

#include "entities/entities.h"
#include "syntax/syntax.h"
#include "text/tokenizer.h"

namespace newsgraph {
namespace {

class HardCasesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = EntityRecognizer::Create();
    ASSERT_TRUE(r.ok()) << r.status().message();
    recognizer_ = std::move(r).value().release();
  }
  static void TearDownTestSuite() {
    delete recognizer_;
    recognizer_ = nullptr;
  }

  Analysis Run(std::string body) {
    Analysis a;
    a.body = std::move(body);
    text::Segment(&a);
    auto syntax = syntax::SyntaxModel::Default();
    EXPECT_TRUE(syntax.ok()) << syntax.status().message();
    if (syntax.ok()) (*syntax)->Annotate(&a);
    recognizer_->Recognize(&a);
    return a;
  }
  // The entity with this name or alias, or null.
  static const Entity* Find(const Analysis& a, std::string_view surface) {
    for (const Entity& e : a.entities) {
      if (e.name == surface) return &e;
      for (const std::string& al : e.aliases) {
        if (al == surface) return &e;
      }
    }
    return nullptr;
  }
  // Whether any entity's name contains `part`.
  static bool AnyNameHas(const Analysis& a, std::string_view part) {
    for (const Entity& e : a.entities) {
      if (e.name.find(part) != std::string::npos) return true;
    }
    return false;
  }
  static void ExpectType(const Analysis& a, std::string_view name, EntityType type) {
    const Entity* e = Find(a, name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->type, type) << name;
  }

  static EntityRecognizer* recognizer_;
};

EntityRecognizer* HardCasesTest::recognizer_ = nullptr;

TEST_F(HardCasesTest, TheTaggerTypesANameNoRuleTypes) {
  // Without the tagger "Marlow Green" would be a person: two capitalised words, no cue.
  Analysis a = Run("Protesters camped on Marlow Green for a week, and Velmar Ostrova joined them.");
  ExpectType(a, "Marlow Green", EntityType::kLoc);
  ExpectType(a, "Velmar Ostrova", EntityType::kPerson);
}

TEST_F(HardCasesTest, WhoIsToldTheNewsIsAnOrganisation) {
  Analysis a = Run("The finance minister told Kestrelnet on Tuesday that the budget would pass.");
  ExpectType(a, "Kestrelnet", EntityType::kOrg);
}

TEST_F(HardCasesTest, UnitsDiseasesVaccinesAndAppsAreNoEntities) {
  Analysis a = Run(
      "Temperatures reached 41 degrees Celsius in Dornia. Cases of HIV rose and the BCG vaccine ran short, "
      "officials said on WeChat.");
  EXPECT_EQ(Find(a, "Celsius"), nullptr);
  EXPECT_EQ(Find(a, "HIV"), nullptr);
  EXPECT_EQ(Find(a, "BCG"), nullptr);
  EXPECT_EQ(Find(a, "WeChat"), nullptr);
}

TEST_F(HardCasesTest, StormsAreNoEntities) {
  Analysis a = Run("Cyclone Mireva hit the coast on Sunday, and Hurricane Tobrin followed.");
  EXPECT_FALSE(AnyNameHas(a, "Mireva"));
  EXPECT_FALSE(AnyNameHas(a, "Tobrin"));
}

TEST_F(HardCasesTest, DemonymsAndEthnicGroupsAreNoPeople) {
  Analysis a = Run("Ghanaians and the Rohingya were among the refugees, said Anika Brell.");
  EXPECT_EQ(Find(a, "Ghanaians"), nullptr);
  EXPECT_EQ(Find(a, "Rohingya"), nullptr);
  ExpectType(a, "Anika Brell", EntityType::kPerson);
}

TEST_F(HardCasesTest, UnknownCompaniesAreOrganisations) {
  Analysis a = Run("Orvane Biologics and Construtora Belmiro signed a deal with Medi Farma on Friday.");
  ExpectType(a, "Orvane Biologics", EntityType::kOrg);
  ExpectType(a, "Construtora Belmiro", EntityType::kOrg);
  ExpectType(a, "Medi Farma", EntityType::kOrg);
}

TEST_F(HardCasesTest, UnknownStreetsStadiumsAndVillagesArePlaces) {
  Analysis a = Run("Protesters gathered on Avenida Kestrana and at Stade Pierre-Orvane before marching to Vila Mareta.");
  ExpectType(a, "Avenida Kestrana", EntityType::kLoc);
  ExpectType(a, "Stade Pierre-Orvane", EntityType::kLoc);
  ExpectType(a, "Vila Mareta", EntityType::kLoc);
}

TEST_F(HardCasesTest, NamesWithOfAreKeptWhole) {
  Analysis a = Run("The Economic Community of Western Dornian States met at the Bank of Upper Volta.");
  ExpectType(a, "Economic Community of Western Dornian States", EntityType::kOrg);
  ExpectType(a, "Bank of Upper Volta", EntityType::kOrg);
}

TEST_F(HardCasesTest, PartyAndNationalityAdjectivesAreTitlesNotNames) {
  Analysis a = Run("Republican presidential nominee Velmar Ostrova spoke in Dornia on Monday.");
  const Entity* e = Find(a, "Velmar Ostrova");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(e->title, "Republican presidential nominee");
}

}  // namespace
}  // namespace newsgraph
