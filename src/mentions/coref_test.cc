// Coreference rules on invented text: each rule of coref.h, through the real syntax and
// entities stages.
#include "mentions/coref.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "core/json.h"
#include "entities/entities.h"
#include "syntax/syntax.h"
#include "text/tokenizer.h"

namespace newsgraph {
namespace {

class CorefTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = EntityRecognizer::Create();
    ASSERT_TRUE(e.ok()) << e.status().message();
    entities_ = std::move(e).value().release();
    auto c = CorefResolver::Create();
    ASSERT_TRUE(c.ok()) << c.status().message();
    coref_ = std::move(c).value().release();
    auto s = syntax::SyntaxModel::Default();
    ASSERT_TRUE(s.ok()) << s.status().message();
    syntax_ = *s;
  }
  static void TearDownTestSuite() {
    delete entities_;
    delete coref_;
  }

  static Analysis Run(std::string body) {
    Analysis a;
    a.body = std::move(body);
    text::Segment(&a);
    syntax_->Annotate(&a);
    entities_->Recognize(&a);
    coref_->Resolve(&a);
    return a;
  }

  // The entity name the n-th (0-based) non-name mention whose text is `surface` resolves to;
  // "-" when unresolved, "?" when there is no such mention.
  static std::string Ref(const Analysis& a, std::string_view surface, int n = 0) {
    for (const Mention& m : a.mentions) {
      if (m.kind == MentionKind::kName || a.Text(m.span) != surface) continue;
      if (n-- > 0) continue;
      return m.entity >= 0 ? a.entities[m.entity].name : "-";
    }
    return "?";
  }
  static const Mention* Find(const Analysis& a, std::string_view surface) {
    for (const Mention& m : a.mentions) {
      if (m.kind != MentionKind::kName && a.Text(m.span) == surface) return &m;
    }
    return nullptr;
  }

  static EntityRecognizer* entities_;
  static CorefResolver* coref_;
  static const syntax::SyntaxModel* syntax_;
};

EntityRecognizer* CorefTest::entities_ = nullptr;
CorefResolver* CorefTest::coref_ = nullptr;
const syntax::SyntaxModel* CorefTest::syntax_ = nullptr;

TEST_F(CorefTest, PronounsAgreeInGenderFromGivenNames) {
  auto a = Run("Maria Lindqvist met Peter Dale in Bergen on Monday. She thanked him for the loan.");
  EXPECT_EQ(Ref(a, "She"), "Maria Lindqvist");
  EXPECT_EQ(Ref(a, "him"), "Peter Dale");
}

TEST_F(CorefTest, GenderFromTitleAndFromEarlierPronoun) {
  auto a = Run("Ms. Quarrington met Mr. Belcourt in Lyon. He left early, and she stayed.");
  EXPECT_EQ(Ref(a, "He"), "Belcourt");
  EXPECT_EQ(Ref(a, "she"), "Quarrington");
  // No given name or title: the first "she" teaches the gender, so "he" skips her.
  auto b = Run("Tamsin Varga spoke first. She praised Orrin Kell. Later he replied.");
  EXPECT_EQ(Ref(b, "She"), "Tamsin Varga");
  EXPECT_EQ(Ref(b, "he"), "Orrin Kell");
}

TEST_F(CorefTest, NonReflexivePronounIsNotACoArgumentOfItsVerb) {
  auto a = Run("Carla Mendes met Ines Duarte in Porto. Ines Duarte praised her.");
  EXPECT_EQ(Ref(a, "her"), "Carla Mendes");
  auto b = Run("Carla Mendes met Ines Duarte in Porto. Ines Duarte praised herself.");
  EXPECT_EQ(Ref(b, "herself"), "Ines Duarte");
}

TEST_F(CorefTest, SubjectIsPreferredOverAnObject) {
  auto a = Run("Jonas Falk called Erik Lund on Tuesday. He said the talks would resume.");
  EXPECT_EQ(Ref(a, "He"), "Jonas Falk");
}

TEST_F(CorefTest, ItGoesToAnOrganisationNotAPerson) {
  auto a = Run("Nordvik Mining Company hired Anna Berg in March. It said sales had doubled.");
  EXPECT_EQ(Ref(a, "It"), "Nordvik Mining Company");
}

TEST_F(CorefTest, PleonasticItStandsForNothing) {
  auto a = Run("Nordvik Mining Company opened a mine. It rained all week. It is likely that prices will rise.");
  EXPECT_EQ(Ref(a, "It", 0), "-");
  EXPECT_EQ(Ref(a, "It", 1), "-");
}

TEST_F(CorefTest, PronounsInsideQuotationsAndTooFarBackStayUnresolved) {
  auto a = Run("Lars Eklund arrived. \"He never called,\" a neighbour said.");
  EXPECT_EQ(Ref(a, "He"), "-");
  auto b = Run(
      "Lars Eklund arrived. The rain stopped. The roads dried. The shops opened. The buses ran. He left.");
  EXPECT_EQ(Ref(b, "He"), "-");
}

TEST_F(CorefTest, TitleUsedAloneGoesToThePersonWithThatTitle) {
  auto a = Run(
      "President Halvard Moen met Finance Minister Liv Storaas in Oslo on Friday. "
      "The president said the budget was sound. The minister agreed.");
  EXPECT_EQ(Ref(a, "The president"), "Halvard Moen");
  EXPECT_EQ(Ref(a, "The minister"), "Liv Storaas");
  const Mention* m = Find(a, "The president");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, MentionKind::kTitle);
}

