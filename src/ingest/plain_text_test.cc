#include "ingest/plain_text.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

TEST(PlainTextTest, HeadlineThenParagraphs) {
  RawDocument d;
  d.bytes = "\n  Headline here  \n\nFirst paragraph.\r\nSecond paragraph.\n";
  auto a = ExtractPlainText(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->title, "Headline here");
  EXPECT_EQ(a->paragraphs, (std::vector<std::string>{"First paragraph.", "Second paragraph."}));
  EXPECT_TRUE(a->warnings.empty());
}

TEST(PlainTextTest, DateLineUnderTheHeadlineIsThePublicationDate) {
  for (const char* line : {"2025-03-04", "March 4, 2025", "Published: Tuesday, 4 March 2025", "Published 2025/03/04"}) {
    RawDocument doc;
    doc.bytes = std::string("Dam talks resume\n") + line + "\nEgypt and Ethiopia agreed on Tuesday to talk.\n";
    auto a = ExtractPlainText(doc);
    ASSERT_TRUE(a.ok()) << line;
    EXPECT_EQ(a->published, "2025-03-04") << line;
    ASSERT_EQ(a->paragraphs.size(), 1u) << line;
    EXPECT_EQ(a->paragraphs[0], "Egypt and Ethiopia agreed on Tuesday to talk.");
  }
  // A paragraph that mentions a date, or a date line after the first paragraph, is text.
  for (auto [text, paragraphs] : {std::pair<const char*, size_t>{"Talks\nOn March 4, 2025 the talks resumed.\n", 1},
                                  {"Talks\nThey met.\n2025-03-04\n", 2}}) {
    RawDocument doc;
    doc.bytes = text;
    auto a = ExtractPlainText(doc);
    ASSERT_TRUE(a.ok());
    EXPECT_EQ(a->published, "") << text;
    EXPECT_EQ(a->paragraphs.size(), paragraphs) << text;
  }
  // A date given with the document (a feed's, a WARC header's) wins; the line stays text.
  RawDocument doc;
  doc.bytes = "Talks\n2025-03-04\nThey met.\n";
  doc.date = "2025-03-05";
  auto a = ExtractPlainText(doc);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2025-03-05");
  EXPECT_EQ(a->paragraphs.size(), 2u);
}

TEST(PlainTextTest, EmptyAndBinaryInputAreErrors) {
  RawDocument d;
  d.source = "x.txt";
  d.bytes = " \n\n ";
  auto a = ExtractPlainText(d);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("x.txt: empty"), std::string::npos);
  d.bytes = std::string("abc\0def", 7);
  a = ExtractPlainText(d);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("NUL byte at offset 3"), std::string::npos);
}

TEST(PlainTextTest, RepairsInvalidUtf8WithWarning) {
  RawDocument d;
  d.source = "bad.txt";
  d.bytes = "Title\nCaf\xE9 au lait \xC3\x28 ok\n";
  auto a = ExtractPlainText(d);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->paragraphs[0], "Caf\uFFFD au lait \uFFFD( ok");
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_NE(a->warnings[0].find("bad.txt: repaired 2"), std::string::npos);
}

TEST(PlainTextTest, LongSingleLineIsBody) {
  RawDocument d;
  d.bytes = std::string(1000, 'a');
  auto a = ExtractPlainText(d);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->title.empty());
  ASSERT_EQ(a->paragraphs.size(), 1u);
}

}  // namespace
}  // namespace newsgraph
