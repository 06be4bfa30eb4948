#include "text/sentences.h"

#include <gtest/gtest.h>

namespace newsgraph::text {
namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  for (Span sp : SentenceSplitter::Default().Split(s)) out.emplace_back(s.substr(sp.start, sp.size()));
  return out;
}

TEST(SentenceSplitterTest, SplitsPlainSentences) {
  EXPECT_EQ(Split("The talks ended. Officials left!  Did they agree?"),
            (std::vector<std::string>{"The talks ended.", "Officials left!", "Did they agree?"}));
}

TEST(SentenceSplitterTest, KeepsTitlesAndInitials) {
  EXPECT_EQ(Split("Gen. Mark Milley met Sen. Jane Roe and Dr. Ann Lee. CIA chief Tomas K. Lindqvist agreed."),
            (std::vector<std::string>{"Gen. Mark Milley met Sen. Jane Roe and Dr. Ann Lee.",
                                      "CIA chief Tomas K. Lindqvist agreed."}));
  EXPECT_EQ(Split("St. Louis and Mt. Hood are places."), (std::vector<std::string>{"St. Louis and Mt. Hood are places."}));
}

TEST(SentenceSplitterTest, AcronymsEndSentencesOnlyBeforeANewSubject) {
  EXPECT_EQ(Split("U.S. President Joe Biden spoke. The U.K. Defense Ministry agreed."),
            (std::vector<std::string>{"U.S. President Joe Biden spoke.", "The U.K. Defense Ministry agreed."}));
  EXPECT_EQ(Split("The envoy landed in the U.S. Okafor is the senior negotiator."),
            (std::vector<std::string>{"The envoy landed in the U.S.", "Okafor is the senior negotiator."}));
  EXPECT_EQ(Split("At the summit, U.S. Deputy Secretary of State Ann Roe met the U.S. Africa Command chief."),
            (std::vector<std::string>{
                "At the summit, U.S. Deputy Secretary of State Ann Roe met the U.S. Africa Command chief."}));
  EXPECT_EQ(Split("Talks were held in the U.S. The envoy left."),
            (std::vector<std::string>{"Talks were held in the U.S.", "The envoy left."}));
}

TEST(SentenceSplitterTest, TwoInitialsBeforeASurnameEndNoSentence) {
  EXPECT_EQ(Split("Works by K.C. Okafor were shown. They met J.R. Tarrow."),
            (std::vector<std::string>{"Works by K.C. Okafor were shown.", "They met J.R. Tarrow."}));
  // Before a word that opens sentences they still may end one.
  EXPECT_EQ(Split("The letter was signed by K.C. The envoy left."),
            (std::vector<std::string>{"The letter was signed by K.C.", "The envoy left."}));
}

TEST(SentenceSplitterTest, CompanySuffixesAndMonths) {
  EXPECT_EQ(Split("Acme Corp. co-founder Lena Moreau met Haddad on Jan. 5 in Geneva. He left."),
            (std::vector<std::string>{"Acme Corp. co-founder Lena Moreau met Haddad on Jan. 5 in Geneva.", "He left."}));
  EXPECT_EQ(Split("Shares rose at Acme Inc. The company said so."),
            (std::vector<std::string>{"Shares rose at Acme Inc.", "The company said so."}));
}

TEST(SentenceSplitterTest, DecimalsQuotesAndEllipses) {
  EXPECT_EQ(Split("Growth was 3.5 percent. \"We are pleased.\" She smiled... Then she left."),
            (std::vector<std::string>{"Growth was 3.5 percent.", "\"We are pleased.\"", "She smiled...",
                                      "Then she left."}));
  EXPECT_EQ(Split("\u201cIt is over,\u201d he said. \u201cWe won.\u201d"),
            (std::vector<std::string>{"\u201cIt is over,\u201d he said.", "\u201cWe won.\u201d"}));
  // A question inside a quotation followed by the attribution stays one sentence.
  EXPECT_EQ(Split("\"Why now?\" she asked."), (std::vector<std::string>{"\"Why now?\" she asked."}));
}

TEST(SentenceSplitterTest, EmptyAndSpaceOnly) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("   ").empty());
  EXPECT_EQ(Split("no final stop"), (std::vector<std::string>{"no final stop"}));
}

}  // namespace
}  // namespace newsgraph::text
