#include "core/blind_set.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

TEST(BlindSetTest, NamesExactlyTheTenDocuments) {
  EXPECT_TRUE(IsBlindDocument("GUM_news_asylum"));
  EXPECT_TRUE(IsBlindDocument("GUM_news_stampede"));
  EXPECT_FALSE(IsBlindDocument("GUM_news_afghan"));  // a development document
  EXPECT_FALSE(IsBlindDocument("asylum"));
  EXPECT_FALSE(IsBlindDocument("GUM_news_asylum2"));
  EXPECT_FALSE(IsBlindDocument(""));
}

}  // namespace
}  // namespace newsgraph
