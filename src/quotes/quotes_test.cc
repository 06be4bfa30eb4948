// Attribution tests on invented text: every case of issue 4, with and without entities.
#include "quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>

#include "entities/entities.h"
#include "mentions/coref.h"
#include "syntax/syntax.h"
#include "text/tokenizer.h"

namespace newsgraph {
namespace {

struct EntitySpec {
  std::string name;
  EntityType type;
  std::vector<std::string> forms;  // surface forms to mark as mentions
};

// Runs the stages the quotes stage reads: syntax, then the entities stage (or, with
// `entities`, those entities as given) and coreference, then the quotes.
const QuoteFinder& Finder() {
  static const auto* finder = QuoteFinder::Create().value().release();
  return *finder;
}

Analysis Analyze(const std::string& body, const std::vector<EntitySpec>& entities = {}) {
  const QuoteFinder* finder = &Finder();
  static const auto* syntax = syntax::SyntaxModel::Default().value();
  static const auto* recognizer = EntityRecognizer::Create().value().release();
  static const auto* coref = CorefResolver::Create().value().release();
  Analysis a;
  a.body = body;
  text::Segment(&a);
  syntax->Annotate(&a);
  if (entities.empty()) recognizer->Recognize(&a);
  for (size_t i = 0; i < entities.size(); ++i) {
    Entity e;
    e.id = "e" + std::to_string(i + 1);
    e.name = entities[i].name;
    e.type = entities[i].type;
    for (const std::string& f : entities[i].forms) {
      for (size_t p = body.find(f); p != std::string::npos; p = body.find(f, p + 1)) {
        e.mentions.push_back(Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + f.size())});
      }
      if (f != e.name) e.aliases.push_back(f);
    }
    a.entities.push_back(e);
  }
  if (!entities.empty()) FillNameMentions(&a);
  coref->Resolve(&a);
  finder->Find(&a);
  return a;
}

// "text => speaker" for each quote, for compact expectations.
std::vector<std::string> Who(const Analysis& a) {
  std::vector<std::string> out;
  for (const Quote& q : a.quotes) out.push_back(q.text + " => " + q.speaker);
  return out;
}

using V = std::vector<std::string>;

TEST(Quotes, NameThenCueAfterQuote) {
  auto a = Analyze("\"The river is rising,\" Mayor Ellen Marsh said on Tuesday.");
  EXPECT_EQ(Who(a), V{"The river is rising, => Ellen Marsh"});
  EXPECT_EQ(a.quotes[0].cue, "said");
  EXPECT_EQ(a.Text(a.quotes[0].span), "The river is rising,");
}

TEST(Quotes, CueThenNameAfterQuote) {
  auto a = Analyze("\"We need more boats,\" said Tomas Berglund, the harbour master in Kalmar.");
  EXPECT_EQ(Who(a), V{"We need more boats, => Tomas Berglund"});
}

TEST(Quotes, AppositiveBetweenNameAndCue) {
  // The entities are given: the entities stage's tagger misses "Rana Haddad" right after a
  // closing curly quote, and candidate speakers come only from the mention layer.
  auto a = Analyze(
      "\xE2\x80\x9CPrices will fall,\xE2\x80\x9D Rana Haddad, the chief economist at Northgate Bank in "
      "Leeds, said.",
      {{"Rana Haddad", EntityType::kPerson, {"Rana Haddad"}},
       {"Northgate Bank", EntityType::kOrg, {"Northgate Bank"}},
       {"Leeds", EntityType::kLoc, {"Leeds"}}});
  EXPECT_EQ(Who(a), V{"Prices will fall, => Rana Haddad"});
}

TEST(Quotes, CueBeforeQuoteWithColon) {
  auto a = Analyze("Carlos Mendes told the crowd in Porto: \"We will not leave.\"");
  EXPECT_EQ(Who(a), V{"We will not leave. => Carlos Mendes"});
  EXPECT_EQ(a.quotes[0].cue, "told");
}

TEST(Quotes, CueBeforeQuoteAfterAppositive) {
  auto a = Analyze("Nadia Ferrante, the head of the Lakeside Rowing Club, said \"the season starts in April.\"");
  EXPECT_EQ(Who(a), V{"the season starts in April. => Nadia Ferrante"});
}

TEST(Quotes, SpeakerEarlierInSentenceWithParticiple) {
  auto a = Analyze(
      "Greta Lindqvist defended the budget on Monday, saying in an interview with Oskar Berg of the "
      "Morning Post that the city would \xE2\x80\x9C"
      "balance the books by spring.\xE2\x80\x9D");
  EXPECT_EQ(Who(a), V{"balance the books by spring. => Greta Lindqvist"});
}

