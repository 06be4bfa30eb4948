#include "entities/ner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "entities/ner_train.h"
#include "syntax/conllu.h"

namespace newsgraph::entities {
namespace {

const Gazetteer& Gaz() {
  static std::unique_ptr<Gazetteer> gaz = [] {
    auto g = Gazetteer::Load();
    EXPECT_TRUE(g.ok()) << g.status().message();
    return std::move(g).value();
  }();
  return *gaz;
}

TEST(GazetteerTest, WordFactsAgreeWithTheSingleLookUps) {
  const Gazetteer& g = Gaz();
  const std::string long_word(40, 'a'), longer_word(70, 'B');
  const std::string_view words[] = {"John",    "Smith", "Chinese", "Ghanaians", "Ghanaian", "Ghana",    "said",
                                    "SAID",    "Said",  "Paris",   "New",       "new",      "United",   "company",
                                    "Company", "hall",  "Cup",     "Kurdish",   "western",  "the",      "The",
                                    "zzqx",    "",      "s",       "Mr.",       long_word,  longer_word};
  for (std::string_view w : words) {
    SCOPED_TRACE(std::string(w));
    const Gazetteer::WordFacts f = g.Facts(w);
    EXPECT_EQ(f.classes, g.Classes(w));
    EXPECT_EQ(f.given, g.IsGivenName(w));
    EXPECT_EQ(f.surname, g.IsSurname(w));
    EXPECT_EQ(f.common, g.IsCommon(w));
    EXPECT_EQ(f.demonym, !g.Demonym(w).empty());
    EXPECT_EQ(f.adjective, g.IsAdjective(w));
    EXPECT_EQ(f.max_words, g.MaxWordsFrom(w));
    EXPECT_EQ(f.entry, g.Find(w));
  }
  // The plural of a demonym is one too, as Demonym() reads it.
  EXPECT_TRUE(g.Facts("Ghanaians").demonym);
  EXPECT_TRUE(g.Facts("Chinese").demonym);
  EXPECT_FALSE(g.Facts("zzqx").demonym);
  EXPECT_GT(g.Facts("New").max_words, 1u);
  EXPECT_NE(g.Facts("Paris").entry, nullptr);
  EXPECT_TRUE(g.Facts("COMPANY").common);
  EXPECT_TRUE(g.IsCommon("Company"));
  EXPECT_NE(g.Classes("SAID") & kSpeechVerb, 0u);
}

TEST(NerSpansTest, ReadsBioAndTreatsAStrayInsideAsABeginning) {
  std::vector<uint8_t> tags = {kTagBPer, kTagIPer, kTagO, kTagIOrg, kTagIOrg, kTagBLoc, kTagBLoc, kTagILoc};
  std::vector<NerSpan> spans = NerSpans(tags);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (NerSpan{0, 2, EntityType::kPerson}));
  EXPECT_EQ(spans[1], (NerSpan{3, 5, EntityType::kOrg}));
  EXPECT_EQ(spans[2], (NerSpan{5, 6, EntityType::kLoc}));
  EXPECT_EQ(spans[3], (NerSpan{6, 8, EntityType::kLoc}));
}

TEST(NerLabelTest, MapsEachCorpusLabelAndDropsTheOthers) {
  EntityType t;
  ASSERT_TRUE(NerLabelType("I-PER", &t));
  EXPECT_EQ(t, EntityType::kPerson);
  ASSERT_TRUE(NerLabelType("B-Organisation", &t));
  EXPECT_EQ(t, EntityType::kOrg);
  ASSERT_TRUE(NerLabelType("place", &t));
  EXPECT_EQ(t, EntityType::kLoc);
  EXPECT_FALSE(NerLabelType("I-MISC", &t));
  EXPECT_FALSE(NerLabelType("B-Nationality", &t));
  EXPECT_FALSE(NerLabelType("O", &t));
}

TEST(ReadConllNerTest, SplitsDocumentsAndTurnsIoIntoBio) {
  const std::string path = ::testing::TempDir() + "/ner_io.conll";
  {
    std::ofstream out(path);
    out << "-DOCSTART- O\n\nVelmar I-PER\nOstrova I-PER\nvisited O\nDornia I-LOC\n.\tO\n\n"
        << "-DOCSTART- O\n\nThe O\nKestrel I-ORG\nBank I-ORG\nI-LOC I-LOC\nsued O\nB-words B-MISC\n";
  }
  auto docs = ReadConllNer(path);
  ASSERT_TRUE(docs.ok()) << docs.status().message();
  ASSERT_EQ(docs->size(), 2u);
  const NerSentence& a = (*docs)[0][0];
  EXPECT_EQ(a.forms.size(), 5u);
  EXPECT_EQ(a.tags, (std::vector<uint8_t>{kTagBPer, kTagIPer, kTagO, kTagBLoc, kTagO}));
  const NerSentence& b = (*docs)[1][0];
  // A change of type starts a new name; labels that are not ours are O.
  EXPECT_EQ(b.tags, (std::vector<uint8_t>{kTagO, kTagBOrg, kTagIOrg, kTagBLoc, kTagO, kTagO}));
}

TEST(ReadConllNerTest, ALineWithoutATagIsAnErrorNamingTheLine) {
  const std::string path = ::testing::TempDir() + "/ner_bad.conll";
  {
    std::ofstream out(path);
    out << "Velmar I-PER\nlonely\n";
  }
  auto docs = ReadConllNer(path);
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.status().message().find("ner_bad.conll:2"), std::string::npos) << docs.status().message();
  EXPECT_FALSE(ReadConllNer(::testing::TempDir() + "/no_such.conll").ok());
}

