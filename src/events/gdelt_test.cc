#include "events/gdelt.h"

#include <gtest/gtest.h>

#include "events/places.h"

namespace newsgraph {
namespace {

std::vector<std::string> Split(const std::string& row) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t tab = row.find('\t', pos);
    out.push_back(row.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
    if (tab == std::string::npos) break;
    pos = tab + 1;
  }
  return out;
}

TEST(GdeltTest, RowHasSixtyOneColumnsWithKnownValues) {
  Analysis a;
  a.published = "2031-07-04";
  a.url = "https://example.org/a";
  a.sentences.push_back({{0, 10}, 0, 0, 0});
  Event e;
  e.source = "Kenya";
  e.source_code = "KENGOV";
  e.target = "Uganda";
  e.target_code = "UGA";
  e.cameo = "0312";
  e.root = "03";
  e.quad_class = 1;
  e.goldstein = 5.2;
  e.location = "Nairobi";
  e.date = "2031-07-02";
  e.sentence = 0;
  a.events.push_back(e);
  GdeltContext ctx;
  ctx.first_event_id = 41;
  auto rows = GdeltEventRows(a, ctx);
  ASSERT_EQ(rows.size(), 1u);
  auto c = Split(rows[0]);
  ASSERT_EQ(c.size(), static_cast<size_t>(kGdeltEventColumns));
  EXPECT_EQ(c[0], "41");
  EXPECT_EQ(c[1], "20310702");
  EXPECT_EQ(c[2], "203107");
  EXPECT_EQ(c[3], "2031");
  EXPECT_EQ(c[5], "KENGOV");
  EXPECT_EQ(c[6], "KENYA");
  EXPECT_EQ(c[7], "KEN");
  EXPECT_EQ(c[12], "GOV");
  EXPECT_EQ(c[15], "UGA");
  EXPECT_EQ(c[17], "UGA");
  EXPECT_EQ(c[22], "");
  EXPECT_EQ(c[25], "1");  // lead paragraph
  EXPECT_EQ(c[26], "0312");
  EXPECT_EQ(c[27], "031");
  EXPECT_EQ(c[28], "03");
  EXPECT_EQ(c[29], "1");
  EXPECT_EQ(c[30], "5.2");
  EXPECT_EQ(c[52], "Nairobi");
  if (!events::PlaceCoordinates::Get().empty()) {  // the gazetteer is generated with npm at build time
    EXPECT_EQ(c[51], "4");                         // a city
    EXPECT_EQ(c[53], "KE");
    EXPECT_NEAR(std::stod(c[56]), -1.28, 0.05);
    EXPECT_NEAR(std::stod(c[57]), 36.82, 0.05);
    EXPECT_EQ(c[58], "184745");  // GeoNames id
    EXPECT_EQ(c[35], "1");       // Actor1Geo: Kenya, the country of KENGOV
    EXPECT_EQ(c[36], "Kenya");
    EXPECT_EQ(c[37], "KE");
    EXPECT_NEAR(std::stod(c[40]), 0.6, 1.0);
    EXPECT_EQ(c[44], "Uganda");  // Actor2Geo
  }
  EXPECT_EQ(c[59], "20310704000000");
  EXPECT_EQ(c[60], "https://example.org/a");
}

TEST(GdeltTest, UnknownValuesStayEmptyAndTabsAreRemoved) {
  Analysis a;
  Event e;
  e.source = "Tab\tName";
  e.cameo = "190";
  e.root = "19";
  a.events.push_back(e);
  a.events.push_back(e);
  auto rows = GdeltEventRows(a);
  ASSERT_EQ(rows.size(), 2u);
  auto c = Split(rows[1]);
  ASSERT_EQ(c.size(), static_cast<size_t>(kGdeltEventColumns));
  EXPECT_EQ(c[0], "2");
  EXPECT_EQ(c[1], "");
  EXPECT_EQ(c[6], "TAB NAME");
  for (int i = 35; i <= 58; ++i) EXPECT_EQ(c[i], "") << "geo column " << i;
  EXPECT_EQ(c[59], "");
}

}  // namespace
}  // namespace newsgraph
