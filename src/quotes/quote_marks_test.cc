#include "quotes/quote_marks.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph::quotes {
namespace {

std::vector<std::string> Texts(std::string_view body) {
  std::vector<std::string> out;
  for (const Quotation& q : FindQuotations(body)) {
    std::string t;
    for (const Span& s : q.segments) {
      if (!t.empty()) t += " | ";
      t += std::string(body.substr(s.start, s.size()));
    }
    out.push_back(t);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(QuoteMarks, StraightAndCurlyDoubles) {
  EXPECT_EQ(Texts("\"The bridge will open in May,\" the mayor said."), V{"The bridge will open in May,"});
  EXPECT_EQ(Texts("\xE2\x80\x9CWe are ready,\xE2\x80\x9D she said."), V{"We are ready,"});
  EXPECT_EQ(Texts("He said: \"Go.\" Then: \"Stop.\""), (V{"Go.", "Stop."}));
}

TEST(QuoteMarks, SpanExcludesMarks) {
  std::string body = "Ann said \"hello there\" twice.";
  auto q = FindQuotations(body);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].Outer().start, 10u);
  EXPECT_EQ(body.substr(q[0].Outer().start, q[0].Outer().size()), "hello there");
  EXPECT_EQ(body.substr(q[0].open_mark.start, q[0].open_mark.size()), "\"");
}

TEST(QuoteMarks, PartialQuoteMidSentence) {
  EXPECT_EQ(Texts("The pact would help both towns \xE2\x80\x9Cgrow together\xE2\x80\x9D over time, he wrote."),
            V{"grow together"});
}

TEST(QuoteMarks, ApostrophesAreNotQuotes) {
  EXPECT_TRUE(Texts("Lena's plan, we're told, dates from the '90s and the workers' union liked it.").empty());
  EXPECT_TRUE(Texts("Lena\xE2\x80\x99s plan dates from the \xE2\x80\x99"
                    "90s.")
                  .empty());
  EXPECT_TRUE(Texts("Rock 'n' roll will never die, they sang to 'em all.").empty());
}

TEST(QuoteMarks, SingleQuotesAsQuotationMarks) {
  EXPECT_EQ(Texts("'We won't give up,' the coach said."), V{"We won't give up,"});
  EXPECT_EQ(Texts("The coach called it \xE2\x80\x98"
                  "a disgrace\xE2\x80\x99 on Monday."),
            V{"a disgrace"});
  EXPECT_EQ(Texts("'The farmers' market stays open,' she said."), V{"The farmers' market stays open,"});
}

TEST(QuoteMarks, SinglesInsideAndOutsideDoubles) {
  EXPECT_EQ(Texts("\"He told me 'never again,' and left,\" Omar said."), V{"He told me 'never again,' and left,"});
  EXPECT_EQ(Texts("'She kept saying \"not now\" all day,' he said."), V{"She kept saying \"not now\" all day,"});
}

TEST(QuoteMarks, MultiParagraphQuote) {
  std::string body =
      "\"The first part of the plan is money.\n"
      "\"The second part is time,\" the planner said.\n"
      "Nothing else was said.";
  EXPECT_EQ(Texts(body), V{"The first part of the plan is money. | The second part is time,"});
  auto q = FindQuotations(body);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].segments.size(), 2u);
  EXPECT_FALSE(q[0].close_mark.empty());
}

TEST(QuoteMarks, QuoteBrokenIntoLinesRunsToItsCloser) {
  // Hard line breaks inside a quotation: no mark opens the next line, and the next mark
  // (one or two lines on) closes the quotation.
  std::string body =
      "The coach said, \"We learned a lot today\n"
      "and the team kept going\n"
      "until the end.\" Then he left.\n"
      "Nothing else was said.";
  EXPECT_EQ(Texts(body), V{"We learned a lot today | and the team kept going | until the end."});
  // Three lines on is too far: the unclosed opener is dropped, the later pair stands.
  std::string far =
      "He said, \"one\n"
      "two\n"
      "three\n"
      "four\" and \"five\" too.";
  EXPECT_EQ(Texts(far), V{"five"});
}

TEST(QuoteMarks, StrayMarkRecoversAtParagraphEnd) {
  std::string body =
      "'That list includes Chad's claims and more.\n"
      "The mayor said \"we will see\" later.\n"
      "\"Unclosed opener here\n"
      "and the next paragraph said \"fine\" too.";
  EXPECT_EQ(Texts(body), (V{"we will see", "fine"}));
}

TEST(QuoteMarks, OpenerWhileOpenRestarts) {
  EXPECT_EQ(Texts("A stray \" mark and then \"the real quote,\" he said."), V{"the real quote,"});
}

TEST(QuoteMarks, ColonIntroduced) {
  EXPECT_EQ(Texts("The minister was blunt: \xE2\x80\x9CThere will be no deal.\xE2\x80\x9D"),
            V{"There will be no deal."});
}

TEST(QuoteMarks, LinearOnHugeInputs) {
  std::string big = "\"" + std::string(1 << 20, 'a') + "\" he said.";
  auto q = FindQuotations(big);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].Outer().size(), 1u << 20);

  std::string stray;
  for (int i = 0; i < 10000; ++i) stray += " 'w x";
  stray += "\n";
  for (int i = 0; i < 10000; ++i) stray += " \"w x";
  auto r = FindQuotations(stray);
  // Every single opener is unmatched; the doubles pair up among themselves.
  for (const Quotation& x : r) EXPECT_FALSE(x.single);
}

}  // namespace
}  // namespace newsgraph::quotes
