// 信息少填 (prefill from profile and e-licences, with counts and locks) and drafts carried
// across revisions: answers that still fit are kept, the rest reported with a reason.
#include "form_test_support.h"

namespace haoban::form {
namespace {

using testing::open;

TEST(Prefill, ProfileFillsFieldsAndCountsThem) {
  auto s = open("gz-residence-permit", testing::sample_profile("li-ming-migrant"));
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->state("applicantName")->value, "李明");
  EXPECT_TRUE(s->state("applicantName")->readonly);  // editable: false
  EXPECT_EQ(s->state("idNumber")->value, "430524199506123411");
  EXPECT_EQ(s->state("birthDate")->value, "1995-06-12");
  EXPECT_EQ(s->state("residenceStreetAddress")->value, "广州市天河区天河路示例街12号502房");
  EXPECT_GE(s->prefilled_count(), 10);
  // Counting is exact: every prefilled field is a non-null answer.
  int filled = 0;
  for (const auto& f : testing::sample_catalog()->form(s->item())->fields)
    if (f.prefill && !s->state(f.id)->value.is_null()) ++filled;
  EXPECT_EQ(filled, s->prefilled_count());
}

TEST(Prefill, NoProfileMeansNothingPrefilled) {
  auto s = open("gz-residence-permit");
  EXPECT_EQ(s->prefilled_count(), 0);
  EXPECT_FALSE(s->state("applicantName")->readonly);
}

TEST(Draft, SameRevisionKeepsEverything) {
  auto first = open("gz-residence-permit");
  ASSERT_TRUE(first->set("housingType", "rented").ok);
  ASSERT_TRUE(first->set("landlordName", "张房东").ok);
  ASSERT_TRUE(first->add_row("familyMembers").ok);
  ASSERT_TRUE(first->set("familyMembers[0].memberName", "李小明").ok);
  const json draft = first->draft();
  EXPECT_EQ(draft["revision"], 3);

  auto second = open("gz-residence-permit", json(), draft);
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(second->draft_report().dropped.empty());
  EXPECT_EQ(second->answers(), first->answers());
}

TEST(Draft, APrefilledAnswerTheApplicantClearedStaysClearedWhenReopened) {
  // Found by the form-session fuzzer: the draft left the cleared field out, so reopening it
  // with the same profile filled the field again.
  const json profile = testing::sample_profile("li-ming-migrant");
  auto first = open("gz-residence-permit", profile);
  ASSERT_FALSE(first->state("residenceStreetAddress")->value.is_null());
  ASSERT_TRUE(first->set("residenceStreetAddress", nullptr).ok);
  const json draft = first->draft();
  EXPECT_TRUE(draft["answers"].contains("residenceStreetAddress"));

  auto second = open("gz-residence-permit", profile, draft);
  ASSERT_NE(second, nullptr);
  EXPECT_TRUE(second->state("residenceStreetAddress")->value.is_null());
  EXPECT_EQ(second->answers(), first->answers());
  // A locked (editable: false) prefilled value is still the profile's, whatever the draft says.
  EXPECT_EQ(second->state("applicantName")->value, "李明");
}

TEST(Draft, OlderRevisionKeepsWhatFitsAndReportsTheRest) {
  json rows = json::array();
  for (int i = 0; i < 12; ++i)
    rows.push_back({{"memberName", "成员" + std::to_string(i)}, {"nickname", "x"}});
  const json draft = {{"item", "gz-residence-permit"},
                      {"revision", 1},
                      {"answers",
                       {{"residenceAddress", "天河路1号"},  // renamed: formerIds
                        {"housingType", "cave"},            // option code gone
                        {"education", 3},                   // type changed
                        {"pagerNumber", "123"},             // field removed
                        {"registeredDays", 400},            // computed: not an answer
                        {"familyMembers", rows}}}};
  auto s = open("gz-residence-permit", json(), draft);
  ASSERT_NE(s, nullptr);
  const DraftReport& report = s->draft_report();
  EXPECT_TRUE(report.loaded);
  EXPECT_EQ(report.from_revision, 1);
  EXPECT_EQ(report.to_revision, 3);
  EXPECT_EQ(s->state("residenceStreetAddress")->value, "天河路1号");
  auto reason = [&](const std::string& path) {
    for (const auto& d : report.dropped)
      if (d.path == path) return d.reason;
    return std::string();
  };
  EXPECT_EQ(reason("housingType"), "option_removed");
  EXPECT_EQ(reason("education"), "type_changed");
  EXPECT_EQ(reason("pagerNumber"), "field_removed");
  EXPECT_EQ(reason("registeredDays"), "computed");
  EXPECT_EQ(reason("familyMembers[10]"), "too_many_rows");
  EXPECT_EQ(reason("familyMembers[11]"), "too_many_rows");
  EXPECT_EQ(reason("familyMembers[0].nickname"), "field_removed");
  EXPECT_EQ(s->state("familyMembers")->value, 10);
  EXPECT_EQ(s->state("familyMembers[9].memberName")->value, "成员9");
}

TEST(Draft, DraftOfAnotherItemIsRefused) {
  SessionOptions options;
  options.today = testing::today();
  options.draft = {{"item", "gz-birth-registration"}, {"revision", 1}, {"answers", json::object()}};
  SessionError error;
  EXPECT_EQ(FormSession::create(testing::sample_catalog(), "gz-residence-permit", options, &error),
            nullptr);
  EXPECT_EQ(error.code, "draft_wrong_item");
}

// A draft comes from the applicant's device and may be mangled: an item or revision of the
// wrong type is refused or ignored with a coded error, never thrown out of create().
TEST(Draft, DraftWithWrongTypedItemOrRevisionDoesNotThrow) {
  SessionOptions options;
  options.today = testing::today();
  options.draft = {{"item", 5}, {"revision", 1}, {"answers", json::object()}};
  SessionError error;
  EXPECT_EQ(FormSession::create(testing::sample_catalog(), "gz-residence-permit", options, &error),
            nullptr);
  EXPECT_EQ(error.code, "draft_wrong_item");

  options.draft = {{"item", "gz-residence-permit"}, {"revision", "3"}, {"answers", json::object()}};
  auto session =
      FormSession::create(testing::sample_catalog(), "gz-residence-permit", options, &error);
  ASSERT_NE(session, nullptr) << error.en;
  EXPECT_TRUE(session->draft_report().loaded);
  EXPECT_EQ(session->draft_report().from_revision, 0);
}

TEST(Materials, SituationDecidesAndLicencesReplacePaper) {
  auto s = open("gz-residence-permit", testing::sample_profile("li-ming-migrant"));
  const json list = s->materials();
  ASSERT_FALSE(list.empty());
  bool id_card_by_licence = false;
  for (const auto& m : list)
    if (m["id"] == "idCard") id_card_by_licence = m["via"] == json::array({"licence"});
  EXPECT_TRUE(id_card_by_licence);
}

}  // namespace
}  // namespace haoban::form