TEST(Quotes, PartialQuoteMidSentenceWithLaterPronounCue) {
  auto a = Analyze(
      "Mr. Halvorsen spoke first. The council wants \"a fair deal for farmers\" before winter, he told "
      "reporters.");
  EXPECT_EQ(Who(a), V{"a fair deal for farmers => Halvorsen"});
  EXPECT_EQ(a.quotes[0].cue, "told reporters");
}

TEST(Quotes, PronounSkipsPeopleOfTheOtherGender) {
  auto a = Analyze(
      "Maria Okafor met Peter Hale in Lagos on Friday. Hale praised the deal.\n"
      "\"It was a long night,\" she said.");
  EXPECT_EQ(Who(a), V{"It was a long night, => Maria Okafor"});
}

TEST(Quotes, PronounGenderLearnedFromEarlierPronouns) {
  auto a = Analyze(
      "Dana Whitlock arrived late and she apologised to the board. Later Wren Castell read his report "
      "and he left early.\n"
      "\"We are sorry,\" she said.");
  EXPECT_EQ(Who(a), V{"We are sorry, => Dana Whitlock"});
}

TEST(Quotes, PronounGenderFromTitle) {
  auto a = Analyze(
      "Ms. Quarles met Mr. Dubois in Lyon.\n"
      "\"Nothing was agreed,\" she said, and \"nothing will be,\" he added.");
  EXPECT_EQ(Who(a), (V{"Nothing was agreed, => Quarles", "nothing will be, => Dubois"}));
}

TEST(Quotes, ContinuationAfterInterruption) {
  auto a = Analyze(
      "\"The first point is money,\" Ana Lopes said on Friday. \"The second is time. The third is "
      "trust.\"\n"
      "\"And the last is luck.\"\n"
      "The meeting ended at noon. \"Nobody knows who wrote the sign.\"");
  EXPECT_EQ(Who(a), (V{"The first point is money, => Ana Lopes", "The second is time. The third is trust. => Ana Lopes",
                       "And the last is luck. => Ana Lopes", "Nobody knows who wrote the sign. => "}));
}

TEST(Quotes, MultiParagraphQuoteAttributedAtItsEnd) {
  auto a = Analyze(
      "\"The first part of the plan is money.\n"
      "\"The second part is time,\" said Jonas Berg.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "The first part of the plan is money.\nThe second part is time,");
  EXPECT_EQ(a.quotes[0].speaker, "Jonas Berg");
}

TEST(Quotes, ColonIntroducedAcrossParagraphs) {
  auto a = Analyze("Ilse Brandt told reporters in Bonn:\n\"We are ready for the vote.\"");
  EXPECT_EQ(Who(a), V{"We are ready for the vote. => Ilse Brandt"});
}

TEST(Quotes, AccordingTo) {
  auto a = Analyze("The plan is \"dead in the water,\" according to Senator Omar Diallo.");
  EXPECT_EQ(Who(a), V{"dead in the water, => Omar Diallo"});
  EXPECT_EQ(a.quotes[0].cue, "according to");
}

TEST(Quotes, InstitutionalSpeakersGoToTheirCountry) {
  auto a = Analyze(
      "\"We reject these claims,\" a Brazilian foreign ministry spokesperson said.\n"
      "Germany dismissed the report as \"pure speculation.\"\n"
      "\"The door remains open,\" Canadian officials said.");
  EXPECT_EQ(Who(a), (V{"We reject these claims, => Brazil", "pure speculation. => Germany",
                       "The door remains open, => Canada"}));
}

TEST(Quotes, TheMinistryIsTheLastMinistryNamed) {
  auto a = Analyze(
      "The Finnish Ministry of Transport opened the tender in June.\n"
      "The ministry said in a statement that the bids were \"fair and open.\"");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Finnish Ministry of Transport");
  EXPECT_EQ(a.quotes[0].cue, "said in a statement");
}

TEST(Quotes, NoSpeakerIsNeverGuessed) {
  auto a = Analyze(
      "Carla Nunes walked past the gate. The sign read \"Closed for repairs\" all week.\n"
      "\"It's over,\" someone shouted.");
  EXPECT_EQ(Who(a), (V{"Closed for repairs => ", "It's over, => "}));
}

TEST(Quotes, PrepositionalNamesAreNotSpeakers) {
  auto a = Analyze("Olga Petrova had in a call with Martin Kessler urged the club to \"pay its players.\"");
  EXPECT_EQ(Who(a), V{"pay its players. => Olga Petrova"});
}

TEST(Quotes, EntitiesGiveCanonicalNameAndId) {
  std::string body =
      "Viktor Lindholm of the Nordic Grain Board spoke in Oslo.\n"
      "\"Harvests are down,\" Lindholm said. The board said \"exports will fall.\"";
  auto a = Analyze(body, {{"Viktor Lindholm", EntityType::kPerson, {"Viktor Lindholm", "Lindholm"}},
                          {"Nordic Grain Board", EntityType::kOrg, {"Nordic Grain Board"}},
                          {"Oslo", EntityType::kLoc, {"Oslo"}}});
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker, "Viktor Lindholm");
  EXPECT_EQ(a.quotes[0].speaker_id, "e1");
  EXPECT_EQ(a.quotes[1].speaker, "Nordic Grain Board");
  EXPECT_EQ(a.quotes[1].speaker_id, "e2");
}