TEST_F(CorefTest, DefiniteDescriptionTakesTheLatestEntityOfItsType) {
  auto a = Run(
      "Nordvik Mining Company opened a plant in Tromso. The company said it would hire 200 people.");
  EXPECT_EQ(Ref(a, "The company"), "Nordvik Mining Company");
  const Mention* m = Find(a, "The company");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->kind, MentionKind::kDescription);
  // A place is no company.
  auto b = Run("Workers in Tromso protested. The company declined to comment.");
  EXPECT_EQ(Ref(b, "The company"), "-");
}

TEST_F(CorefTest, DescriptionPrefersTheEntityNamedWithItsNoun) {
  auto a = Run(
      "The Ministry of Fisheries fined Nordvik Mining Company on Monday. The ministry said the fine was final.");
  EXPECT_EQ(Ref(a, "The ministry"), "Ministry of Fisheries");
}

TEST_F(CorefTest, DemonymLimitsADescriptionToThatCountry) {
  auto a = Run(
      "Equinor signed a deal with Petrobras in Rio de Janeiro. The Norwegian company will pay for the study.");
  const Mention* m = Find(a, "The Norwegian company");
  ASSERT_NE(m, nullptr);
  if (m->entity >= 0) {
    EXPECT_EQ(a.entities[m->entity].country, "NOR");
  }
  // No Norwegian organisation at all: unresolved rather than the wrong company.
  auto b = Run("Petrobras signed a deal in Rio de Janeiro. The Norwegian company will pay for the study.");
  EXPECT_EQ(Ref(b, "The Norwegian company"), "-");
}

TEST_F(CorefTest, PluralDescriptionsAreGroups) {
  auto a = Run(
      "Prime Minister Halvard Moen met President Amara Osei in Accra. The two leaders signed a pact. Both sides "
      "praised it.");
  const Mention* leaders = Find(a, "The two leaders");
  ASSERT_NE(leaders, nullptr);
  EXPECT_EQ(leaders->entity, -1);
  ASSERT_EQ(leaders->members.size(), 2u);
  std::vector<std::string> names;
  for (int32_t e : leaders->members) names.push_back(a.entities[e].name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Amara Osei", "Halvard Moen"}));
  const Mention* sides = Find(a, "Both sides");
  ASSERT_NE(sides, nullptr);
  EXPECT_EQ(sides->members.size(), 2u);
}

TEST_F(CorefTest, RestrictedDescriptionsAreNewNotAnaphoric) {
  auto a = Run("Nordvik Mining Company grew fast. The company that bought it was Danish.");
  EXPECT_EQ(Find(a, "The company"), nullptr);
}

TEST_F(CorefTest, MentionsStayInTextOrderWithoutSyntaxNothingIsAdded) {
  auto a = Run("Peter Dale left Bergen. He said the company would stay. It will.");
  for (size_t i = 1; i < a.mentions.size(); ++i) EXPECT_LE(a.mentions[i - 1].span.start, a.mentions[i].span.start);
  Analysis bare;
  bare.body = "Peter Dale left Bergen. He said so.";
  text::Segment(&bare);
  entities_->Recognize(&bare);
  size_t before = bare.mentions.size();
  coref_->Resolve(&bare);
  EXPECT_EQ(bare.mentions.size(), before);
}


TEST_F(CorefTest, JsonListsEachReferenceWithItsEntityAndReadsItBack) {
  auto a = Run("Maria Lindqvist met Halvard Moen in Oslo. She thanked him. The two leaders left. It rained.");
  nlohmann::json j = ToJson(a);
  ASSERT_TRUE(j.contains("mentions"));
  std::map<std::string, nlohmann::json> by_text;
  for (const auto& m : j["mentions"]) {
    by_text[a.body.substr(m["start"].get<uint32_t>(), m["end"].get<uint32_t>() - m["start"].get<uint32_t>())] = m;
  }
  ASSERT_TRUE(by_text.count("She"));
  EXPECT_EQ(by_text["She"]["kind"], "pronoun");
  EXPECT_EQ(by_text["She"]["entity"], a.entities[0].id);
  ASSERT_TRUE(by_text.count("It"));
  EXPECT_TRUE(by_text["It"]["entity"].is_null());  // nothing fits: listed, unresolved
  ASSERT_TRUE(by_text.count("The two leaders"));
  EXPECT_TRUE(by_text["The two leaders"]["entity"].is_null());
  EXPECT_EQ(by_text["The two leaders"]["members"].size(), 2u);
  for (const auto& m : j["mentions"]) EXPECT_NE(m["kind"], "name");  // names live in entities[]
  auto back = AnalysisFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ToJson(*back)["mentions"], j["mentions"]);
}

// A description's span is the noun phrase alone: the preposition or comma before it, which
// the parse also attaches to the noun, stays out.
TEST_F(CorefTest, DescriptionSpanLeavesOutThePrepositionBeforeIt) {
  Analysis a = Run(
      "Velmar Telecom reported a loss on Monday. Investors sold shares in the company, and on the "
      "company's board two directors resigned.");
  bool found = false;
  for (const Mention& m : a.mentions) {
    if (m.kind != MentionKind::kDescription) continue;
    found = true;
    std::string_view text = a.Text(m.span);
    EXPECT_TRUE(text.starts_with("the ")) << text;
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace newsgraph
