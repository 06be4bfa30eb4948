// Event coder tests on invented sentences.
#include "events/events.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/words.h"
#include "entities/entities.h"
#include "events/earlier_stages_test_util.h"
#include "syntax/syntax.h"
#include "text/tokenizer.h"

namespace newsgraph {
namespace {

class EventsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = EventCoder::Create({});
    ASSERT_TRUE(c.ok()) << c.status().message();
    coder_ = std::move(c).value().release();
  }
  // The surface reading (no parse), names from the entities stage.
  static Analysis Code(const std::string& body, const std::string& published = "", const std::string& dateline = "") {
    Analysis a = events_test::EarlierStages(body, false, published, dateline);
    coder_->Code(&a);
    return a;
  }
  static const Event* Find(const Analysis& a, const std::string& src, const std::string& tgt) {
    for (const Event& e : a.events)
      if (e.source == src && e.target == tgt) return &e;
    return nullptr;
  }
  static EventCoder* coder_;
};
EventCoder* EventsTest::coder_ = nullptr;

TEST_F(EventsTest, SimpleMeetingIsConsult) {
  Analysis a = Code("The Estonian president met with Portugal's prime minister.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source, "Estonia");
  EXPECT_EQ(a.events[0].source_code, "ESTGOV");
  EXPECT_EQ(a.events[0].target, "Portugal");
  EXPECT_EQ(a.events[0].target_code, "PRTGOV");
  EXPECT_EQ(a.events[0].cameo, "040");
  EXPECT_EQ(a.events[0].root, "04");
  EXPECT_EQ(a.events[0].quad_class, 1);
  EXPECT_FALSE(a.events[0].rule.empty());
  EXPECT_EQ(a.events[0].sentence, 0);
  EXPECT_NE(a.events[0].evidence.find("met"), std::string::npos);
}

TEST_F(EventsTest, PledgedSumIsIntentToGiveEconomicAid) {
  Analysis a = Code("Norway pledged $2 billion to Kenya on Monday.");
  const Event* e = Find(a, "Norway", "Kenya");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0331");
  a = Code("Norway said it would lend $1 billion to Kenya.");
  e = Find(a, "Norway", "Kenya");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0331");  // 071 under the intent cue "would"
}

TEST_F(EventsTest, AidWithoutRecipientGoesToTheCountryTheStoryIsAbout) {
  // Datelined elsewhere (the story's country would be Switzerland); its actors name Peru.
  Analysis a = Code(
      "Peru asked for help after the floods. Peru said the rivers had risen. Japan donated tents and rice last "
      "week.",
      "", "GENEVA");
  const Event* e = Find(a, "Japan", "Peru");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->root, "07");
  // Pledged aid too.
  a = Code("Peru asked for help after the floods. Peru said the rivers had risen. Norway pledged $50 million.");
  e = Find(a, "Norway", "Peru");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0331");
}

TEST_F(EventsTest, BothGovernmentsAreTheLastDyad) {
  Analysis a = Code("Kenya signed a deal with Uganda. Norway thanked both governments for their patience.");
  EXPECT_NE(Find(a, "Norway", "Kenya"), nullptr);
  EXPECT_NE(Find(a, "Norway", "Uganda"), nullptr);
}

TEST_F(EventsTest, EveryIsoCountryIsAnActor) {
  // Neither is in countries.tsv: they come from the ISO 3166 place list.
  Analysis a = Code("Madagascar accused Mauritius of harbouring smugglers.");
  const Event* e = Find(a, "Madagascar", "Mauritius");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source_code, "MDG");
  EXPECT_EQ(e->target_code, "MUS");
  EXPECT_EQ(e->root, "11");
}

TEST_F(EventsTest, UrgedRestraintIsAnAppealToTheParties) {
  Analysis a = Code("Kenya and Uganda exchanged fire on Monday. Norway and Chile both urged restraint.");
  for (const char* src : {"Norway", "Chile"}) {
    for (const char* tgt : {"Kenya", "Uganda"}) {
      const Event* e = Find(a, src, tgt);
      ASSERT_NE(e, nullptr) << src << " -> " << tgt;
      EXPECT_EQ(e->cameo, "0256");
    }
  }
  a = Code("Peru urged Chile to lift sanctions on its fishing fleet.");
  const Event* e = Find(a, "Peru", "Chile");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0254");
  a = Code("Peru called on Chile to lift sanctions on its fishing fleet.");
  e = Find(a, "Peru", "Chile");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0254");
  a = Code("Peru called on Chile to respect the right to protest.");
  e = Find(a, "Peru", "Chile");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "0243");
}