TEST(Quotes, EntityPronounAndCountryResolution) {
  std::string body =
      "Spokeswoman Lin Meiyu spoke in Taipei after Peter Holm left.\n"
      "\"We hope for calm,\" she said.\n"
      "\"There is no threat,\" a Japanese defense ministry official said.";
  auto a = Analyze(body, {{"Lin Meiyu", EntityType::kPerson, {"Lin Meiyu"}},
                          {"Taipei", EntityType::kLoc, {"Taipei"}},
                          {"Peter Holm", EntityType::kPerson, {"Peter Holm"}},
                          {"Japan", EntityType::kLoc, {"Japan"}}});
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker, "Lin Meiyu");
  EXPECT_EQ(a.quotes[0].speaker_id, "e1");
  EXPECT_EQ(a.quotes[1].speaker, "Japan");
}

TEST(Quotes, ApostrophesAndStrayMarksKeepQuotesIntact) {
  auto a = Analyze(
      "'That list of Chad's claims from the '90s is long.\n"
      "\"We're not done,\" Ines Aubert said of the workers' plan.");
  EXPECT_EQ(Who(a), V{"We're not done, => Ines Aubert"});
}

TEST(Quotes, SingleQuotesAttributed) {
  auto a = Analyze("'Our doors stay open,' Priya Raman told the BBC.");
  EXPECT_EQ(Who(a), V{"Our doors stay open, => Priya Raman"});
}

TEST(Quotes, CoordinatedVerbTakesTheMainSubject) {
  auto a = Analyze(
      "The Dutch farm minister, Wilma Kroes, criticised the levy and said it was \"bad for growers.\"\n"
      "The Ruritanian Trade Board rejected the claim and said the levy was \"entirely lawful.\"");
  EXPECT_EQ(Who(a), (V{"bad for growers. => Wilma Kroes", "entirely lawful. => Ruritanian Trade Board"}));
}

TEST(Quotes, PossessorAndRoleNameTheInstitution) {
  auto a = Analyze(
      "Peru's embassy in Quito said in a statement that the border was \"calm.\"\n"
      "\"Nothing has changed,\" said its spokeswoman, Rosa Quispe.");
  EXPECT_EQ(Who(a), (V{"calm. => Peru", "Nothing has changed, => Rosa Quispe"}));
}

