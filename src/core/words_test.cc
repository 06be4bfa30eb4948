#include "core/words.h"

#include <gtest/gtest.h>

#include "core/ud.h"

namespace newsgraph {
namespace {

// "Foreign Minister Ana Diaz left ." with invented arcs: Diaz heads the name, left is root.
Analysis Invented() {
  Analysis a;
  a.body = "Foreign Minister Ana Diaz left.";
  auto add = [&](uint32_t s, uint32_t e, int32_t head) {
    Word w;
    w.span = Span{s, e};
    w.head = head;
    a.words.push_back(w);
  };
  add(0, 7, 1);     // Foreign -> Minister
  add(8, 16, 3);    // Minister -> Diaz
  add(17, 20, 3);   // Ana -> Diaz
  add(21, 25, 4);   // Diaz -> left
  add(26, 30, -1);  // left (root)
  add(30, 31, 4);   // . -> left
  return a;
}

TEST(WordsTest, WordAtFindsTheCoveringWord) {
  Analysis a = Invented();
  EXPECT_EQ(WordAt(a, 0), 0);
  EXPECT_EQ(WordAt(a, 6), 0);
  EXPECT_EQ(WordAt(a, 7), -1);  // the space between words
  EXPECT_EQ(WordAt(a, 22), 3);
  EXPECT_EQ(WordAt(a, 30), 5);
  EXPECT_EQ(WordAt(a, 31), -1);
  EXPECT_EQ(WordAt(Analysis{}, 0), -1);
}

TEST(WordsTest, WordsInTakesEveryOverlappingWord) {
  Analysis a = Invented();
  WordRange r = WordsIn(a, Span{17, 25});
  EXPECT_EQ(r.first, 2);
  EXPECT_EQ(r.end, 4);
  r = WordsIn(a, Span{18, 22});  // parts of "Ana" and "Diaz"
  EXPECT_EQ(r.first, 2);
  EXPECT_EQ(r.end, 4);
  EXPECT_TRUE(WordsIn(a, Span{7, 8}).empty());
}

TEST(WordsTest, HeadWordIsTheWordWhoseHeadIsOutside) {
  Analysis a = Invented();
  EXPECT_EQ(HeadWord(a, Span{0, 25}), 3);   // "Foreign Minister Ana Diaz" -> Diaz
  EXPECT_EQ(HeadWord(a, Span{17, 25}), 3);  // "Ana Diaz" -> Diaz
  EXPECT_EQ(HeadWord(a, Span{0, 16}), 1);   // "Foreign Minister" -> Minister
  EXPECT_EQ(HeadWord(a, Span{0, 31}), 4);   // the whole sentence -> the root
  EXPECT_EQ(HeadWord(a, Span{7, 8}), -1);
}

// "Ana Soto , the envoy , left ." with invented arcs: "envoy" is Soto's apposition.
Analysis WithApposition() {
  Analysis a;
  a.body = "Ana Soto, the envoy, left.";
  auto add = [&](uint32_t s, uint32_t e, int32_t head, std::string_view upos, std::string_view deprel) {
    Word w;
    w.span = Span{s, e};
    w.head = head;
    w.upos = static_cast<uint8_t>(ud::UposIndex(upos));
    w.deprel = static_cast<uint8_t>(ud::DeprelIndex(deprel));
    a.words.push_back(w);
  };
  add(0, 3, 1, "PROPN", "flat");     // Ana
  add(4, 8, 7, "PROPN", "nsubj");    // Soto -> left
  add(8, 9, 4, "PUNCT", "punct");    // , -> envoy
  add(10, 13, 4, "DET", "det");      // the -> envoy
  add(14, 19, 1, "NOUN", "appos");   // envoy -> Soto
  add(19, 20, 4, "PUNCT", "punct");  // , -> envoy
  add(20, 20, 7, "PUNCT", "punct");  // (an empty word, as a guard)
  add(21, 25, -1, "VERB", "root");   // left
  add(25, 26, 7, "PUNCT", "punct");  // .
  return a;
}

TEST(WordsTest, SubtreeIsTheRunAWordDominates) {
  Analysis a = WithApposition();
  EXPECT_TRUE(Dominates(a, 7, 0));
  EXPECT_TRUE(Dominates(a, 1, 4));
  EXPECT_FALSE(Dominates(a, 4, 1));
  EXPECT_FALSE(Dominates(a, 1, 7));
  WordRange r = Subtree(a, 1);  // Ana Soto , the envoy ,
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.end, 6);
  r = Subtree(a, 7);
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.end, 9);
  EXPECT_TRUE(Subtree(a, 9).empty());
  EXPECT_TRUE(Subtree(a, -1).empty());
}

TEST(WordsTest, AppositionIsTheAppositiveSubtreeWithoutItsCommas) {
  Analysis a = WithApposition();
  WordRange r = Apposition(a, 1);
  EXPECT_EQ(r.first, 3);  // the envoy
  EXPECT_EQ(r.end, 5);
  EXPECT_TRUE(Apposition(a, 1, 6).empty());  // none at or after ", left"
  r = Apposition(a, 1, 2);
  EXPECT_EQ(r.first, 3);
  EXPECT_TRUE(Apposition(a, 4).empty());
  EXPECT_TRUE(Apposition(a, 7).empty());
  EXPECT_TRUE(Apposition(a, 42).empty());
  // The subtree of a dependent by its relation, commas kept.
  r = DependentSubtree(a, 1, ud::DeprelIndex("appos"));
  EXPECT_EQ(r.first, 2);
  EXPECT_EQ(r.end, 6);
  EXPECT_TRUE(DependentSubtree(a, 1, ud::DeprelIndex("obj")).empty());
  // A cycle in a malformed tree ends the walk.
  a.words[0].head = 1;
  a.words[1].head = 0;
  EXPECT_FALSE(Dominates(a, 7, 0));
}

}  // namespace
}  // namespace newsgraph
