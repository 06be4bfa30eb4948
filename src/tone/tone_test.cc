#include "tone/tone.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace newsgraph {
namespace {

Tone ToneOf(const std::string& body) {
  static const auto* scorer = ToneScorer::Create().value().release();
  Analysis a;
  a.body = body;
  text::Segment(&a);
  scorer->Score(&a);
  return a.tone;
}

TEST(Tone, CountsPerHundredWords) {
  // 10 words: "peaceful" and "progress" positive, "crisis" negative.
  Tone t = ToneOf("The peaceful talks made progress despite the crisis in town.");
  EXPECT_EQ(t.word_count, 10u);
  EXPECT_DOUBLE_EQ(t.positive, 20.0);
  EXPECT_DOUBLE_EQ(t.negative, 10.0);
  EXPECT_DOUBLE_EQ(t.score, 10.0);
  EXPECT_DOUBLE_EQ(t.polarity, 30.0);
}

TEST(Tone, NegationReversesTheCharge) {
  Tone t = ToneOf("The talks were not successful.");
  EXPECT_EQ(t.word_count, 5u);
  EXPECT_DOUBLE_EQ(t.positive, 0.0);
  EXPECT_DOUBLE_EQ(t.negative, 20.0);
  Tone u = ToneOf("There was no violence at the march.");
  EXPECT_GT(u.positive, 0.0);
  EXPECT_DOUBLE_EQ(u.negative, 0.0);
  Tone curly = ToneOf("It doesn\xE2\x80\x99t look good.");
  EXPECT_GT(curly.negative, 0.0);
  EXPECT_DOUBLE_EQ(curly.positive, 0.0);
}

TEST(Tone, NegationStopsAtClauseAndReach) {
  // The comma ends the negator's clause; "good" stays positive.
  Tone t = ToneOf("Not everyone came, but the mood was good.");
  EXPECT_GT(t.positive, 0.0);
  EXPECT_DOUBLE_EQ(t.negative, 0.0);
  // Too far: four words between the negator and "stable".
  Tone u = ToneOf("No one in the whole city felt stable.");
  EXPECT_GT(u.positive, 0.0);
}

TEST(Tone, CaseAndPossessivesAndEmptyInput) {
  Tone t = ToneOf("Victory for Lena's team.");
  EXPECT_EQ(t.word_count, 4u);  // "'s" is not a word
  EXPECT_DOUBLE_EQ(t.positive, 25.0);
  Tone e = ToneOf("");
  EXPECT_EQ(e.word_count, 0u);
  EXPECT_DOUBLE_EQ(e.score, 0.0);
}

TEST(Tone, NeutralTextScoresZero) {
  Tone t = ToneOf("The committee meets on Tuesday at the town hall.");
  EXPECT_DOUBLE_EQ(t.score, 0.0);
  EXPECT_DOUBLE_EQ(t.polarity, 0.0);
  EXPECT_EQ(t.word_count, 9u);
}

}  // namespace
}  // namespace newsgraph