TEST_F(EventsTest, UnnamedActorInAPlaceBelongsToItsCountry) {
  Analysis a = Code("Farmers in France staged protests on Monday. Police in Lima detained 12 people.", "", "NAIROBI");
  ASSERT_GE(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].source, "France");
  EXPECT_EQ(a.events[0].source_code, "FRAAGR");
  EXPECT_EQ(a.events[1].source_code, "PERCOP");
}

TEST_F(EventsTest, StoryCountryIsTheOneNamedMostWhenTheDatelineIsElsewhere) {
  Analysis a = Code(
      "Turkey and Greece traded accusations. Turkey said Greece had provoked it, and Turkey recalled its envoy. "
      "Police detained a journalist on Monday.",
      "", "STRASBOURG, France");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.cameo == "173") {
      found = true;
      EXPECT_EQ(e.source_code, "TURCOP");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EventsTest, FightingWithoutTargetIsAgainstTheOtherSideAndDenialsAnswerAccusations) {
  Analysis a = Code(
      "Kenya and Uganda exchanged fire on Monday. Kenyan forces had responded with artillery. Uganda accused "
      "Kenya of shelling villages. The Kenyan government denied the accusation.");
  const Event* e = Find(a, "Kenya", "Uganda");
  ASSERT_NE(e, nullptr);
  bool artillery = false, denial = false;
  for (const Event& ev : a.events) {
    artillery |= ev.cameo == "194" && ev.target == "Uganda";
    denial |= ev.cameo == "016" && ev.target == "Uganda";
  }
  EXPECT_TRUE(artillery);
  EXPECT_TRUE(denial);
}

// The gold conventions: an act the text reports only as someone's claim requires that
// someone's accusation (112); the act itself is optional.
TEST_F(EventsTest, ReportedHostileActIsTheReportersAccusation) {
  Analysis a = Code("Kenya said Ugandan soldiers had opened fire first.");
  const Event* e = Find(a, "Kenya", "Uganda");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "112");
  // The claim is kept apart from the fact: no fight is coded on the speaker's word.
  a = Code("The Chilean army said Peruvian troops had shelled villages in Bolivia.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "112");
  EXPECT_EQ(a.events[0].source, "Chile");
  EXPECT_EQ(a.events[0].target, "Peru");
  // Not for what the speaker says it did or will do, nor across a clause.
  for (const char* text :
       {"Kenyan police said they had arrested 14 people.", "Kenya said Uganda would impose sanctions.",
        "Kenya said, and Uganda later shelled a town."}) {
    for (const Event& ev : Code(text).events) EXPECT_NE(ev.cameo, "112") << text;
  }
}

// Mediation points from the mediator to each party, not between the parties.
TEST_F(EventsTest, MediationGoesFromTheMediatorToEachParty) {
  for (const char* text :
       {"Norway mediated between Chile and Peru on Monday.", "Qatar brokered talks between Chile and Peru."}) {
    Analysis a = Code(text);
    std::string mediator = a.events.empty() ? "" : a.events[0].source;
    EXPECT_TRUE(mediator == "Norway" || mediator == "Qatar") << text;
    ASSERT_NE(Find(a, mediator, "Chile"), nullptr) << text;
    ASSERT_NE(Find(a, mediator, "Peru"), nullptr) << text;
    EXPECT_EQ(Find(a, mediator, "Chile")->cameo, "045");
    EXPECT_EQ(Find(a, mediator, "Peru")->rule.substr(0, 25), "verbs.tsv#mediate-between");
    EXPECT_EQ(Find(a, "Chile", "Peru"), nullptr) << text;
  }
}

TEST_F(EventsTest, SecondPredicateOfTheSameSubjectIsCoded) {
  Analysis a = Code(
      "Kenya rejected the criticism from Uganda and accused Tanzania of arming rebels. Norway repeated "
      "accusations that Chile spies on its citizens and complained about it.");
  const Event* deny = Find(a, "Kenya", "Uganda");
  ASSERT_NE(deny, nullptr);
  EXPECT_EQ(deny->cameo, "016");  // rejecting criticism = denying an accusation
  const Event* accuse = Find(a, "Kenya", "Tanzania");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->cameo, "112");
  for (const Event& e : a.events) EXPECT_FALSE(e.source == "Chile" && e.cameo == "114") << e.evidence;
}

TEST_F(EventsTest, SeatsOfGovernmentStandForIt) {
  Analysis a = Code("A Kremlin spokesman accused the White House of meddling. Brussels criticized Moscow.");
  const Event* e = Find(a, "Russia", "United States");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source_code, "RUSGOV");
  EXPECT_EQ(e->cameo, "112");
  EXPECT_NE(Find(a, "European Union", "Russia"), nullptr);
}

