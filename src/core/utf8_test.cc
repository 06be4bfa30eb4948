#include "core/utf8.h"

#include <gtest/gtest.h>

namespace newsgraph::utf8 {
namespace {

TEST(Utf8Test, RepairReplacesEveryBadSequence) {
  std::string out;
  EXPECT_EQ(Repair("ok \xFF\xFE end", &out), 2u);
  EXPECT_EQ(out, "ok \uFFFD\uFFFD end");
  EXPECT_EQ(Repair("\xED\xA0\x80", &out), 3u);  // surrogate: three maximal subparts
  EXPECT_EQ(Repair("\xF0\x9F\x98\x80", &out), 0u);
  EXPECT_TRUE(IsValid(out));
  EXPECT_FALSE(IsValid("\xC3"));
}

TEST(Utf8Test, NextDecodesAndRejects) {
  std::string s = "a\u00e9\u4e2d\U0001F600";
  size_t i = 0;
  EXPECT_EQ(Next(s, &i), U'a');
  EXPECT_EQ(Next(s, &i), U'\u00e9');
  EXPECT_EQ(Next(s, &i), U'\u4e2d');
  EXPECT_EQ(Next(s, &i), U'\U0001F600');
  EXPECT_EQ(i, s.size());
  std::string bad = "\xC0\xAF";  // overlong
  i = 0;
  EXPECT_EQ(Next(bad, &i), 0xFFFDu);
}

TEST(Utf8Test, CaseAndClasses) {
  EXPECT_EQ(Lower("ÉLODIE"), "élodie");
  EXPECT_EQ(AsciiLower("ÉLODIE"), "Élodie");
  EXPECT_TRUE(IsUpper(U'É'));
  EXPECT_TRUE(IsSpace(0x00A0));
  EXPECT_TRUE(IsAlpha(U'中'));
}

}  // namespace
}  // namespace newsgraph::utf8
