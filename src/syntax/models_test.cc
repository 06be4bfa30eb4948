// The learners on invented data: each must fit a small training set, survive a save/load
// round trip unchanged, and the parser must always output a single-rooted tree.
#include <gtest/gtest.h>

#include <random>

#include "core/ud.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"
#include "syntax/tagger.h"

namespace newsgraph::syntax {
namespace {

using ud::Upos;

// "The envoy met the minister ." style sentences with invented names.
std::vector<ParsedSentence> ToyTreebank() {
  std::vector<ParsedSentence> out;
  const char* subjects[] = {"Velmar", "Oskarsson", "Tavi", "Brenn"};
  const char* verbs[] = {"met", "called", "visited", "thanked"};
  const char* objects[] = {"minister", "envoy", "mayor", "council"};
  for (const char* s : subjects) {
    for (const char* v : verbs) {
      for (const char* o : objects) {
        ParsedSentence p;
        p.forms = {s, v, "the", o, "in", "Dornia", "."};
        p.tags = {ud::kPropn, ud::kVerb, ud::kDet, ud::kNoun, ud::kAdp, ud::kPropn, ud::kPunct};
        p.heads = {1, -1, 3, 1, 5, 1, 1};
        p.labels = {static_cast<uint8_t>(ud::DeprelIndex("nsubj")), static_cast<uint8_t>(ud::DeprelIndex("root")),
                    static_cast<uint8_t>(ud::DeprelIndex("det")),   static_cast<uint8_t>(ud::DeprelIndex("obj")),
                    static_cast<uint8_t>(ud::DeprelIndex("case")),  static_cast<uint8_t>(ud::DeprelIndex("obl")),
                    static_cast<uint8_t>(ud::DeprelIndex("punct"))};
        out.push_back(p);
      }
    }
  }
  return out;
}

std::vector<Lexeme> Lex(const std::vector<std::string>& forms) {
  std::vector<std::string_view> f(forms.begin(), forms.end());
  return Tagger::Lexemes(f);
}

TEST(PerceptronTest, LearnsASeparableProblemAndQuantizes) {
  PerceptronTrainer t(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int c = 0; c < 3; ++c) {
      std::vector<Feature> f = {F(1, c), F(2, 7)};
      float s[3] = {};
      t.Score(f, s);
      int guess = static_cast<int>(std::max_element(s, s + 3) - s);
      t.Tick();
      t.Update(f, c, guess);
    }
  }
  CompactModel m = t.Finish(0.0f);
  std::string bytes;
  m.Save(&bytes);
  std::string_view in = bytes;
  auto loaded = CompactModel::Load(&in);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(in.empty());
  for (int c = 0; c < 3; ++c) {
    std::vector<Feature> f = {F(1, c), F(2, 7)};
    float s[3] = {};
    loaded->Score(f, s);
    EXPECT_EQ(std::max_element(s, s + 3) - s, c);
  }
  std::string_view truncated = std::string_view(bytes).substr(0, bytes.size() - 2);
  EXPECT_FALSE(CompactModel::Load(&truncated).ok());
}

// Finish(p) keeps a feature whose largest weight reaches p times the model's largest, with
// all of its weights (small ones included), and drops a feature whose weights all stay below.
TEST(PerceptronTest, PruningDropsWholeRowsOfSmallWeights) {
  PerceptronTrainer t(4);
  const std::vector<Feature> strong = {F(1, 1)}, weak = {F(1, 2)}, mixed = {F(1, 3)};
  for (int i = 0; i < 10; ++i) {
    t.Tick();
    t.Update(strong, 0, 1);  // +10 / -10
  }
  t.Tick();
  t.Update(weak, 2, 3);  // +1 / -1, early: its average stays near 1
  for (int i = 0; i < 6; ++i) {
    t.Tick();
    t.Update(mixed, 2, 3);  // large for classes 2 and 3
  }
  t.Tick();
  t.Update(mixed, 1, 0);  // and tiny for classes 0 and 1
  t.Tick();
  CompactModel all = t.Finish(0.0f);
  CompactModel pruned = t.Finish(0.1f);
  EXPECT_EQ(all.features(), 3u);
  EXPECT_EQ(pruned.features(), 2u);
  float s[4] = {};
  pruned.Score(weak, s);
  for (float v : s) EXPECT_EQ(v, 0.0f);
  float a[4] = {}, b[4] = {};
  all.Score(mixed, a);
  pruned.Score(mixed, b);
  for (int c = 0; c < 4; ++c) EXPECT_FLOAT_EQ(a[c], b[c]);
  EXPECT_NE(b[0], 0.0f);  // the tiny weights of a kept row stay
}

TEST(TaggerTest, FitsTrainingDataAndRoundTrips) {
  std::vector<TaggedSentence> data;
  for (const ParsedSentence& p : ToyTreebank()) data.push_back({p.forms, p.tags});
  TrainOptions opt;
  opt.epochs = 5;
  Tagger t = Tagger::Train(data, opt);
  std::string bytes;
  t.Save(&bytes);
  std::string_view in = bytes;
  auto loaded = Tagger::Load(&in);
  ASSERT_TRUE(loaded.ok());
  std::vector<uint8_t> tags;
  loaded->Tag(Lex({"Oskarsson", "thanked", "the", "mayor", "in", "Dornia", "."}), &tags);
  EXPECT_EQ(tags, (std::vector<uint8_t>{ud::kPropn, ud::kVerb, ud::kDet, ud::kNoun, ud::kAdp, ud::kPropn,
                                        ud::kPunct}));
}

TEST(ParserTest, FitsTrainingTreesAndRoundTrips) {
  std::vector<ParsedSentence> data = ToyTreebank();
  TrainOptions opt;
  opt.epochs = 4;
  Parser p = Parser::Train(data, opt);
  std::string bytes;
  p.Save(&bytes);
  std::string_view in = bytes;
  auto loaded = Parser::Load(&in);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const ParsedSentence& gold = data[5];
  std::vector<int> heads;
  std::vector<uint8_t> labels;
  loaded->Parse(Lex(gold.forms), gold.tags, &heads, &labels);
  EXPECT_EQ(heads, gold.heads);
  EXPECT_EQ(labels, gold.labels);
}

TEST(ParserTest, AlwaysOutputsOneRootedTree) {
  Parser p = Parser::Train(ToyTreebank(), TrainOptions{});
  std::mt19937 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    int n = 1 + static_cast<int>(rng() % 40);
    std::vector<std::string> forms;
    std::vector<uint8_t> tags;
    for (int i = 0; i < n; ++i) {
      forms.push_back("w" + std::to_string(rng() % 9));
      tags.push_back(static_cast<uint8_t>(rng() % ud::kUposCount));
    }
    std::vector<int> heads;
    std::vector<uint8_t> labels;
    p.Parse(Lex(forms), tags, &heads, &labels);
    ASSERT_EQ(static_cast<int>(heads.size()), n);
    int roots = 0;
    for (int i = 0; i < n; ++i) {
      roots += heads[i] < 0;
      // Following heads from any word reaches the root without a cycle.
      int x = i, steps = 0;
      while (x >= 0 && steps <= n) {
        x = heads[x];
        ++steps;
      }
      EXPECT_LE(steps, n) << "cycle through word " << i;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(LemmatizerTest, TableRulesAndProperNouns) {
  std::vector<LemmaExample> data = {
      {"talks", "talk", ud::kNoun},      {"walks", "walk", ud::kNoun},   {"boats", "boat", ud::kNoun},
      {"met", "meet", ud::kVerb},        {"called", "call", ud::kVerb},  {"visited", "visit", ud::kVerb},
      {"thanked", "thank", ud::kVerb},   {"was", "be", ud::kAux},        {"Dornia", "Dornia", ud::kPropn},
      {"ministries", "ministry", ud::kNoun}, {"countries", "country", ud::kNoun}};
  Lemmatizer l = Lemmatizer::Train(data);
  std::string bytes;
  l.Save(&bytes);
  std::string_view in = bytes;
  auto loaded = Lemmatizer::Load(&in);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->Lemma("met", ud::kVerb), "meet");           // from the table
  EXPECT_EQ(loaded->Lemma("Was", ud::kAux), "be");              // case-insensitive
  EXPECT_EQ(loaded->Lemma("jumped", ud::kVerb), "jump");        // rule "-ed"
  EXPECT_EQ(loaded->Lemma("treaties", ud::kNoun), "treaty");    // rule "-ies"
  EXPECT_EQ(loaded->Lemma("Kelvaris", ud::kPropn), "Kelvaris");  // proper nouns keep their form
}

}  // namespace
}  // namespace newsgraph::syntax