TEST_F(EventsTest, LegalAppealsAreNoAppeals) {
  for (const char* text : {"The court upheld an appeal by Kenya against the ruling.",
                           "Kenya can appeal to the Supreme Court of Uganda."}) {
    for (const Event& e : Code(text).events) EXPECT_NE(e.root, "02") << text;
  }
}

TEST_F(EventsTest, TheAttackIsTheAssaultBeforeLaterFighting) {
  Analysis a = Code(
      "Somali rebels carried out a suicide bombing against Kenya. Ugandan aircraft later bombed the rebels. "
      "Norway condemned the attack.");
  bool found = false;
  for (const Event& e : a.events) {
    if (e.source == "Norway" && e.cameo == "111") {
      found = true;
      EXPECT_EQ(e.target, "Somalia") << e.evidence;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EventsTest, MeetingForTalksIsNegotiation) {
  Analysis a = Code("Kenya met Uganda for talks on the border.");
  const Event* e = Find(a, "Kenya", "Uganda");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "046");
}

TEST_F(EventsTest, CapitalStandsForGovernment) {
  Analysis a = Code("Ottawa accused Havana of hosting spies.");
  const Event* e = Find(a, "Canada", "Cuba");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "112");
  EXPECT_EQ(e->source_code, "CANGOV");
}

TEST_F(EventsTest, UnnamedOfficialIsCodedAsCountry) {
  Analysis a = Code("Norway's defense minister rebuffed a request from Sweden for a meeting.");
  const Event* refusal = Find(a, "Norway", "Sweden");
  ASSERT_NE(refusal, nullptr);
  EXPECT_EQ(refusal->cameo, "125");
  EXPECT_EQ(refusal->source_code, "NORGOV");
  EXPECT_EQ(refusal->source_detail, "Norway's defense minister");
  const Event* request = Find(a, "Sweden", "Norway");
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->cameo, "026");
}

TEST_F(EventsTest, RoleWordsGiveRoleCodes) {
  Analysis a = Code("Police arrested dozens of protesters in Lima.");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events[0].source_code, "PERCOP");  // unnamed police take the story's country (Lima)
  EXPECT_EQ(a.events[0].cameo, "173");
  EXPECT_EQ(a.events[0].location, "Lima");
  Analysis b = Code("Colombian rebels attacked an army base.");
  ASSERT_FALSE(b.events.empty());
  EXPECT_EQ(b.events[0].source_code, "COLREB");
  EXPECT_EQ(b.events[0].root, "19");
}

TEST_F(EventsTest, NegationConditionAndQuestionAreNotEvents) {
  EXPECT_TRUE(Code("Ghana did not meet Togo.").events.empty());
  EXPECT_TRUE(Code("If Ghana attacks Togo, the region will suffer.").events.empty());
  EXPECT_TRUE(Code("Will Ghana meet Togo?").events.empty());
  // A conditional cue opening the clause outranks a nearer modal: asked about, not intended.
  EXPECT_TRUE(Code("Asked whether Ghana would meet Togo soon, the minister smiled.").events.empty());
  EXPECT_FALSE(Code("Ghana would meet Togo soon, the minister said.").events.empty());
}

TEST_F(EventsTest, RefusalAndIntent) {
  Analysis r = Code("Chile refused to meet Peru.");
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].cameo, "125");
  Analysis i = Code("The talks could pave the way for a meeting with Bolivia, Chile said.");
  for (const Event& e : i.events) EXPECT_NE(e.root, "04") << e.rule;
  Analysis w = Code("Peru will meet Ecuador next week.");
  ASSERT_EQ(w.events.size(), 1u);
  EXPECT_EQ(w.events[0].cameo, "036");
  Analysis t = Code("Egypt threatened to impose sanctions on Libya.");
  ASSERT_FALSE(t.events.empty());
  EXPECT_EQ(t.events[0].cameo, "1312");
}

TEST_F(EventsTest, PassiveVoiceSwapsActors) {
  Analysis a = Code("Mali was attacked by Niger on Tuesday.", "2030-03-08");
  const Event* e = Find(a, "Niger", "Mali");
  ASSERT_NE(e, nullptr) << (a.events.empty() ? "" : a.events[0].source);
  EXPECT_EQ(e->root, "19");
  EXPECT_EQ(e->when, "Tuesday");
  EXPECT_EQ(e->date, "2030-03-05");  // 2030-03-08 is a Friday
}

