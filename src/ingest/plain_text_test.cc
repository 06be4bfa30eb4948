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
