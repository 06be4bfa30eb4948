// Quality floors of the shipped named-mention tagger (data/ner/en.model) on the held-out
// test parts of the NER corpora and GUM (never trained on; ner_train.h says how they are
// split), typed F1 with exact spans, and of the whole entities stage on GUM's test part.
// Skipped where ../shared/ner or ../shared/ud is absent. The figures these floors sit under
// are in docs/entities.md and docs/ner-scores.md.
#include <gtest/gtest.h>

#include <filesystem>

#include "entities/ner_train.h"

namespace newsgraph::entities {
namespace {

std::string Shared(const std::string& path) { return std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/" + path; }

class NerFloorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(Shared("ner/wikigold")) || !std::filesystem::exists(Shared("ud/en_gum_ccby"))) return;
    auto syntax = syntax::SyntaxModel::Default();
    auto gaz = Gazetteer::Load();
    auto model = NerModel::Default();
    ASSERT_TRUE(syntax.ok() && gaz.ok() && model.ok());
    gaz_ = std::move(*gaz);
    syntax_ = *syntax;
    model_ = *model;
    auto corpora = LoadNerCorpora(Shared("ner"), Shared("ud/en_gum_ccby"), *gaz_, **syntax, /*train_parts=*/false);
    ASSERT_TRUE(corpora.ok()) << corpora.status().message();
    corpora_ = new std::vector<NerCorpus>(std::move(*corpora));
  }
  static void TearDownTestSuite() {
    delete corpora_;
    corpora_ = nullptr;
    gaz_.reset();
  }
  void SetUp() override {
    if (corpora_ == nullptr) GTEST_SKIP() << "../shared/ner or ../shared/ud not present";
  }
  const NerCorpus& Corpus(const std::string& name) {
    for (const NerCorpus& c : *corpora_) {
      if (c.name == name) return c;
    }
    ADD_FAILURE() << "no corpus " << name;
    return corpora_->front();
  }
  // Typed F1 (in %) of the tagger on a corpus' test part, checked against the floor.
  void CheckTest(const std::string& name, size_t min_names, double floor) {
    const NerCorpus& c = Corpus(name);
    NerScores s = ScoreNer(*model_, *gaz_, c.test);
    EXPECT_GT(s.all.gold, min_names) << name;
    EXPECT_GE(100.0 * s.all.F1(), floor) << name;
  }

  static std::vector<NerCorpus>* corpora_;
  static std::unique_ptr<Gazetteer> gaz_;
  static const syntax::SyntaxModel* syntax_;
  static const NerModel* model_;
};

std::vector<NerCorpus>* NerFloorsTest::corpora_ = nullptr;
std::unique_ptr<Gazetteer> NerFloorsTest::gaz_;
const syntax::SyntaxModel* NerFloorsTest::syntax_ = nullptr;
const NerModel* NerFloorsTest::model_ = nullptr;

TEST_F(NerFloorsTest, TrainPartsAreLeftOutAndTestPartsAreDisjointFromDev) {
  for (const NerCorpus& c : *corpora_) {
    EXPECT_TRUE(c.train.empty()) << c.name;
    EXPECT_FALSE(c.test.empty()) << c.name;
    EXPECT_FALSE(c.dev.empty()) << c.name;
  }
}

TEST_F(NerFloorsTest, WikigoldTest) { CheckTest("wikigold", 400, 56.0); }
TEST_F(NerFloorsTest, BroadTwitterCorpusTest) { CheckTest("btc", 2500, 63.0); }
TEST_F(NerFloorsTest, Re3dTest) { CheckTest("re3d", 400, 21.0); }
TEST_F(NerFloorsTest, GumTest) { CheckTest("gum", 450, 69.0); }

TEST_F(NerFloorsTest, EntitiesStageOnGumTest) {
  auto recognizer = EntityRecognizer::Create();
  ASSERT_TRUE(recognizer.ok()) << recognizer.status().message();
  NerScores s = ScoreRecognizer(**recognizer, *syntax_, Corpus("gum").test);
  EXPECT_GE(100.0 * s.all.F1(), 68.0);  // 68.8 (68.6 a stop earlier): see docs/entities.md
}

}  // namespace
}  // namespace newsgraph::entities