TEST_F(EventsTest, RelativeWeeksMonthsAndYearsResolveAgainstPublication) {
  struct Case {
    const char* text;
    const char* published;
    const char* date;
  } cases[] = {{"Mali was attacked by Niger last week.", "2030-03-08", "2030-03-01"},
               {"Mali was attacked by Niger last month.", "2030-03-31", "2030-02-28"},
               {"Mali was attacked by Niger last month.", "2030-01-15", "2029-12-15"},
               {"Mali was attacked by Niger last year.", "2032-02-29", "2031-02-28"}};
  for (const Case& c : cases) {
    Analysis a = Code(c.text, c.published);
    const Event* e = Find(a, "Niger", "Mali");
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->date, c.date) << c.text << " published " << c.published;
  }
  EXPECT_EQ(Find(Code("Mali was attacked by Niger last month."), "Niger", "Mali")->date, "");  // undated article
}

TEST_F(EventsTest, CoordinationIsExpandedPairwise) {
  Analysis a = Code("The foreign ministers of Chile, Peru and Bolivia held talks in Lima.");
  EXPECT_EQ(a.events.size(), 3u);
  for (const Event& e : a.events) EXPECT_EQ(e.root, "04");
  Analysis b = Code("Greece signed an agreement with Italy and Spain.");
  EXPECT_NE(Find(b, "Greece", "Italy"), nullptr);
  EXPECT_NE(Find(b, "Greece", "Spain"), nullptr);
}

TEST_F(EventsTest, SurnameResolvesToFullNameAndRole) {
  Analysis a = Code(
      "Kenyan Foreign Minister Amara Odhiambo arrived on Monday.\n"
      "Odhiambo visited Tanzania on Tuesday.");
  const Event* e = Find(a, "Amara Odhiambo", "Tanzania");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source_code, "KENGOV");
  EXPECT_EQ(e->cameo, "042");
}

TEST_F(EventsTest, EntitiesGiveCanonicalNames) {
  Analysis a;
  a.body = "Mr. Varga criticized Romania.";
  text::Segment(&a);
  Entity e;
  e.name = "Zoltan Varga";
  e.type = EntityType::kPerson;
  e.country = "HUN";
  e.title = "foreign minister";
  e.mentions.push_back({4, 9});
  a.entities.push_back(e);
  FillNameMentions(&a);  // the mention layer the coder reads
  coder_->Code(&a);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source, "Zoltan Varga");
  EXPECT_EQ(a.events[0].source_code, "HUNGOV");
  EXPECT_EQ(a.events[0].cameo, "111");
}

// `body` segmented, with the entities `names` (each at every place its name occurs) as the
// mention layer: the names the coder may read, no others.
Analysis WithNames(const std::string& body, const std::vector<Entity>& names) {
  Analysis a;
  a.body = body;
  text::Segment(&a);
  for (Entity e : names) {
    for (size_t at = body.find(e.name); at != std::string::npos; at = body.find(e.name, at + 1))
      e.mentions.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + e.name.size())});
    a.entities.push_back(e);
  }
  FillNameMentions(&a);
  return a;
}

Entity Named(const std::string& name, EntityType type, const std::string& country = "") {
  Entity e;
  e.name = name;
  e.type = type;
  e.country = country;
  return e;
}

// The coder finds no names of its own: a capitalised run that the mention layer does not
// hold is no actor, and a name it holds is one actor, whole, with lower-case words inside.
TEST_F(EventsTest, NamesComeFromTheMentionLayer) {
  const std::string text = "Chile accused Redwater Holdings of fraud.";
  Analysis a = WithNames(text, {});
  coder_->Code(&a);
  for (const Event& e : a.events) EXPECT_EQ(e.target.find("Redwater"), std::string::npos) << e.target;
  a = WithNames(text, {Named("Redwater Holdings", EntityType::kOrg)});
  coder_->Code(&a);
  const Event* e = Find(a, "Chile", "Redwater Holdings");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->root, "11");
  a = WithNames("Chile accused the Bank of the Southern Isles of fraud.",
                {Named("Bank of the Southern Isles", EntityType::kOrg)});
  coder_->Code(&a);
  EXPECT_NE(Find(a, "Chile", "Bank of the Southern Isles"), nullptr);
}

// "Okafor's national security adviser": the possessor locates the unnamed actor; the
// mention layer names it (the full name) and gives its country.
TEST_F(EventsTest, APossessorNamesAnUnnamedActorsSide) {
  Analysis a = WithNames("Amara Okafor flew to Accra. Okafor's national security adviser met Ghana's president.",
                         {Named("Amara Okafor", EntityType::kPerson, "NGA")});
  a.entities[0].mentions.push_back({28, 34});  // "Okafor", as the entities stage links it
  FillNameMentions(&a);
  coder_->Code(&a);
  const Event* e = nullptr;
  for (const Event& x : a.events)
    if (x.root == "04" && x.target == "Ghana") e = &x;
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source, "Amara Okafor");
  EXPECT_EQ(e->source_code, "NGAGOV");
  EXPECT_EQ(e->source_detail, "Okafor's national security adviser");
}

