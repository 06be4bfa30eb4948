#include "core/words.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsgraph
