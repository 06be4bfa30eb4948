// The learners on invented data: each must fit a small training set, survive a save/load
// round trip unchanged, and the parser must always output a single-rooted tree.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "core/data.h"
#include "core/ud.h"
#include "syntax/lemmatizer.h"
#include "syntax/parser.h"
#include "syntax/perceptron.h"
#include "syntax/syntax.h"
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

// A plain reading of the saved rows (key deltas, then (class, weight) pairs), the reference
// the compact table's look-ups must agree with exactly.
std::map<uint32_t, std::vector<std::pair<int, int>>> ReadRows(std::string_view in, int* classes, float* scale) {
  std::map<uint32_t, std::vector<std::pair<int, int>>> rows;
  uint64_t c = 0, n = 0;
  EXPECT_TRUE(GetVarint(&in, &c) && GetFloat(&in, scale) && GetVarint(&in, &n));
  *classes = static_cast<int>(c);
  uint64_t key = 0;
  for (uint64_t r = 0; r < n; ++r) {
    uint64_t delta = 0, count = 0;
    EXPECT_TRUE(GetVarint(&in, &delta) && GetVarint(&in, &count));
    key += delta;
    auto& row = rows[static_cast<uint32_t>(key)];
    for (uint64_t i = 0; i < count; ++i) {
      int cls = static_cast<uint8_t>(in[0]);
      int w = static_cast<int16_t>(static_cast<uint16_t>(static_cast<uint8_t>(in[1]) | static_cast<uint8_t>(in[2]) << 8));
      in.remove_prefix(3);
      row.emplace_back(cls, w);
    }
  }
  EXPECT_TRUE(in.empty());
  return rows;
}

uint32_t Key32Of(Feature f) {  // as perceptron.cc folds a feature to its stored key
  uint32_t k = static_cast<uint32_t>(f ^ (f >> 32));
  return k == 0 ? 1 : k;
}

// Rows of every length (one class up to all of them), features present and absent: the
// table's sums equal the sums of the saved rows, for the dense (3 classes) and the sparse
// layouts alike.
TEST(PerceptronTest, LookupsAgreeWithTheSavedRows) {
  for (int classes : {2, 3, 7, 17, 60}) {
    PerceptronTrainer t(classes);
    std::mt19937 rng(classes);
    std::vector<Feature> all;
    for (int f = 0; f < 3000; ++f) all.push_back(F(9, f));
    for (int step = 0; step < 20000; ++step) {
      // Feature f is updated with classes below 1 + f % classes, so rows of every length occur.
      size_t f = rng() % all.size();
      int span = 1 + static_cast<int>(f % classes);
      int truth = static_cast<int>(rng() % span), guess = static_cast<int>(rng() % span);
      t.Tick();
      t.Update(std::span<const Feature>(&all[f], 1), truth, guess, 1.0f + static_cast<float>(rng() % 5));
    }
    CompactModel m = t.Finish(0.0f);
    std::string bytes;
    m.Save(&bytes);
    int saved_classes = 0;
    float scale = 0;
    auto rows = ReadRows(bytes, &saved_classes, &scale);
    ASSERT_EQ(saved_classes, classes);
    ASSERT_EQ(rows.size(), m.features());
    size_t longest = 0;
    for (const auto& [k, row] : rows) longest = std::max(longest, row.size());
    EXPECT_GE(longest, static_cast<size_t>(std::min(classes, 6))) << "rows of many classes occur";
    std::string_view in = bytes;
    auto loaded = CompactModel::Load(&in);
    ASSERT_TRUE(loaded.ok());
    for (int trial = 0; trial < 300; ++trial) {
      std::vector<Feature> feats;
      size_t n = rng() % 150;
      for (size_t i = 0; i < n; ++i) feats.push_back(rng() % 4 ? all[rng() % all.size()] : F(10, rng()));
      std::vector<int64_t> want(classes, 0);
      for (Feature f : feats) {
        auto it = rows.find(Key32Of(f));
        if (it == rows.end()) continue;
        for (auto [c, w] : it->second) want[c] += w;
      }
      for (const CompactModel* model : {&m, &*loaded}) {
        std::vector<float> got(classes, 0.5f);
        model->Score(feats.data(), feats.size(), got.data());
        for (int c = 0; c < classes; ++c) {
          ASSERT_EQ(got[c], 0.5f + static_cast<float>(want[c]) * scale) << classes << " classes, class " << c;
        }
      }
    }
  }
}

