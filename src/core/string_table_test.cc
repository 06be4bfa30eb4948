#include "core/string_table.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace newsgraph {
namespace {

TEST(StringTableTest, FindsWhatAnUnorderedMapFindsOnRandomKeys) {
  std::mt19937 rng(7);
  auto word = [&] {
    std::string w(rng() % 9, 'a');  // lengths 0..8 over a small alphabet: many near-collisions
    for (char& c : w) c = static_cast<char>('a' + rng() % 4);
    return w;
  };
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) keys.push_back(word());
  std::unordered_map<std::string_view, int> reference;
  for (const std::string& k : keys) reference.try_emplace(k, static_cast<int>(reference.size()));
  const StringTable<int> table(reference);
  EXPECT_EQ(table.size(), reference.size());
  for (int i = 0; i < 20000; ++i) {
    const std::string q = word();
    auto it = reference.find(q);
    const int* v = table.Find(q);
    if (it == reference.end()) {
      EXPECT_EQ(v, nullptr) << q;
    } else {
      ASSERT_NE(v, nullptr) << q;
      EXPECT_EQ(*v, it->second) << q;
    }
  }
}

TEST(StringTableTest, IndexingAddsOnceAndThenFindsTheSameValue) {
  StringTable<int> t;
  std::vector<std::string> keys;
  for (int i = 0; i < 1000; ++i) keys.push_back("w" + std::to_string(i * 7919 % 1000));
  for (const std::string& k : keys) t[k] += 1;  // each key once: the table grows many times
  for (const std::string& k : keys) t[k] += 1;  // found again after growing: no new entries
  EXPECT_EQ(t.size(), 1000u);
  for (const std::string& k : keys) {
    ASSERT_NE(t.Find(k), nullptr) << k;
    EXPECT_EQ(*t.Find(k), 2) << k;
  }
  EXPECT_EQ(t.Find("w1000"), nullptr);
}

TEST(StringTableTest, EmptyTablesAndTheEmptyKey) {
  const StringTable<int> none;
  EXPECT_EQ(none.Find("a"), nullptr);
  EXPECT_EQ(none.Find(""), nullptr);
  using Items = std::vector<std::pair<std::string_view, int>>;
  const StringTable<int> one(Items{{"", 5}});
  ASSERT_NE(one.Find(""), nullptr);
  EXPECT_EQ(*one.Find(""), 5);
  EXPECT_EQ(one.Find("x"), nullptr);
  // A key compared by its bytes, not its address.
  // The table keeps its own copy of the keys.
  std::string stored = "Paris";
  const StringTable<int> paris(Items{{stored, 1}});
  stored = "Rome!";
  const std::string asked = "Paris";
  ASSERT_NE(paris.Find(asked), nullptr);
  EXPECT_EQ(paris.Find("Pari"), nullptr);
  EXPECT_EQ(paris.Find("Parisx"), nullptr);
  EXPECT_EQ(paris.Find("Rome!"), nullptr);
  const StringTable<int> copy = paris;
  ASSERT_NE(copy.Find("Paris"), nullptr);
  EXPECT_EQ(*copy.Find("Paris"), 1);
}

}  // namespace
}  // namespace newsgraph