TEST(GumNerTagsTest, NamesAreProperNounRunsOfPersonOrganisationAndPlaceMentions) {
  // Invented sentence in GUM's format: "President Velmar Ostrova of the Bank of Dornia met
  // the old council in Kestrel ."
  const char* text =
      "1\tPresident\tPresident\tPROPN\tNNP\t_\t2\tcompound\t_\tEntity=(1-person-new-sss-cf1-1-sgl\n"
      "2\tVelmar\tVelmar\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n"
      "3\tOstrova\tOstrova\tPROPN\tNNP\t_\t2\tflat\t_\t_\n"
      "4\tof\tof\tADP\tIN\t_\t6\tcase\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-sss-cf2-1-sgl\n"
      "6\tBank\tBank\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tDornia\tDornia\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-sss-cf3-1-sgl)2)1)\n"
      "9\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "10\tthe\tthe\tDET\tDT\t_\t12\tdet\t_\tEntity=(4-organization-new-sss-cf4-1-sgl\n"
      "11\told\told\tADJ\tJJ\t_\t12\tamod\t_\t_\n"
      "12\tcouncil\tcouncil\tNOUN\tNN\t_\t9\tobj\t_\tEntity=4)\n"
      "13\tin\tin\tADP\tIN\t_\t14\tcase\t_\t_\n"
      "14\tKestrel\tKestrel\tPROPN\tNNP\t_\t9\tobl\t_\tEntity=(5-place-new-sss-cf5-1-sgl)\n"
      "15\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_\n\n";
  auto s = syntax::ParseConllu(text);
  ASSERT_TRUE(s.ok()) << s.status().message();
  std::vector<uint8_t> tags = GumNerTags(Gaz(), (*s)[0]);
  // The person mention spans the whole phrase, but its name is "Velmar Ostrova": the title
  // is dropped and "of the Bank ..." is a separate organisation ("of" followed by "the").
  // "the old council" has a common noun head: no name.
  std::vector<uint8_t> want = {kTagO, kTagBPer, kTagIPer, kTagO, kTagO, kTagBOrg, kTagIOrg, kTagIOrg,
                               kTagO, kTagO,    kTagO,    kTagO, kTagO, kTagBLoc, kTagO};
  EXPECT_EQ(tags, want);
}

NerSentence Invented(std::vector<std::string> forms, std::vector<uint8_t> tags) {
  NerSentence s;
  s.forms = std::move(forms);
  s.tags = std::move(tags);
  s.lemmas = s.forms;
  s.upos.assign(s.forms.size(), 0);
  s.deprels.assign(s.forms.size(), 0);
  s.heads.assign(s.forms.size(), -1);
  return s;
}

TEST(NerModelTest, LearnsFromInventedSentencesRoundTripsAndRejectsDamage) {
  std::vector<NerSentence> data;
  for (int k = 0; k < 20; ++k) {
    data.push_back(
        Invented({"Velmar", "Ostrova", "visited", "Dornia", "."}, {kTagBPer, kTagIPer, kTagO, kTagBLoc, kTagO}));
    data.push_back(Invented({"The", "Kestrel", "Group", "hired", "Anika", "Brell", "."},
                            {kTagO, kTagBOrg, kTagIOrg, kTagO, kTagBPer, kTagIPer, kTagO}));
  }
  NerTrainOptions opt;
  opt.epochs = 5;
  auto model = NerModel::Train(Gaz(), NerExamples(data), opt);
  NerScores s = ScoreNer(*model, Gaz(), data);
  EXPECT_EQ(s.all.gold, 80u);
  EXPECT_DOUBLE_EQ(s.all.F1(), 1.0);
  model->info = "invented";
  const std::string bytes = model->Serialize();
  auto back = NerModel::Deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ((*back)->info, "invented");
  std::vector<uint8_t> a, b;
  const std::vector<NerWord> words = data[1].Words();
  model->Tag(Gaz(), words, &a);
  (*back)->Tag(Gaz(), words, &b);
  EXPECT_EQ(a, b);
  // Training is deterministic.
  auto again = NerModel::Train(Gaz(), NerExamples(data), opt);
  again->info = "invented";
  EXPECT_EQ(again->Serialize(), bytes);
  std::string damaged = bytes.substr(0, bytes.size() / 2);
  auto bad = NerModel::Deserialize(damaged);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("ner model"), std::string::npos);
  EXPECT_FALSE(NerModel::Deserialize("not a model").ok());
}

}  // namespace
}  // namespace newsgraph::entities
