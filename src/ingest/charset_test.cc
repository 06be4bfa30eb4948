#include "ingest/charset.h"

#include <gtest/gtest.h>

#include "ingest/date.h"
#include "ingest/html.h"

namespace newsgraph {
namespace {

std::string Convert(std::string_view bytes, std::string_view charset, std::vector<std::string>* warnings = nullptr) {
  std::vector<std::string> w;
  std::string out;
  ConvertToUtf8(bytes, charset, "t", &out, warnings != nullptr ? warnings : &w);
  return out;
}

TEST(CharsetTest, LegacyCharsetsToUtf8) {
  EXPECT_EQ(Convert("Caf\xE9", "ISO-8859-1"), "Caf\xC3\xA9");
  EXPECT_EQ(Convert("\x93quoted\x94 \x80", "windows-1252"), "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC");
  // ISO-8859-1 labels decode as Windows-1252 (WHATWG): 0x93 is a curly quote, not C1.
  EXPECT_EQ(Convert("\x93x\x94", "iso-8859-1"), "\xE2\x80\x9Cx\xE2\x80\x9D");
  EXPECT_EQ(Convert("\xD6\xD0\xCE\xC4", "GB2312"), "\xE4\xB8\xAD\xE6\x96\x87");  // 中文
  EXPECT_EQ(Convert("\xD6\xD0\xCE\xC4", "gbk"), "\xE4\xB8\xAD\xE6\x96\x87");
  EXPECT_EQ(Convert("\x93\xFA\x96\x7B", "Shift_JIS"), "\xE6\x97\xA5\xE6\x9C\xAC");  // 日本
  EXPECT_EQ(Convert("\xEF\xBB\xBFplain", ""), "plain");
}

TEST(CharsetTest, Utf8BytesWinOverAWrongLatinLabel) {
  std::vector<std::string> w;
  EXPECT_EQ(Convert("Caf\xC3\xA9", "iso-8859-1", &w), "Caf\xC3\xA9");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("read as UTF-8"), std::string::npos);
}

TEST(CharsetTest, UndeclaredNonUtf8IsDetectedNotMangled) {
  std::vector<std::string> w;
  std::string out = Convert("Le caf\xE9 de la gare a rouvert ses portes apr\xE8s des travaux d'\xE9t\xE9.", "", &w);
  EXPECT_NE(out.find("caf\xC3\xA9"), std::string::npos) << out;
  EXPECT_EQ(w.size(), 1u);
  EXPECT_EQ(Convert("x", "no-such-charset", &w), "x");
}

TEST(CharsetTest, DeclarationsAreFound) {
  EXPECT_EQ(SniffDeclaredCharset("<html><head><meta charset=\"Shift_JIS\">"), "windows-31j");
  EXPECT_EQ(SniffDeclaredCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"), "gbk");
  EXPECT_EQ(SniffDeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"), "windows-1252");
  EXPECT_EQ(SniffDeclaredCharset("<html><p>no declaration</p>"), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(MediaTypeFromContentType("Text/HTML ; charset=x"), "text/html");
}

TEST(CharsetTest, HtmlPageInShiftJisDeclaredByMeta) {
  RawDocument d;
  d.source = "sjis.html";
  // "日本" twice as headline and a paragraph long enough to be an article.
  std::string para;
  for (int i = 0; i < 30; ++i) para += "\x93\xFA\x96\x7B";
  d.bytes = "<html><head><meta charset=\"shift_jis\"><title>\x93\xFA\x96\x7B</title></head><body><article><p>" + para +
            "</p><p>" + para + "</p></article></body></html>";
  auto a = ExtractHtml(d);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "\xE6\x97\xA5\xE6\x9C\xAC");
  ASSERT_FALSE(a->paragraphs.empty());
  EXPECT_TRUE(a->paragraphs[0].starts_with("\xE6\x97\xA5\xE6\x9C\xAC\xE6\x97\xA5"));
}

TEST(DateTest, FormatsFoundInTheWild) {
  EXPECT_EQ(NormalizeDate("2024-03-05T10:00:00Z"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("2024/3/5"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("Tue, 05 Mar 2024 10:00:00 GMT"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("March 5, 2024"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("Updated 5th March 2024, 10:02"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("20240305101500"), "2024-03-05");
  EXPECT_EQ(NormalizeDate("2024-13-45"), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate(""), "");
}

}  // namespace
}  // namespace newsgraph
