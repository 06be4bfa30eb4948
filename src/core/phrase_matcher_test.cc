#include "core/phrase_matcher.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace newsgraph {
namespace {

std::vector<std::pair<int, size_t>> All(const PhraseMatcher& m, std::string_view text) {
  std::vector<std::pair<int, size_t>> out;
  m.Scan(text, [&](int id, size_t end) { out.emplace_back(id, end); });
  return out;
}

TEST(PhraseMatcherTest, FindsOverlappingPhrasesCaseInsensitively) {
  PhraseMatcher m;
  m.Add("he", 1);
  m.Add("she", 2);
  m.Add("hers", 3);
  m.Add("all rights reserved", 4);
  m.Build();
  EXPECT_EQ(All(m, "uSHErs"), (std::vector<std::pair<int, size_t>>{{2, 4}, {1, 4}, {3, 6}}));
  EXPECT_EQ(All(m, "(c) ACME. All Rights Reserved."), (std::vector<std::pair<int, size_t>>{{4, 29}}));
  EXPECT_TRUE(All(m, "nothing to see").empty());
}

// Differential check against a naive search.
TEST(PhraseMatcherTest, AgreesWithNaiveSearch) {
  std::vector<std::string> phrases = {"ab", "abab", "bab", "b", "aab", "x y"};
  PhraseMatcher m(false);
  for (size_t i = 0; i < phrases.size(); ++i) m.Add(phrases[i], static_cast<int>(i));
  m.Build();
  std::string text = "abababaabx y bab aab";
  size_t fast = All(m, text).size(), naive = 0;
  for (const auto& p : phrases) {
    for (size_t pos = text.find(p); pos != std::string::npos; pos = text.find(p, pos + 1)) ++naive;
  }
  EXPECT_EQ(fast, naive);
}

}  // namespace
}  // namespace newsgraph
