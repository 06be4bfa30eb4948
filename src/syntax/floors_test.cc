// Quality floors of the shipped syntax model on the held-out UD test sets (never trained
// on), and of the UD tokenizer and sentence splitter on their raw text. Skipped where
// ../shared/ud is absent. The figures these floors sit under are in docs/syntax.md.
#include <gtest/gtest.h>

#include <filesystem>

#include "syntax/eval.h"
#include "core/ud.h"
#include "syntax/syntax.h"

namespace newsgraph::syntax {
namespace {

std::string TestFile(const std::string& bank) {
  return std::string(NEWSGRAPH_SOURCE_DIR) + "/../shared/ud/" + bank + "/" + bank + "-ud-test.conllu";
}

class SyntaxFloorsTest : public ::testing::Test {
 protected:
  const SyntaxModel* Model() {
    auto m = SyntaxModel::Default();
    EXPECT_TRUE(m.ok()) << m.status().message();
    return m.ok() ? *m : nullptr;
  }
  std::vector<ConlluSentence> Load(const std::string& bank) {
    auto s = ReadConlluFile(TestFile(bank));
    EXPECT_TRUE(s.ok()) << s.status().message();
    return s.ok() ? *s : std::vector<ConlluSentence>{};
  }
  void SetUp() override {
    if (!std::filesystem::exists(TestFile("en_ewt"))) GTEST_SKIP() << "../shared/ud not present";
  }
};

TEST_F(SyntaxFloorsTest, EnglishWebTreebankTest) {
  const SyntaxModel* model = Model();
  ASSERT_NE(model, nullptr);
  auto gold = Load("en_ewt");
  GoldTokenScores g = EvaluateGoldTokens(*model, gold);
  EXPECT_GT(g.words, 25000u);
  EXPECT_GE(g.upos, 95.2);
  EXPECT_GE(g.lemma, 96.3);
  EXPECT_GE(g.uas, 84.2);
  EXPECT_GE(g.las, 81.2);
  RawTextScores raw = EvaluateRawText(*model, gold);
  EXPECT_GE(raw.words_f1, 97.8);
  EXPECT_GE(raw.las_f1, 76.8);
}

TEST_F(SyntaxFloorsTest, GumTest) {
  const SyntaxModel* model = Model();
  ASSERT_NE(model, nullptr);
  auto gold = Load("en_gum_ccby");
  GoldTokenScores g = EvaluateGoldTokens(*model, gold);
  EXPECT_GT(g.words, 14000u);
  EXPECT_GE(g.upos, 95.6);
  EXPECT_GE(g.uas, 83.3);
  EXPECT_GE(g.las, 80.0);
  RawTextScores raw = EvaluateRawText(*model, gold);
  EXPECT_GE(raw.words_f1, 99.3);
  EXPECT_GE(raw.sentences_f1, 93.0);
}

TEST_F(SyntaxFloorsTest, ModelLoadsAndParsesAnArticle) {
  const SyntaxModel* model = Model();
  ASSERT_NE(model, nullptr);
  Analysis a;
  a.body = "The envoy didn't meet Velmar's deputy in Dornia on Tuesday.\nShe said talks would resume.";
  const uint32_t nl = static_cast<uint32_t>(a.body.find('\n'));
  Sentence first, second;
  first.span = {0, nl};
  second.span = {nl + 1, static_cast<uint32_t>(a.body.size())};
  second.paragraph = 1;
  a.sentences = {first, second};
  model->Annotate(&a);
  ASSERT_EQ(a.sentences[0].end_word - a.sentences[0].first_word, 13u);  // did + n't, Velmar + 's
  EXPECT_EQ(a.Text(a.words[3].span), "n't");
  int roots = 0;
  for (const Word& w : a.words) roots += w.head < 0;
  EXPECT_EQ(roots, 2);  // one per sentence
  // "meet" heads the first sentence and "envoy" is its subject.
  const Word& envoy = a.words[1];
  ASSERT_GE(envoy.head, 0);
  EXPECT_EQ(a.Text(a.words[envoy.head].span), "meet");
  EXPECT_EQ(ud::DeprelName(envoy.deprel), "nsubj");
  EXPECT_EQ(a.words[4].lemma, "meet");
}

}  // namespace
}  // namespace newsgraph::syntax