// The shipped model read and written again gives the same bytes: loading keeps every
// weight, and the in-memory layout does not leak into the file.
TEST(SyntaxModelTest, ShippedModelRoundTripsByteForByte) {
  auto bytes = ReadDataFile("syntax/en.model");
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto m = SyntaxModel::Deserialize(*bytes);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_TRUE((*m)->Serialize() == *bytes);
}

// Prefixes and suffixes count characters, not bytes, and a short word has no longer ones.
TEST(LexemeTest, AffixesCountCharacters) {
  Lexeme x = MakeLexeme("Zürich");
  EXPECT_EQ(x.lower, HashString("zürich"));
  EXPECT_EQ(x.prefix[0], HashString("z"));
  EXPECT_EQ(x.prefix[1], HashString("zü"));
  EXPECT_EQ(x.prefix[2], HashString("zür"));
  EXPECT_EQ(x.suffix[0], HashString("h"));
  EXPECT_EQ(x.suffix[3], HashString("rich"));
  Lexeme e = MakeLexeme("Éa");
  EXPECT_EQ(e.prefix[0], HashString("é"));
  EXPECT_EQ(e.prefix[1], HashString("éa"));
  EXPECT_EQ(e.prefix[2], kNone);
  EXPECT_EQ(e.suffix[1], HashString("éa"));
  EXPECT_EQ(e.suffix[2], kNone);
  EXPECT_EQ(MakeLexeme("A1").lower, HashString("a0"));
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

// Greedy (beam 1, trained with the dynamic oracle) and beam search (trained globally by
// early update) both fit the toy treebank and keep their width through a save and load.
TEST(ParserTest, FitsTrainingTreesAndRoundTrips) {
  std::vector<ParsedSentence> data = ToyTreebank();
  for (int beam : {1, 4}) {
    TrainOptions opt;
    opt.epochs = 4;
    opt.beam = beam;
    Parser p = Parser::Train(data, opt);
    std::string bytes;
    p.Save(&bytes);
    std::string_view in = bytes;
    auto loaded = Parser::Load(&in);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_EQ(loaded->beam(), beam);
    for (const ParsedSentence& gold : data) {
      std::vector<int> heads;
      std::vector<uint8_t> labels;
      loaded->Parse(Lex(gold.forms), gold.tags, &heads, &labels);
      EXPECT_EQ(heads, gold.heads) << "beam " << beam;
      EXPECT_EQ(labels, gold.labels) << "beam " << beam;
    }
    // A file cut before the width is damaged, not a greedy parser.
    std::string_view cut(bytes.data(), bytes.size() - 1);
    EXPECT_FALSE(Parser::Load(&cut).ok());
  }
}

TEST(ParserTest, AlwaysOutputsOneRootedTree) {
  for (int beam : {1, 3}) {
    TrainOptions opt;
    opt.beam = beam;
    Parser p = Parser::Train(ToyTreebank(), opt);
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
        EXPECT_LE(steps, n) << "cycle through word " << i << ", beam " << beam;
      }
      EXPECT_EQ(roots, 1) << "beam " << beam;
    }
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
  EXPECT_EQ(loaded->Lemma("MINISTRIES", ud::kNoun), "ministry");  // upper case, ASCII
  EXPECT_EQ(loaded->Lemma("Ministriés", ud::kNoun), "ministrié");  // non-ASCII: no rule for -iés
  EXPECT_EQ(loaded->Lemma("ies", ud::kNoun), "y");                // the whole word is the suffix
}

}  // namespace
}  // namespace newsgraph::syntax