TEST_F(EventsTest, QuotedSpeechIsNotCoded) {
  EXPECT_TRUE(Code("\"We will attack Sudan,\" a commentator wrote.").events.empty());
}

TEST_F(EventsTest, MeetingInThirdCountry) {
  Analysis a = Code("Argentina's president met with Brazil's president in Vienna.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "044") << a.events[0].location;
}

TEST_F(EventsTest, GerundTakesTheActorBeforeIt) {
  Analysis a = Code("The news came with the Kenyan government signing a treaty with Ethiopia.");
  const Event* e = Find(a, "Kenya", "Ethiopia");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "057");
}

TEST_F(EventsTest, CondemningTheAttackTargetsTheAttacker) {
  Analysis a = Code("Militants from Chad attacked a base in Niger. Nigeria condemned the attack.");
  bool found = false;
  for (const Event& e : a.events) found |= e.source == "Nigeria" && e.cameo == "111" && e.target == "Chad";
  EXPECT_TRUE(found);
}

TEST_F(EventsTest, DuplicateEventsAreCodedOnce) {
  Analysis a = Code("Iraq condemned Syria. Later, Iraq condemned Syria.");
  EXPECT_EQ(a.events.size(), 1u);
}

TEST_F(EventsTest, LongSentenceAndManyActorsStayBounded) {
  std::string big;
  for (int i = 0; i < 5000; ++i) big += (i % 7 == 0) ? "France met Germany and " : "word ";
  big += "end.";
  auto t0 = std::chrono::steady_clock::now();
  Analysis a = Code(big);
  std::string many;
  for (int i = 0; i < 500; ++i) many += "Chile, ";
  many += "and Peru met Bolivia.";
  Analysis b = Code(many);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(ms, 5000);  // generous: a guard against quadratic blow-ups, not a benchmark
  EXPECT_LE(a.events.size(), 64u * 28u);
}

TEST_F(EventsTest, EveryCodeHasQuadClassAndGoldstein) {
  Analysis a = Code("Turkey bombed Syria. Japan praised Korea. Iran protested.");
  for (const Event& e : a.events) {
    EXPECT_GE(e.quad_class, 1) << e.cameo;
    EXPECT_LE(e.quad_class, 4) << e.cameo;
    EXPECT_GE(e.goldstein, -10.0);
    EXPECT_LE(e.goldstein, 10.0);
  }
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Actors come from the shared mention layer (Analysis::mentions): a pronoun, title or
// description resolved to an entity by coreference acts as that entity; the coder has no
// pronoun resolver of its own. (Also the regression of a pronoun pass that once kept a
// pointer into a vector it then replaced: many phrases before the pronoun.)
TEST(EventsPronounTest, PronounMentionActsAsItsEntity) {
  auto coder = EventCoder::Create({});
  ASSERT_TRUE(coder.ok());
  Analysis a;
  std::string body;
  for (int i = 0; i < 20; ++i) body += "Finance Minister Lena Moreau of France met officials from Ghana and Peru. ";
  body += "She later visited Chile.";
  a.body = body;
  text::Segment(&a);
  Entity moreau;
  moreau.id = "e1";
  moreau.name = "Lena Moreau";
  moreau.country = "FRA";
  for (size_t at = body.find("Lena Moreau"); at != std::string::npos; at = body.find("Lena Moreau", at + 1)) {
    moreau.mentions.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 11)});
    a.mentions.push_back({moreau.mentions.back(), MentionKind::kName, 0, -1});
  }
  a.entities.push_back(moreau);
  Analysis without = a;
  uint32_t she = static_cast<uint32_t>(body.rfind("She"));
  a.mentions.push_back({{she, she + 3}, MentionKind::kPronoun, 0, -1});
  (*coder)->Code(&a);
  const Event* visit = nullptr;
  for (const Event& e : a.events)
    if (e.source == "Lena Moreau" && e.target == "Chile" && e.cameo == "042") visit = &e;
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->source_code, "FRAGOV");
  EXPECT_EQ(visit->source_detail, "She");
  // Unresolved, "She" is nobody: the coder guesses no referent.
  (*coder)->Code(&without);
  for (const Event& e : without.events) EXPECT_NE(e.target, "Chile") << e.source;
}

