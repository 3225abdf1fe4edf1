// validate_all() lists every error on every visible page at once, group rows included;
// hidden fields are neither validated nor submitted.
#include "form_test_support.h"

namespace haoban::form {
namespace {

using testing::has_error;
using testing::open;

TEST(ValidateAll, EmptyFormListsRequiredFieldsOnEveryVisiblePage) {
  auto s = open("gz-residence-permit");
  const auto errors = s->validate_all();
  EXPECT_TRUE(has_error(errors, "applicantName", "required"));
  EXPECT_TRUE(has_error(errors, "residenceStreetAddress", "required"));
  EXPECT_TRUE(has_error(errors, "applyBasis", "required"));
  // Pages named on each error, and fields of hidden pages / hidden fields absent.
  bool pages_seen[2] = {false, false};
  for (const auto& e : errors) {
    if (e.page == "applicant") pages_seen[0] = true;
    if (e.page == "residence") pages_seen[1] = true;
    EXPECT_NE(e.path, "landlordName");
    EXPECT_NE(e.path, "employerName");
  }
  EXPECT_TRUE(pages_seen[0] && pages_seen[1]);
  EXPECT_FALSE(s->complete());
}

TEST(ValidateAll, GroupRowErrorsCarryRowPaths) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("familyMembers", json::array({{{"memberName", "李小明"},
                                                    {"relation", "child"},
                                                    {"memberIdNumber", "110105194912310021"}},
                                                   {{"relation", "spouse"}}}))
                  .ok);
  const auto errors = s->validate_all();
  EXPECT_TRUE(has_error(errors, "familyMembers[0].memberIdNumber", "memberIdValid") ||
              has_error(errors, "familyMembers[0].memberIdNumber", "bad_check_digit") || [&] {
                for (const auto& e : errors)
                  if (e.path == "familyMembers[0].memberIdNumber") return true;
                return false;
              }());
  EXPECT_TRUE(has_error(errors, "familyMembers[1].memberName", "required"));
  EXPECT_TRUE(has_error(errors, "familyMembers[1].memberIdNumber", "required"));
  EXPECT_FALSE(has_error(errors, "familyMembers[0].memberName", "required"));
}

TEST(ValidateAll, CrossFieldRuleIsCheckedOnlyWhenItsFieldsAreFilled) {
  auto s = open("gz-residence-permit");
  // halfYear reads registeredDays and waiverBasis (default "none").
  EXPECT_FALSE(has_error(s->validate_all(), "residenceRegisteredOn", "halfYear"));
  ASSERT_TRUE(s->set("residenceRegisteredOn", "2026-10-01").ok);
  auto errors = s->validate_all();
  EXPECT_TRUE(has_error(errors, "residenceRegisteredOn", "halfYear"));
  EXPECT_TRUE(has_error(errors, "waiverBasis", "halfYear"));
  ASSERT_TRUE(s->set("residenceRegisteredOn", "2026-01-05").ok);
  EXPECT_FALSE(has_error(s->validate_all(), "residenceRegisteredOn", "halfYear"));
}

TEST(ValidateAll, HiddenFieldsAreExcludedFromValidationAndAnswers) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("housingType", "rented").ok);
  ASSERT_TRUE(s->set("landlordName", "张房东").ok);
  ASSERT_TRUE(s->set("landlordMobile", "12345").ok);
  EXPECT_TRUE(has_error(s->validate_all(), "landlordMobile", "bad_format") ||
              !s->state("landlordMobile")->errors.empty());
  EXPECT_EQ(s->answers().value("landlordName", ""), "张房东");

  ASSERT_TRUE(s->set("housingType", "owned").ok);
  for (const auto& e : s->validate_all()) EXPECT_NE(e.path, "landlordMobile");
  EXPECT_FALSE(s->answers().contains("landlordName"));
  // The draft keeps what was typed, so switching back restores it.
  EXPECT_EQ(s->draft()["answers"]["landlordName"], "张房东");
  ASSERT_TRUE(s->set("housingType", "rented").ok);
  EXPECT_EQ(s->answers().value("landlordName", ""), "张房东");
}

TEST(ValidateAll, GroupRowCountBounds) {
  auto s = open("gz-residence-permit");
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(s->add_row("familyMembers").ok);
  EXPECT_EQ(s->add_row("familyMembers").error.code, "too_many_rows");
  ASSERT_TRUE(s->remove_row("familyMembers", 9).ok);
  EXPECT_EQ(s->state("familyMembers")->value, 9);
  EXPECT_EQ(s->remove_row("familyMembers", 9).error.code, "bad_row");
}

}  // namespace
}  // namespace haoban::form