TEST(Quotes, NameParticlesAndInitials) {
  auto a = Analyze(
      "Health Minister Karin von der Lohe met Amadou wa Kitenge and R. J. Mbeki-Olsen.\n"
      "\"We will open two clinics,\" von der Lohe said. \"Soon,\" said Mbeki-Olsen.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.quotes[0].speaker, "Karin von der Lohe");
  EXPECT_EQ(a.quotes[1].speaker, "R. J. Mbeki-Olsen");
}

TEST(Quotes, QuoteParagraphAfterIndirectSpeech) {
  auto a = Analyze(
      "In an interview on Monday, Lotta Virtanen, the new harbour director, said she would cut fees.\n"
      "\"Nobody comes to a port that costs too much.\"");
  EXPECT_EQ(Who(a), V{"Nobody comes to a port that costs too much. => Lotta Virtanen"});
}

TEST(Quotes, CountryAdjectiveIsNotTheSpeaker) {
  auto a = Analyze("His Danish counterpart, Mads Holm, disagreed, saying the plan was \"far too slow.\"");
  EXPECT_EQ(Who(a), V{"far too slow. => Mads Holm"});
}

TEST(Quotes, TheJudgeIsThePersonWithThatTitle) {
  std::string body =
      "Judge Amara Osei read the verdict in Accra.\n"
      "\"The accused knew what he signed,\" the judge said.";
  auto a = Analyze(body, {{"Amara Osei", EntityType::kPerson, {"Amara Osei"}}, {"Accra", EntityType::kLoc, {"Accra"}}});
  a.entities[0].title = "Judge";
  // Re-run coreference and quotes with the title in place (the helper fills entities first).
  static const auto* finder = QuoteFinder::Create().value().release();
  static const auto* coref = CorefResolver::Create().value().release();
  FillNameMentions(&a);
  coref->Resolve(&a);
  finder->Find(&a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Amara Osei");
}

TEST(Quotes, HugeQuotationAndManyStrayMarks) {
  std::string big = "\"" + std::string(1 << 20, 'a') + ",\" Leo Brandt said.";
  auto a = Analyze(big);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text.size(), (1u << 20) + 1);  // with its comma
  EXPECT_EQ(a.quotes[0].speaker, "Leo Brandt");

  std::string stray;
  for (int i = 0; i < 10000; ++i) stray += (i % 2 ? " 'w x." : " \xE2\x80\x9Cw x.");
  auto b = Analyze(stray + "\nAda Moss said: \"Done.\"");
  ASSERT_FALSE(b.quotes.empty());
  EXPECT_EQ(b.quotes.back().text, "Done.");
  EXPECT_EQ(b.quotes.back().speaker, "Ada Moss");
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Random article-like soup of names, cues, pronouns, roles and every kind of mark: no crash,
// and every quote's span lies in the body and holds its text (single-paragraph quotes).
TEST(Quotes, RandomSoupKeepsInvariants) {
  const char* pieces[] = {"\"",
                          "'",
                          "\xE2\x80\x9C",
                          "\xE2\x80\x9D",
                          "\xE2\x80\x98",
                          "\xE2\x80\x99",
                          " said",
                          " says",
                          " told reporters",
                          " according to",
                          " he",
                          " she",
                          " it",
                          " they",
                          " Anna Berg",
                          " Mr.",
                          " Ms. Kell",
                          " Tom",
                          " the ministry",
                          " a spokesperson",
                          " Chinese",
                          " U.S. officials",
                          ",",
                          ".",
                          ":",
                          "\n",
                          " saying",
                          " and",
                          " von der",
                          " al-Rami",
                          " 's",
                          " Court",
                          " of",
                          " the"};
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 300; ++round) {
    std::string body;
    size_t len = 1 + next() % 120;
    for (size_t i = 0; i < len; ++i) body += pieces[next() % (sizeof pieces / sizeof *pieces)];
    Analysis a = Analyze(body);
    for (const Quote& q : a.quotes) {
      ASSERT_LE(q.span.end, a.body.size());
      ASSERT_LT(q.span.start, q.span.end);
      if (q.text.find('\n') == std::string::npos) {
        EXPECT_EQ(a.Text(q.span), q.text);
      }
      if (q.speaker.empty()) {
        EXPECT_TRUE(q.speaker_id.empty());
      }
    }
  }
}


// ---- Issue 13, item 5: quotes read the parse and the mention layer.

TEST(QuotesParse, QuestionOrExclamationBeforeTitledName) {
  auto a = Analyze(
      "Piet Halvorsen spoke to farmers in Ribe on Monday.\n"
      "\"Why would we stop now?\" Mr. Halvorsen said. \"Never again!\" Ms. Okonjo said.");
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_NE(a.quotes[0].speaker.find("Halvorsen"), std::string::npos) << a.quotes[0].speaker;
  EXPECT_NE(a.quotes[1].speaker.find("Okonjo"), std::string::npos) << a.quotes[1].speaker;
}

TEST(QuotesParse, ColonIntroducedAfterAnAppositive) {
  auto a = Analyze(
      "The vote split the council.\n"
      "Lena Brandvold, a historian at the University of Tartu: \"We have seen this before, and it ended badly.\"");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Lena Brandvold");
}

TEST(QuotesParse, SaidRoleThenName) {
  auto a = Analyze(
      "The campaign closed its offices in Leeds.\n"
      "\"We are moving on,\" said spokesman Oskar Lindqvist-Berg.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Oskar Lindqvist-Berg");
}

TEST(QuotesParse, NamedSpokespersonIsNotWhomTheySpeakFor) {
  auto a = Analyze(
      "Marta Novakova leads the polls in Brno.\n"
      "\"The numbers speak for themselves,\" Tomas Riegler, a Novakova campaign spokesman, said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Tomas Riegler");
}

TEST(QuotesParse, UnnamedSpokespersonKeepsTheRoleAndTheAffiliation) {
  auto a = Analyze(
      "Heineken raised its prices in Amsterdam on Monday.\n"
      "\"Costs have gone up,\" a Heineken spokesman said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  // Whom the unnamed person speaks for (the convention of GOLD.md), and who spoke.
  EXPECT_EQ(a.quotes[0].speaker, "Heineken");
  EXPECT_EQ(a.quotes[0].speaker_role, "a Heineken spokesman");
}

TEST(QuotesParse, PartialQuoteAfterAnotherCue) {
  auto a = Analyze(
      "Senator Dale Hollister spoke in Ohio on Saturday.\n"
      "Hollister repeated his assertion that the \"courts are rigged against us\" and left.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Dale Hollister");
}

TEST(QuotesParse, TwoApostrophesAreQuoteMarks) {
  auto a = Analyze(
      "Kenji Tanabe won the race in Osaka.\n"
      "''We trained for this all year,'' Tanabe said.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "We trained for this all year,");
  EXPECT_EQ(a.quotes[0].speaker, "Kenji Tanabe");
}

TEST(QuotesParse, TitlesOfWorksAndPostIdsAreNoSpeech) {
  auto a = Analyze(
      "The band played \"Harbour Lights Forever\" in Bergen, and the crowd sang along.\n"
      "She shared the clip as \"pic.twitter.com/Xk29LmQ\" on Sunday.\n"
      "\"It was magic,\" said Ingrid Solberg.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].text, "It was magic,");
  EXPECT_EQ(a.quotes[0].speaker, "Ingrid Solberg");
}

TEST(QuotesParse, ScareQuotesStayWithoutSpeaker) {
  auto a = Analyze("Critics called the plan a \"reform\" in name only.\nThe vote is on Friday.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "");
}

TEST(QuotesParse, SubjectOfTheCueVerbThroughCoreference) {
  auto a = Analyze(
      "Finance Minister Liv Storaas met bankers in Oslo on Friday.\n"
      "The minister told reporters that the plan was \"fully funded\" and would pass.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Liv Storaas");
}

// Candidate speakers come from the mention layer only: a surname the entities stage left
// without a mention names nobody (the entities stage joins later surnames, see
// EntitiesTest).
TEST(QuotesMentions, ASurnameWithoutAMentionNamesNobody) {
  auto a = Analyze("Amara Okafor arrived in Lagos on Monday.\n\"We will stay,\" Okafor said.",
                   {{"Amara Okafor", EntityType::kPerson, {"Amara Okafor"}}, {"Lagos", EntityType::kLoc, {"Lagos"}}});
  EXPECT_EQ(Who(a), V{"We will stay, => "});
  // The whole pipeline marks the surname, and the quotation is hers.
  auto b = Analyze("Nadia Okafor arrived in Lagos on Monday.\n\"We will stay,\" Okafor said.");
  EXPECT_EQ(Who(b), V{"We will stay, => Nadia Okafor"});
}

TEST(QuotesMentions, ATitleKeptInAPersonsNameIsNoShortName) {
  // The entity's name keeps its title; "General" alone does not name that person.
  auto a = Analyze(
      "Brigadier General Moses Kaleb inspected the base.\n"
      "\"We are ready,\" General Assembly delegates said.",
      {{"Brigadier General Moses Kaleb", EntityType::kPerson, {"Brigadier General Moses Kaleb"}}});
  EXPECT_EQ(Who(a), V{"We are ready, => "});
}

TEST(QuotesMentions, ASurnameTwoPeopleShareNamesNobody) {
  auto a = Analyze(
      "Dale Austin and Patricia Austin met in Denver.\n\"It went well,\" Austin said.",
      {{"Dale Austin", EntityType::kPerson, {"Dale Austin"}},
       {"Patricia Austin", EntityType::kPerson, {"Patricia Austin"}},
       {"Denver", EntityType::kLoc, {"Denver"}}});
  EXPECT_EQ(Who(a), V{"It went well, => "});
}

TEST(QuotesMentions, NoCapitalisedRunIsASpeakerWithoutAMention) {
  // "Halvard Brekke" is no entity: the quotes stage finds no names of its own.
  auto a = Analyze("\"The road is closed,\" Halvard Brekke said.", {{"Oslo", EntityType::kLoc, {"Oslo"}}});
  EXPECT_EQ(Who(a), V{"The road is closed, => "});
}

TEST(QuotesMentions, APersonsUnnamedSpokespersonKeepsTheRole) {
  auto a = Analyze("Mira Lindqvist left Stockholm.\n\"No comment,\" a Lindqvist spokesman said.",
                   {{"Mira Lindqvist", EntityType::kPerson, {"Mira Lindqvist", "Lindqvist"}},
                    {"Stockholm", EntityType::kLoc, {"Stockholm"}}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Mira Lindqvist");
  EXPECT_EQ(a.quotes[0].speaker_role, "a Lindqvist spokesman");
}

// The parse first: the subject of the cue verb the quotation hangs on.
TEST(QuotesParseFirst, APlaceClosingTheAppositionIsNotTheSpeaker) {
  auto a = Analyze(
      "Maren Holt, director of archives at the University of Vermont, Burlington, said, \"The letters are "
      "fragile.\"",
      {{"Maren Holt", EntityType::kPerson, {"Maren Holt"}},
       {"University of Vermont", EntityType::kOrg, {"University of Vermont"}},
       {"Burlington", EntityType::kLoc, {"Burlington"}}});
  EXPECT_EQ(Who(a), V{"The letters are fragile. => Maren Holt"});
}

TEST(QuotesParseFirst, APersonNamedInTheRolePhraseOfTheSubject) {
  auto a = Analyze(
      "Chile's envoy to the OAS, Tomas Riquelme-Soto, said the plan was \"a step back.\"",
      {{"Chile", EntityType::kLoc, {"Chile"}},
       {"OAS", EntityType::kOrg, {"OAS"}},
       {"Tomas Riquelme-Soto", EntityType::kPerson, {"Tomas Riquelme-Soto"}}});
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "Tomas Riquelme-Soto");
  EXPECT_EQ(a.quotes[0].speaker_role, "");
}

TEST(QuotesParseFirst, ThePersonEndsACaptainsName) {
  auto a = Analyze("Norway captain Erik Solheim-Dahl said his team was \"not sharp enough.\"",
                   {{"Norway", EntityType::kLoc, {"Norway"}},
                    {"Erik Solheim-Dahl", EntityType::kPerson, {"Erik Solheim-Dahl"}}});
  EXPECT_EQ(Who(a), V{"not sharp enough. => Erik Solheim-Dahl"});
}

// Appositions come from the parse's one reader (core/words.h Apposition).
TEST(QuotesParseFirst, AnAppositionHoldingAListIsSkippedWhole) {
  auto a = Analyze(
      "Ana Soto, the envoy for Mali, Niger and Chad, said she expected the talks to \"resume within weeks.\"",
      {{"Ana Soto", EntityType::kPerson, {"Ana Soto"}},
       {"Mali", EntityType::kLoc, {"Mali"}},
       {"Niger", EntityType::kLoc, {"Niger"}},
       {"Chad", EntityType::kLoc, {"Chad"}}});
  EXPECT_EQ(Who(a), V{"resume within weeks. => Ana Soto"});
}

// Without a parse (no syntax stage): the token readings alone, appositions from commas.
Analysis WithoutParse(const std::string& body, const std::vector<EntitySpec>& entities) {
  Analysis a = Analyze(body, entities);
  a.words.clear();
  for (Sentence& s : a.sentences) s.first_word = s.end_word = 0;
  for (Mention& m : a.mentions) m.head_word = -1;
  Finder().Find(&a);
  return a;
}

TEST(QuotesWithoutParse, TokenReadingsStand) {
  std::vector<EntitySpec> entities = {{"Ana Soto", EntityType::kPerson, {"Ana Soto"}},
                                      {"Rosa Quispe", EntityType::kPerson, {"Rosa Quispe"}},
                                      {"Peru", EntityType::kLoc, {"Peru"}},
                                      {"Lima", EntityType::kLoc, {"Lima"}}};
  auto a = WithoutParse(
      "\"We will return,\" Ana Soto, the envoy for the region, said in Lima.\n"
      "\"The border is open,\" said Peru's spokeswoman, Rosa Quispe.\n"
      "The plan is \"dead in the water,\" according to Ana Soto.",
      entities);
  ASSERT_TRUE(a.words.empty());
  EXPECT_EQ(Who(a), (V{"We will return, => Ana Soto", "The border is open, => Rosa Quispe",
                       "dead in the water, => Ana Soto"}));
}

}  // namespace
}  // namespace newsgraph