// A title mention ("the minister") resolved by coreference is an actor too.
TEST(EventsPronounTest, TitleMentionActsAsItsEntity) {
  auto coder = EventCoder::Create({});
  ASSERT_TRUE(coder.ok());
  Analysis a;
  a.body = "Velmar's foreign minister Ada Kors arrived on Monday. The minister accused Dornia of shelling villages.";
  text::Segment(&a);
  Entity kors;
  kors.id = "e1";
  kors.name = "Ada Kors";
  uint32_t at = static_cast<uint32_t>(a.body.find("Ada Kors"));
  kors.mentions.push_back({at, at + 8});
  a.entities.push_back(kors);
  a.mentions.push_back({kors.mentions[0], MentionKind::kName, 0, -1});
  uint32_t title = static_cast<uint32_t>(a.body.find("The minister"));
  a.mentions.push_back({{title, title + 12}, MentionKind::kTitle, 0, -1});
  Entity dornia;  // an invented group: a name of the mention layer, no dictionary actor
  dornia.id = "e2";
  dornia.name = "Dornia";
  dornia.type = EntityType::kOrg;
  uint32_t d = static_cast<uint32_t>(a.body.find("Dornia"));
  dornia.mentions.push_back({d, d + 6});
  a.entities.push_back(dornia);
  a.mentions.push_back({dornia.mentions[0], MentionKind::kName, 1, -1});
  (*coder)->Code(&a);
  bool found = false;
  for (const Event& e : a.events) found |= e.source == "Ada Kors" && e.target == "Dornia" && e.root == "11";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// verbs.tsv lines carry stable ids, reported by the events they code; a bad or repeated id
// is an error naming the file and line.
TEST(EventsDataTest, PatternIdsAreStableAndChecked) {
  auto coder = EventCoder::Create({});
  ASSERT_TRUE(coder.ok());
  Analysis a;
  a.body = "The Estonian president met with Portugal's prime minister.";
  text::Segment(&a);
  (*coder)->Code(&a);
  ASSERT_FALSE(a.events.empty());
  EXPECT_TRUE(a.events[0].rule.starts_with("verbs.tsv#met")) << a.events[0].rule;

  std::string dir = ::testing::TempDir() + "/events_data_test";
  std::filesystem::create_directories(dir + "/events");
  auto write = [&](const std::string& text) {
    std::ofstream(dir + "/events/verbs.tsv") << text;
    setenv("NEWSGRAPH_DATA_DIR", dir.c_str(), 1);
    auto c = EventCoder::Create({});
    unsetenv("NEWSGRAPH_DATA_DIR");
    return c.ok() ? std::string() : std::string(c.status().message());
  };
  EXPECT_EQ(write("# ok\nmeet\t040\tmet\tsym\tmeet\n"), "");
  std::string error = write("# header\nmeet\t040\tmet\t\tmeet\nmeet\t040\tmeets\t\tmeet\n");
  EXPECT_NE(error.find("verbs.tsv:3"), std::string::npos) << error;
  EXPECT_NE(error.find("already used on line 2"), std::string::npos) << error;
  error = write("040\tmet\n");
  EXPECT_NE(error.find("verbs.tsv:1"), std::string::npos) << error;
  error = write("meet now\t040\tmet\n");
  EXPECT_NE(error.find("bad id"), std::string::npos) << error;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// The parse fills in what the words before the verb do not give: rules frame_subject and
// frame_modality (each off: the event as the surface alone codes it).
// `body` segmented and parsed, not yet coded.
Analysis Parsed(const std::string& body) { return events_test::EarlierStages(body, true); }

class EventsParsedTest : public ::testing::Test {
 protected:
  static Analysis Code(const std::string& body, const std::vector<std::string>& off = {}) {
    EventCoderOptions o;
    o.rules_off = off;
    auto coder = EventCoder::Create(o);
    EXPECT_TRUE(coder.ok());
    Analysis a = Parsed(body);
    if (coder.ok()) (*coder)->Code(&a);
    return a;
  }
};

TEST_F(EventsParsedTest, FrameSubjectWhereQuotesSeparateItFromTheVerb) {
  Analysis a = Code("Chile \"strongly\" accused Peru of arming rebels.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source, "Chile");
  EXPECT_EQ(a.events[0].target, "Peru");
  EXPECT_EQ(a.events[0].cameo, "112");
  EXPECT_TRUE(Code("Chile \"strongly\" accused Peru of arming rebels.", {"frame_subject"}).events.empty());
}

TEST_F(EventsParsedTest, FrameModalityWhereNoCuePrecedesTheVerb) {
  const std::string text = "Chile will soon and after a further delay meet Peru.";
  Analysis a = Code(text);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "036");  // an intention to meet, "will" hanging on "meet"
  EXPECT_NE(a.events[0].rule.find("intent \"will\""), std::string::npos) << a.events[0].rule;
  a = Code(text, {"frame_modality"});
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].cameo, "040");
}

