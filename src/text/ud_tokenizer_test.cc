#include "text/ud_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph::text {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<Span> spans;
  TokenizeUd(s, 0, &spans);
  std::vector<std::string> out;
  for (Span sp : spans) out.emplace_back(s.substr(sp.start, sp.size()));
  return out;
}

using V = std::vector<std::string>;

TEST(UdTokenizerTest, SplitsCliticsAsUdEnglish) {
  EXPECT_EQ(Words("She didn't say."), (V{"She", "did", "n't", "say", "."}));
  EXPECT_EQ(Words("They can't, won't."), (V{"They", "ca", "n't", ",", "wo", "n't", "."}));
  EXPECT_EQ(Words("Kalvor's plan"), (V{"Kalvor", "'s", "plan"}));
  EXPECT_EQ(Words("I'm sure we'll go"), (V{"I", "'m", "sure", "we", "'ll", "go"}));
  EXPECT_EQ(Words("the ministers' talks"), (V{"the", "ministers", "'", "talks"}));
  EXPECT_EQ(Words("It\xE2\x80\x99s late"), (V{"It", "\xE2\x80\x99s", "late"}));
  EXPECT_EQ(Words("we cannot"), (V{"we", "can", "not"}));
}

TEST(UdTokenizerTest, HyphensSplitExceptAfterKeptPrefixes) {
  EXPECT_EQ(Words("a long-running feud"), (V{"a", "long", "-", "running", "feud"}));
  EXPECT_EQ(Words("an e-mail"), (V{"an", "e-mail"}));
  EXPECT_EQ(Words("was re-elected"), (V{"was", "re-elected"}));
  EXPECT_EQ(Words("call 555-1234 now"), (V{"call", "555-1234", "now"}));
  EXPECT_EQ(Words("in 1990-1991"), (V{"in", "1990", "-", "1991"}));
}

TEST(UdTokenizerTest, AbbreviationsKeepTheirDots) {
  EXPECT_EQ(Words("the U.S. envoy"), (V{"the", "U.S.", "envoy"}));
  EXPECT_EQ(Words("Dr. Velmar arrived."), (V{"Dr.", "Velmar", "arrived", "."}));
  EXPECT_EQ(Words("at 5 p.m. today"), (V{"at", "5", "p.m.", "today"}));
  EXPECT_EQ(Words("Wait..."), (V{"Wait", "..."}));
}

TEST(UdTokenizerTest, PunctuationNumbersAndAddresses) {
  EXPECT_EQ(Words("\"We will,\" he said."), (V{"\"", "We", "will", ",", "\"", "he", "said", "."}));
  EXPECT_EQ(Words("($1,200.50)"), (V{"(", "$", "1,200.50", ")"}));
  EXPECT_EQ(Words("up 5%"), (V{"up", "5", "%"}));
  EXPECT_EQ(Words("see www.example.org."), (V{"see", "www.example.org", "."}));
  EXPECT_EQ(Words("and/or"), (V{"and", "/", "or"}));
  EXPECT_EQ(Words("on 11/28/2000 at 3:30"), (V{"on", "11/28/2000", "at", "3:30"}));
  EXPECT_EQ(Words("Really?!"), (V{"Really", "?!"}));
}

TEST(UdTokenizerTest, SpansAreOffsetAndCoverNoSpace) {
  std::vector<Span> spans;
  TokenizeUd("  Ana's  ", 100, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 102u);
  EXPECT_EQ(spans[0].end, 105u);
  EXPECT_EQ(spans[1].start, 105u);
  EXPECT_EQ(spans[1].end, 107u);
}

}  // namespace
}  // namespace newsgraph::text
