// The compiled-in GB/T 2260 table and its prefix rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "haoban/ids/divisions.h"

namespace haoban::ids {
namespace {

TEST(Divisions, NamesOfGuangzhouDistricts) {
  EXPECT_EQ(division_name("440103"), "荔湾区");
  EXPECT_EQ(division_name("440104"), "越秀区");
  EXPECT_EQ(division_name("440105"), "海珠区");
  EXPECT_EQ(division_name("440106"), "天河区");
  EXPECT_EQ(division_name("440111"), "白云区");
  EXPECT_EQ(division_name("440112"), "黄埔区");
  EXPECT_EQ(division_name("440113"), "番禺区");
  EXPECT_EQ(division_name("440114"), "花都区");
  EXPECT_EQ(division_name("440115"), "南沙区");
  EXPECT_EQ(division_name("440117"), "从化区");
  EXPECT_EQ(division_name("440118"), "增城区");
}

TEST(Divisions, HistoricGuangzhouCodesAreKnownAndMarked) {
  for (const char* code : {"440102", "440107", "440116", "440183", "440184"}) {
    ASSERT_TRUE(find_division(code).has_value()) << code;
    EXPECT_TRUE(is_historic_division(code)) << code;
  }
  EXPECT_FALSE(is_historic_division("440106"));
  EXPECT_FALSE(is_historic_division("999999"));
  EXPECT_EQ(division_name("440183"), "增城市");
}

TEST(Divisions, ThirtyFourProvinceLevelDivisions) {
  const auto provinces = child_divisions("");
  EXPECT_EQ(provinces.size(), 34u);
  EXPECT_EQ(provinces.front(), "110000");
  EXPECT_EQ(provinces.back(), "820000");
  EXPECT_TRUE(std::is_sorted(provinces.begin(), provinces.end()));
  EXPECT_EQ(division_name("440000"), "广东省");
  EXPECT_EQ(division_name("710000"), "台湾省");
  EXPECT_EQ(division_name("650000"), "新疆维吾尔自治区");
}

TEST(Divisions, TwentyOnePrefectureCitiesOfGuangdong) {
  const auto cities = child_divisions("440000");
  EXPECT_EQ(cities.size(), 21u);
  EXPECT_EQ(cities.front(), "440100");
  EXPECT_EQ(cities.back(), "445300");
  EXPECT_NE(std::find(cities.begin(), cities.end(), "441900"), cities.end());  // 东莞市
  EXPECT_NE(std::find(cities.begin(), cities.end(), "442000"), cities.end());  // 中山市
}

TEST(Divisions, ChildrenOfGuangzhouAreTheElevenCurrentDistricts) {
  const std::vector<std::string> expected = {"440103", "440104", "440105", "440106",
                                             "440111", "440112", "440113", "440114",
                                             "440115", "440117", "440118"};
  EXPECT_EQ(child_divisions("440100"), expected);
  const auto with_history = child_divisions("440100", /*include_historic=*/true);
  EXPECT_EQ(with_history.size(), expected.size() + 7);
  EXPECT_NE(std::find(with_history.begin(), with_history.end(), "440102"), with_history.end());
}

TEST(Divisions, ChildrenOfCountiesAndUnknownCodesAreEmpty) {
  EXPECT_TRUE(child_divisions("440106").empty());
  EXPECT_TRUE(child_divisions("990000").empty());
  EXPECT_TRUE(child_divisions("44").empty());
}

TEST(Divisions, ParentFollowsKnownPrefixes) {
  EXPECT_EQ(parent_division("440106"), "440100");
  EXPECT_EQ(parent_division("440100"), "440000");
  EXPECT_EQ(parent_division("440000"), std::nullopt);
  EXPECT_EQ(parent_division("440199"), "440100");  // unknown district of a known city
  EXPECT_EQ(parent_division("110105"), "110000");  // 110100 (市辖区) is not in the table
  EXPECT_EQ(parent_division("350102"), "350000");
  EXPECT_EQ(parent_division("990101"), std::nullopt);
  EXPECT_EQ(parent_division("44010"), std::nullopt);
  EXPECT_EQ(parent_division("44010A"), std::nullopt);
}

TEST(Divisions, ContainmentByPrefix) {
  EXPECT_TRUE(division_contains("440100", "440106"));
  EXPECT_TRUE(division_contains("440000", "440106"));
  EXPECT_TRUE(division_contains("440000", "440100"));
  EXPECT_TRUE(division_contains("440106", "440106"));  // reflexive
  EXPECT_TRUE(division_contains("440100", "440102"));  // historic codes too
  EXPECT_TRUE(division_contains("440100", "440199"));  // structurally valid, unknown district
  EXPECT_FALSE(division_contains("440100", "440306"));
  EXPECT_FALSE(division_contains("440106", "440100"));
  EXPECT_FALSE(division_contains("440106", "440105"));
  EXPECT_FALSE(division_contains("450000", "440106"));
  EXPECT_FALSE(division_contains("990000", "990101"));  // unknown province
  EXPECT_FALSE(division_contains("440000", "4401"));
  EXPECT_FALSE(division_contains("", "440106"));
}

TEST(Divisions, LevelsAndStructuralValidity) {
  EXPECT_EQ(division_level("440000"), DivisionLevel::province);
  EXPECT_EQ(division_level("440100"), DivisionLevel::prefecture);
  EXPECT_EQ(division_level("440106"), DivisionLevel::county);
  EXPECT_EQ(division_level("000000"), std::nullopt);
  EXPECT_TRUE(is_structurally_valid_division("449999"));
  EXPECT_FALSE(is_structurally_valid_division("4401066"));
  EXPECT_FALSE(is_structurally_valid_division("\uFF14\uFF14\uFF10\uFF11"));
}

TEST(Divisions, FullNames) {
  EXPECT_EQ(division_full_name("440106"), "广东省广州市天河区");
  EXPECT_EQ(division_full_name("440100"), "广东省广州市");
  EXPECT_EQ(division_full_name("440000"), "广东省");
  EXPECT_EQ(division_full_name("110105"), "北京市朝阳区");
  EXPECT_EQ(division_full_name("440199"), "广东省广州市");  // only the known ancestors
  EXPECT_EQ(division_full_name("990101"), std::nullopt);
}

TEST(Divisions, EveryKnownCodeIsConsistent) {
  // Walk the whole table from the root: every child's parent is the node it was listed
  // under, every child lies inside it, and every entry has a name.
  std::vector<std::string> queue = child_divisions("", true);
  size_t seen = 0;
  while (!queue.empty()) {
    const std::string code = queue.back();
    queue.pop_back();
    ++seen;
    ASSERT_TRUE(division_name(code).has_value()) << code;
    EXPECT_FALSE(division_name(code)->empty()) << code;
    for (const std::string& child : child_divisions(code, true)) {
      EXPECT_EQ(parent_division(child), code) << child;
      EXPECT_TRUE(division_contains(code, child)) << child;
      EXPECT_FALSE(division_contains(child, code)) << child;
      queue.push_back(child);
    }
  }
  EXPECT_GT(seen, 190u);
}

}  // namespace
}  // namespace haoban::ids
