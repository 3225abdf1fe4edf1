// Catalogue search: 居住证 by hanzi, initials and full pinyin; ranking; filters; the pinyin
// table compiled into the core.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "haoban/catalog/loader.h"
#include "haoban/search/pinyin_table.h"
#include "haoban/search/search_index.h"

namespace haoban::search {
namespace {

std::shared_ptr<const catalog::Catalog> sample() {
  static const auto catalog = [] {
    std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/data/catalog/guangzhou.json");
    std::ostringstream text;
    text << in.rdbuf();
    return catalog::load_catalog(text.str()).catalog;
  }();
  return catalog;
}

const SearchIndex& index() {
  static const auto built = SearchIndex::build(sample());
  return *built;
}

TEST(PinyinTable, CompiledInWithEveryHanzi) {
  const auto& t = PinyinTable::instance();
  EXPECT_EQ(t.hanzi_count(), 6763u);
  ASSERT_FALSE(t.readings(U'居').empty());
  EXPECT_EQ(t.readings(U'居')[0], "ju");
  const auto xing = t.readings(U'行');
  EXPECT_EQ(xing[0], "xing");
  EXPECT_NE(std::find(xing.begin(), xing.end(), "hang"), xing.end());
  const auto lv = t.readings(U'绿');
  EXPECT_NE(std::find(lv.begin(), lv.end(), "lv"), lv.end());
  EXPECT_NE(std::find(lv.begin(), lv.end(), "lu"), lv.end());
}

class FindsResidencePermit : public ::testing::TestWithParam<const char*> {};

TEST_P(FindsResidencePermit, FirstHit) {
  const auto hits = index().search(GetParam());
  ASSERT_FALSE(hits.empty()) << GetParam();
  EXPECT_EQ(hits[0].id, "gz-residence-permit") << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Queries, FindsResidencePermit,
                         ::testing::Values("居住证", "jzz", "juzhuzheng", "JZZ", "ju zhu zheng",
                                           "juzhuz", "ｊｚｚ"));

TEST(Search, HowItMatched) {
  auto hits = index().search("居住证");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].method, "hanzi");
  EXPECT_EQ(hits[0].field, "keyword");  // "居住证" is an exact keyword; the name only contains it
  EXPECT_EQ(hits[0].match, "exact");
  hits = index().search("jzz");
  EXPECT_EQ(hits[0].method, "initials");
  hits = index().search("juzhuzheng");
  EXPECT_EQ(hits[0].method, "pinyin");
}

TEST(Search, ExactBeatsPrefixBeatsSubstring) {
  const auto hits = index().search("出生");
  ASSERT_GE(hits.size(), 2u);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
}

TEST(Search, AudienceAndDepartmentFilters) {
  SearchOptions business;
  business.audience = "法人";
  for (const auto& h : index().search("许可", business)) {
    if (h.kind != "item") continue;
    const auto* item = sample()->item(h.id);
    ASSERT_NE(item, nullptr);
    EXPECT_NE(std::find(item->audience.begin(), item->audience.end(), "法人"),
              item->audience.end());
  }
  SearchOptions citizens;
  citizens.audience = "自然人";
  EXPECT_FALSE(index().search("jzz", citizens).empty());
  SearchOptions police;
  police.department = "公安";
  const auto hits = index().search("jzz", police);
  ASSERT_FALSE(hits.empty());
  SearchOptions tax;
  tax.department = "税务";
  EXPECT_TRUE(index().search("jzz", tax).empty());
}

TEST(Search, LimitsAndHostileQueries) {
  SearchOptions one;
  one.limit = 1;
  EXPECT_LE(index().search("广州", one).size(), 1u);
  EXPECT_TRUE(index().search("").empty());
  EXPECT_TRUE(index().search("   ").empty());
  EXPECT_TRUE(index().search(std::string(100000, 'a')).empty());
  EXPECT_TRUE(index().search("zzzzzzzzqqq").empty());
}

}  // namespace
}  // namespace haoban::search
