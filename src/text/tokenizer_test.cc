#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace newsgraph::text {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<Token> toks;
  Tokenize(s, 0, &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) out.emplace_back(s.substr(t.span.start, t.span.size()));
  return out;
}

TEST(TokenizerTest, WordsNumbersPunctuation) {
  EXPECT_EQ(Words("Xi's U.S.-China talks, worth $1,200.50, don't end."),
            (std::vector<std::string>{"Xi", "'s", "U.S.", "-", "China", "talks", ",", "worth", "$", "1,200.50", ",", "don't",
                                      "end", "."}));
}

TEST(TokenizerTest, AcronymKeepsFinalDot) {
  EXPECT_EQ(Words("the U.S. and the U.K."), (std::vector<std::string>{"the", "U.S.", "and", "the", "U.K."}));
}

TEST(TokenizerTest, ByteOffsetsAreUtf8AndBased) {
  std::string s = "\u201cBonjour\u201d, dit Élodie";
  std::vector<Token> toks;
  Tokenize(s, 100, &toks);
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[1].span.start, 103u);  // after the 3-byte opening quote
  EXPECT_EQ(s.substr(toks[5].span.start - 100, toks[5].span.size()), "Élodie");
  EXPECT_TRUE(toks[5].capitalized);
  EXPECT_EQ(toks[0].kind, TokenKind::kPunct);
}

TEST(TokenizerTest, FlagsCase) {
  std::vector<Token> toks;
  Tokenize("NATO leader Stoltenberg", 0, &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_TRUE(toks[0].all_caps);
  EXPECT_FALSE(toks[1].capitalized);
  EXPECT_TRUE(toks[2].capitalized);
  EXPECT_FALSE(toks[2].all_caps);
}

TEST(SegmentTest, SentencesPerParagraphWithTokenRanges) {
  Analysis a;
  a.body = "One here. Two there.\nThree.";
  Segment(&a);
  ASSERT_EQ(a.sentences.size(), 3u);
  EXPECT_EQ(a.Text(a.sentences[1].span), "Two there.");
  EXPECT_EQ(a.sentences[2].paragraph, 1u);
  EXPECT_EQ(a.sentences[0].first_token, 0u);
  EXPECT_EQ(a.sentences[0].end_token, 3u);
  EXPECT_EQ(a.sentences[2].end_token, a.tokens.size());
}

}  // namespace
}  // namespace newsgraph::text
