// Quality floors of the shipped syntax model on the held-out UD test sets (never trained
// on), and of the UD tokenizer and sentence splitter on their raw text. Skipped where
// ../shared/ud is absent. The figures these floors sit under are in docs/syntax.md.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/ud.h"
#include "ingest/deadline.h"
#include "syntax/eval.h"
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
  struct Floors {
    std::string bank;
    size_t min_words;
    double upos, lemma, uas, las, words_f1, sentences_f1, las_f1;
  };
  // Scores the bank's test split with gold words and from its raw text against the floors.
  void CheckFloors(const Floors& f) {
    const SyntaxModel* model = Model();
    ASSERT_NE(model, nullptr);
    auto gold = Load(f.bank);
    GoldTokenScores g = EvaluateGoldTokens(*model, gold);
    EXPECT_GT(g.words, f.min_words);
    EXPECT_GE(g.upos, f.upos);
    EXPECT_GE(g.lemma, f.lemma);
    EXPECT_GE(g.uas, f.uas);
    EXPECT_GE(g.las, f.las);
    RawTextScores raw = EvaluateRawText(*model, gold);
    EXPECT_GE(raw.words_f1, f.words_f1);
    EXPECT_GE(raw.sentences_f1, f.sentences_f1);
    EXPECT_GE(raw.las_f1, f.las_f1);
  }
  void SetUp() override {
    if (!std::filesystem::exists(TestFile("en_ewt"))) GTEST_SKIP() << "../shared/ud not present";
  }
};

TEST_F(SyntaxFloorsTest, EnglishWebTreebankTest) {
  CheckFloors({"en_ewt", 25000, /*upos=*/95.5, /*lemma=*/96.4, /*uas=*/85.0, /*las=*/81.9, /*words_f1=*/97.8,
               /*sentences_f1=*/75.0, /*las_f1=*/77.4});
}

TEST_F(SyntaxFloorsTest, GumTest) {
  CheckFloors({"en_gum_ccby", 14000, /*upos=*/95.9, /*lemma=*/96.9, /*uas=*/83.5, /*las=*/80.3, /*words_f1=*/99.3,
               /*sentences_f1=*/93.0, /*las_f1=*/79.7});
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

// A document past its time limit stops being parsed within a few sentences: the later
// sentences keep empty word ranges (the analyzer then reports the limit).
TEST_F(SyntaxFloorsTest, AnnotateStopsAtTheDeadline) {
  const SyntaxModel* model = Model();
  ASSERT_NE(model, nullptr);
  Analysis a;
  for (int i = 0; i < 200; ++i) {
    Sentence s;
    s.span.start = static_cast<uint32_t>(a.body.size());
    a.body += "The council met again. ";
    s.span.end = static_cast<uint32_t>(a.body.size() - 1);
    a.sentences.push_back(s);
  }
  {
    ScopedDeadline past(Deadline::After(std::chrono::milliseconds(1)));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    model->Annotate(&a);
  }
  EXPECT_LT(a.words.size(), 200u * 5);
  EXPECT_GT(a.words.size(), 0u);
  EXPECT_EQ(a.sentences.back().first_word, a.sentences.back().end_word);
  model->Annotate(&a);  // no deadline: every sentence
  EXPECT_EQ(a.words.size(), 200u * 5);
}

}  // namespace
}  // namespace newsgraph::syntax