TEST_F(EventsParsedTest, AttributiveEventWordIsNoEvent) {
  // "a jailed reporter" describes the reporter: the meeting is coded, no jailing.
  const std::string text = "Chile met a jailed reporter from Peru.";
  bool met = false;
  for (const Event& e : Code(text).events) {
    EXPECT_NE(e.root, "17") << e.evidence;
    met |= e.root == "04";
  }
  EXPECT_TRUE(met);
  bool jailed = false;
  for (const Event& e : Code(text, {"frame_attributive"}).events) jailed |= e.root == "17";
  EXPECT_TRUE(jailed);
  // The verb itself still codes.
  jailed = false;
  for (const Event& e : Code("Chile jailed a reporter from Peru.").events) jailed |= e.root == "17";
  EXPECT_TRUE(jailed);
}

// "X was arrested and charged": the second verb is passive too (the parse says so, not the
// words before it); with no agent nobody is coded as doing it, least of all X.
TEST_F(EventsParsedTest, ConjoinedPassiveHasNoSubjectAsSource) {
  const std::string text = "Chile's ambassador to Peru was arrested last year and charged with fraud.";
  for (const Event& e : Code(text).events) EXPECT_NE(e.root, "17") << e.source << " " << e.evidence;
  bool charged = false;
  for (const Event& e : Code(text, {"frame_subject"}).events) charged |= e.root == "17";
  EXPECT_TRUE(charged);
}

// Appositions are the parse's (core/words.h Apposition, to the comma that closes them):
// an unnamed appositive names its head ("the most senior Nigerian official" is Okafor, who
// visits), and nothing inside the parenthesis is the subject of the verb after it.
TEST_F(EventsParsedTest, TheParsesAppositionIsItsHeadAndAParenthesis) {
  Analysis a = Code(
      "Grace Okafor, the most senior Nigerian official to visit Ghana since May, met President Kofi Mensah on "
      "Monday.");
  bool visit = false;
  for (const Event& e : a.events) visit |= e.root == "04" && e.cameo == "042" && e.source == "Grace Okafor";
  EXPECT_TRUE(visit);
  a = Code(
      "Grace Okafor, the most senior Nigerian official to meet President Kofi Mensah since May, accused Ghana of "
      "spying on Monday.");
  bool accused = false;
  for (const Event& e : a.events) {
    EXPECT_NE(e.source, "Kofi Mensah") << e.cameo;
    accused |= e.root == "11" && e.source == "Grace Okafor" && e.target == "Ghana";
  }
  EXPECT_TRUE(accused);
}

// A relative clause set off by commas is a parenthesis too: its object is no subject of
// the verb after it.
TEST_F(EventsParsedTest, ARelativeClauseInCommasIsAParenthesis) {
  Analysis a = Code("The foreign minister of Chile, who visited Peru last week, later accused Bolivia of spying.");
  bool accused = false;
  for (const Event& e : a.events) {
    if (e.root != "11") continue;
    EXPECT_EQ(e.source, "Chile");
    EXPECT_EQ(e.source_code, "CHLGOV");
    accused |= e.target == "Bolivia";
  }
  EXPECT_TRUE(accused);
}

// A name in apposition to an unnamed actor stands for it and takes its country and role.
TEST_F(EventsParsedTest, ANameInAppositionStandsForTheUnnamedActor) {
  Analysis a = Code("Chile's ambassador to Spain, Ana Soto, accused Peru of spying.");
  bool accused = false;
  for (const Event& e : a.events) accused |= e.root == "11" && e.source == "Ana Soto" && e.source_code == "CHLGOV";
  EXPECT_TRUE(accused);
}

