#include "ingest/html_guard.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "ingest/deadline.h"
#include "ingest/html.h"

namespace newsgraph {
namespace {

const char kArticle[] =
    "<article><h1>Bridge reopens</h1>"
    "<p>The committee met for six hours on Friday and agreed, after a long debate, to keep the bridge open.</p>"
    "<p>Engineers told members that the repairs, which began in spring, would be finished by December.</p>"
    "</article>";

std::string Attributes(int n, std::string_view form = "a{}=\"x\"") {
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string one(form);
    size_t at = one.find("{}");
    one.replace(at, 2, std::to_string(i));
    out += " " + one;
  }
  return out;
}

TEST(HtmlGuardTest, KeepsTheFirstAttributesOfATag) {
  std::string out;
  std::string html = "<p id=1>ok</p><div" + Attributes(10) + ">text</div><b>x</b>";
  ASSERT_EQ(CapAttributes(html, 4, &out), 6u);
  EXPECT_EQ(out, "<p id=1>ok</p><div a0=\"x\" a1=\"x\" a2=\"x\" a3=\"x\" >text</div><b>x</b>");
  EXPECT_EQ(CapAttributes(html, 10, &out), 0u);
  EXPECT_TRUE(out.empty());
}

TEST(HtmlGuardTest, FollowsTheTokenizerThroughQuotesAndRawText) {
  std::string out;
  // Quoted values hold '>' and '<' without ending the tag; unquoted ones and attributes
  // written without spaces between quoted values count too.
  EXPECT_EQ(CapAttributes("<div t=\">\" u='<b' v=w" + Attributes(5) + ">", 3, &out), 5u);
  EXPECT_EQ(CapAttributes("<div a=\"1\"b=\"2\"c=\"3\"d>", 2, &out), 2u);
  EXPECT_EQ(out, "<div a=\"1\"b=\"2\">");
  // End tags carry attributes through the same check in gumbo.
  EXPECT_EQ(CapAttributes("</div" + Attributes(6) + ">", 2, &out), 4u);
  // A quote inside an attribute name does not open a value: the attributes after it count.
  EXPECT_EQ(CapAttributes("<div a\"b" + Attributes(6) + ">", 2, &out), 5u);
  // Script, style, title text and comments are not tags; the tags after them are.
  EXPECT_EQ(CapAttributes("<script>var s = '<div" + Attributes(9) + ">';</script><p>x</p>", 2, &out), 0u);
  EXPECT_EQ(CapAttributes("<title><x a=\"</title><div" + Attributes(9) + ">", 2, &out), 7u);
  EXPECT_EQ(CapAttributes("<!-- <div" + Attributes(9) + "> --><p>x</p>", 2, &out), 0u);
  EXPECT_EQ(CapAttributes("<!-- a --!><div" + Attributes(9) + ">", 2, &out), 7u);
  // A tag the input ends inside is cut too: gumbo checks its attributes before dropping it.
  EXPECT_EQ(CapAttributes("<p>x</p><div" + Attributes(9), 2, &out), 7u);
  EXPECT_EQ(out, "<p>x</p><div a0=\"x\" a1=\"x\" ");
}

// Regression: one element with 80,000 attributes took 16 s (64 s under load) in gumbo's
// duplicate-attribute check; now the page is extracted at once, with a warning.
TEST(HtmlGuardTest, PageWithHugeAttributeListIsExtracted) {
  RawDocument d;
  d.source = "attrs.html";
  d.bytes = "<html><body><div" + Attributes(80000) + ">x</div>" + kArticle + "</body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "Bridge reopens");
  EXPECT_EQ(a->paragraphs.size(), 2u);
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_NE(a->warnings.back().find("attributes beyond the first 256"), std::string::npos) << a->warnings.back();
}

TEST(HtmlGuardTest, ParserGivesUpAtTheRecordDeadline) {
  RawDocument big;
  big.source = "big.html";
  std::string paragraph = "<p>The committee met for six hours on Friday, and agreed to keep the bridge open.</p>";
  big.bytes = "<html><body><article>";
  while (big.bytes.size() < (24u << 20)) big.bytes += paragraph;
  big.bytes += "</article></body></html>";
  {
    // 24 MB take gumbo far longer than 20 ms (and the pre-pass may use them up): the parse
    // is abandoned from inside gumbo, at its next allocations.
    ScopedDeadline deadline(Deadline::After(std::chrono::milliseconds(20)));
    auto a = ExtractHtml(big);
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.status().message().find("big.html: the HTML parser ran past the time limit per record"),
              std::string::npos)
        << a.status().message();
  }
  // The thread's parser is usable again, and outside the scope there is no deadline.
  EXPECT_FALSE(CurrentDeadline().expired());
  RawDocument small;
  small.bytes = std::string("<html><body>") + kArticle + "</body></html>";
  auto a = ExtractHtml(small);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->paragraphs.size(), 2u);
}

TEST(DeadlineTest, ScopesNestAndKeepTheEarlierDeadline) {
  EXPECT_FALSE(CurrentDeadline().expired());
  {
    ScopedDeadline outer(Deadline::After(std::chrono::milliseconds(1)));
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_TRUE(CurrentDeadline().expired());
    {
      ScopedDeadline inner(Deadline::After(std::chrono::hours(1)));
      EXPECT_TRUE(CurrentDeadline().expired());  // the outer one still binds
    }
  }
  EXPECT_FALSE(CurrentDeadline().expired());
  ScopedDeadline none(Deadline::After(std::chrono::milliseconds(0)));  // 0: no limit
  EXPECT_FALSE(CurrentDeadline().expired());
}

}  // namespace
}  // namespace newsgraph
