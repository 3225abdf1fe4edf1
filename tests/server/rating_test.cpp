// 好差评: one rating per applicant per case; a bad rating opens a follow-up with a due date;
// no rating within 7 natural days reads as 基本满意, computed on read.
#include "office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

class RatingTest : public OfficeTest {
 protected:
  void SetUp() override {
    OfficeTest::SetUp();
    start();
    token_ = login("chen-fang-new-mother");
    const auto result = submit(token_, newborn_medical_insurance());
    ASSERT_EQ(result->status, 201) << result->body;
    path_ = "/api/v1/submissions/" + body_of(result)["id"].get<std::string>() + "/rating";
  }

  httplib::Result rate(const json& rating) { return post(path_, token_, rating.dump()); }
  json state() { return body_of(get(path_, token_)); }

  std::string token_;
  std::string path_;
};

TEST_F(RatingTest, OneRatingPerApplicantPerCase) {
  const auto first = rate({{"level", 5},
                           {"indicators", {{"timeliness", 5}, {"processConvenience", 4}}},
                           {"tags", {"一次办好", "免提交材料"}},
                           {"comment", "全程网办，没有跑腿。"}});
  ASSERT_EQ(first->status, 201) << first->body;
  const json rated = body_of(first);
  EXPECT_EQ(rated["rating"]["level"], 5);
  EXPECT_EQ(rated["rating"]["label"], "非常满意");
  EXPECT_EQ(rated["rating"]["ratedOn"], "2026-11-27");
  EXPECT_EQ(rated["rating"]["indicators"]["timeliness"], 5);
  EXPECT_TRUE(rated["followUp"].is_null());
  EXPECT_EQ(rated["default"], false);

  const auto second = rate({{"level", 1}, {"comment", "改主意了"}});
  EXPECT_EQ(second->status, 409);
  EXPECT_EQ(body_of(second)["error"]["type"], "already_rated");
  EXPECT_EQ(state()["rating"]["level"], 5);  // the first one stands
}

TEST_F(RatingTest, ALabelMayBeGivenInsteadOfALevel) {
  const auto result = rate({{"label", "满意"}});
  ASSERT_EQ(result->status, 201) << result->body;
  EXPECT_EQ(body_of(result)["rating"]["level"], 4);
}

TEST_F(RatingTest, ABadRatingOpensAFollowUpDueInFiveWorkingDays) {
  const auto result = rate({{"level", 2}, {"tags", {"材料要求不清"}}});
  ASSERT_EQ(result->status, 201) << result->body;
  const json follow_up = body_of(result)["followUp"];
  ASSERT_TRUE(follow_up.is_object()) << result->body;
  EXPECT_EQ(follow_up["level"], 2);
  EXPECT_EQ(follow_up["openedOn"], "2026-11-27");
  EXPECT_EQ(follow_up["dueDate"], "2026-12-04");  // Friday + 5 working days
  EXPECT_EQ(follow_up["status"], "open");
  EXPECT_EQ(state()["followUp"], follow_up);
}

TEST_F(RatingTest, AVeryBadRatingAlsoOpensAFollowUp) {
  const auto result = rate({{"level", 1}, {"comment", "等了很久。"}});
  ASSERT_EQ(result->status, 201);
  EXPECT_EQ(body_of(result)["followUp"]["level"], 1);
}

TEST_F(RatingTest, ABadRatingMustSayWhy) {
  const auto result = rate({{"level", 1}});
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(body_of(result)["error"]["type"], "bad_rating");
  EXPECT_TRUE(state()["rating"].is_null());
}

TEST_F(RatingTest, MalformedRatingsAre400) {
  for (const json& bad :
       {json{{"level", 0}}, json{{"level", 6}}, json{{"level", "5"}}, json{{"label", "还行"}},
        json{{"level", 5}, {"indicators", {{"x", 5}}}},
        json{{"level", 5}, {"indicators", {{"timeliness", 9}}}},
        json{{"level", 5}, {"tags", "一次办好"}},
        json{{"level", 5}, {"comment", std::string(3000, 'a')}}, json::object()}) {
    SCOPED_TRACE(bad.dump().substr(0, 80));
    const auto result = rate(bad);
    EXPECT_EQ(result->status, 400);
  }
}

TEST_F(RatingTest, NoRatingWithinSevenDaysReadsAsBasicallySatisfied) {
  json before = state();
  EXPECT_TRUE(before["rating"].is_null());
  EXPECT_EQ(before["default"], false);
  EXPECT_EQ(before["openUntil"], "2026-12-03");
  EXPECT_FALSE(before["indicators"].empty());

  today_ = {2026, 12, 3};  // the seventh day: still open, still unrated
  EXPECT_TRUE(state()["rating"].is_null());

  today_ = {2026, 12, 4};
  const json after = state();
  EXPECT_EQ(after["default"], true);
  EXPECT_EQ(after["rating"]["level"], 3);
  EXPECT_EQ(after["rating"]["label"], "基本满意");
  EXPECT_EQ(after["rating"]["ratedOn"], "2026-12-04");
  const auto late = rate({{"level", 5}});
  EXPECT_EQ(late->status, 409);
  EXPECT_EQ(body_of(late)["error"]["type"], "rating_closed");
}

TEST_F(RatingTest, ARatingGivenInTimeIsKeptAfterTheWindow) {
  ASSERT_EQ(rate({{"level", 4}})->status, 201);
  today_ = {2027, 1, 1};
  const json later = state();
  EXPECT_EQ(later["default"], false);
  EXPECT_EQ(later["rating"]["level"], 4);
}

}  // namespace
}  // namespace haoban::testing