TEST(EventsOptionsTest, UnknownRuleIsAnError) {
  EventCoderOptions o;
  o.rules_off = {"both_sides", "no_such_rule"};
  auto coder = EventCoder::Create(o);
  ASSERT_FALSE(coder.ok());
  EXPECT_NE(coder.status().message().find("no_such_rule"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Coreference's choice for a pronoun or description, checked against what the coder knows
// (the parse, the dictionary's reading of the words).
class EventsMentionTest : public ::testing::Test {
 protected:
  // Codes `body` with the parse and the names of the entities stage, the entity `org` (of
  // `type`) at its mentions, and, instead of coreference, one mention of `kind` at the last
  // `ref` resolved to that entity.
  static Analysis Code(const std::string& body, const std::string& org, const std::string& ref, MentionKind kind,
                       EntityType type = EntityType::kOrg) {
    auto coder = EventCoder::Create({});
    EXPECT_TRUE(coder.ok());
    Analysis a = Parsed(body);
    std::erase_if(a.mentions, [](const Mention& m) { return m.kind != MentionKind::kName; });
    auto known = std::find_if(a.entities.begin(), a.entities.end(), [&](const Entity& e) { return e.name == org; });
    const int32_t entity = static_cast<int32_t>(known - a.entities.begin());
    if (known == a.entities.end()) {
      Entity e;
      e.id = "e" + std::to_string(entity + 1);
      e.name = org;
      for (size_t at = body.find(org); at != std::string::npos; at = body.find(org, at + 1)) {
        Span s{static_cast<uint32_t>(at), static_cast<uint32_t>(at + org.size())};
        e.mentions.push_back(s);
        a.mentions.push_back({s, MentionKind::kName, entity, HeadWord(a, s)});
      }
      a.entities.push_back(e);
    }
    a.entities[entity].type = type;
    const size_t at = body.rfind(ref);
    Span s{static_cast<uint32_t>(at), static_cast<uint32_t>(at + ref.size())};
    a.mentions.push_back({s, kind, entity, HeadWord(a, s)});
    std::stable_sort(a.mentions.begin(), a.mentions.end(),
                     [](const Mention& x, const Mention& y) { return x.span.start < y.span.start; });
    if (coder.ok()) (*coder)->Code(&a);
    return a;
  }
};

// "Police said they had arrested ...": the pronoun subject of the reported clause is the
// speaker, not the organisation coreference found further back.
TEST_F(EventsMentionTest, PronounOfAReportedClauseIsItsSpeaker) {
  Analysis a = Code(
      "The Atlas Trading Company opened an office in Kenya on Monday. Police said they had arrested 14 people.",
      "Atlas Trading Company", "they", MentionKind::kPronoun);
  const Event* arrest = nullptr;
  for (const Event& e : a.events)
    if (e.root == "17") arrest = &e;
  ASSERT_NE(arrest, nullptr);
  EXPECT_EQ(arrest->source, "Kenya");
  EXPECT_EQ(arrest->source_code, "KENCOP");
}

// A reported hostile act is its reporter's accusation only when a name or description
// reports it: a pronoun of the mention layer (kind pronoun, whatever its words) does not.
TEST_F(EventsMentionTest, APronounReportsNoAccusation) {
  const std::string named = "Velmar Mining opened a mine in Peru on Monday. Velmar Mining said Chile had shelled Peru.";
  bool accusation = false;
  for (const Event& e : Code(named, "Velmar Mining", "Velmar Mining", MentionKind::kName).events)
    accusation |= e.cameo == "112" && e.source == "Velmar Mining" && e.target == "Chile";
  EXPECT_TRUE(accusation);
  const std::string pronoun = "Velmar Mining opened a mine in Peru on Monday. They said Chile had shelled Peru.";
  for (const Event& e : Code(pronoun, "Velmar Mining", "They", MentionKind::kPronoun).events)
    EXPECT_FALSE(e.cameo == "112" && e.target == "Chile") << e.source;
}

// "met her Kenyan counterpart": the possessive pronoun is the possessor; the phrase stays
// the counterpart (Kenya), not the minister herself.
TEST_F(EventsMentionTest, PossessivePronounDoesNotReplaceThePhraseItModifies) {
  Analysis a = Code("Ghanaian Foreign Minister Ama Owusu met her Kenyan counterpart in Accra on Monday.", "Ama Owusu",
                    "her", MentionKind::kPronoun, EntityType::kPerson);
  bool met = false;
  for (const Event& e : a.events) met |= e.root == "04" && e.source == "Ama Owusu" && e.target == "Kenya";
  EXPECT_TRUE(met);
}

// "urged the government": a description resolved to the latest organisation, whose name
// lacks "government", keeps the dictionary's reading (the story's country's government).
TEST_F(EventsMentionTest, GovernmentResolvedByTypeAloneStaysTheCountrysGovernment) {
  Analysis a = Code(
      "The Atlas Trading Company opened an office in Kenya on Monday. Amnesty International urged the government "
      "to release the detained reporters.",
      "Atlas Trading Company", "the government", MentionKind::kDescription);
  bool urged = false;
  for (const Event& e : a.events) {
    EXPECT_NE(e.target, "Atlas Trading Company") << e.evidence;
    urged |= e.root == "02" && e.target == "Kenya" && e.target_code == "KENGOV";
  }
  EXPECT_TRUE(urged);
  // A description whose entity's name holds the noun is that entity ("the company").
  a = Code("The Atlas Trading Company opened an office in Kenya on Monday. Kenya's president urged the company "
           "to hire local staff.",
           "Atlas Trading Company", "the company", MentionKind::kDescription);
  bool company = false;
  for (const Event& e : a.events) company |= e.root == "02" && e.target == "Atlas Trading Company";
  EXPECT_TRUE(company);
}

}  // namespace
}  // namespace newsgraph
