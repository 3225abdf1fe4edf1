// set() recomputes only what depends on the changed field and returns only the states that
// changed: a visibility cascade shows and hides exactly the dependent fields.
#include "form_test_support.h"

namespace haoban::form {
namespace {

using testing::find_state;
using testing::open;

TEST(IncrementalSet, CatalogueLoads) { ASSERT_NE(testing::sample_catalog(), nullptr); }

TEST(IncrementalSet, HousingTypeRentedShowsLandlordFieldsOnly) {
  auto s = open("gz-residence-permit");
  ASSERT_NE(s, nullptr);
  ASSERT_FALSE(s->state("landlordName")->visible);

  const SetResult r = s->set("housingType", "rented");
  ASSERT_TRUE(r.ok) << r.error.en;
  const FieldState* landlord = find_state(r.changed, "landlordName");
  ASSERT_NE(landlord, nullptr);
  EXPECT_TRUE(landlord->visible);
  EXPECT_TRUE(landlord->required);
  ASSERT_NE(find_state(r.changed, "landlordMobile"), nullptr);
  EXPECT_NE(find_state(r.changed, "housingType"), nullptr);
  // Nothing that does not read housingType is reported.
  EXPECT_EQ(find_state(r.changed, "nation"), nullptr);
  EXPECT_EQ(find_state(r.changed, "mobile"), nullptr);
  EXPECT_LE(r.changed.size(), 5u);

  // The same value again changes nothing.
  EXPECT_TRUE(s->set("housingType", "rented").changed.empty());

  const SetResult back = s->set("housingType", "owned");
  const FieldState* hidden = find_state(back.changed, "landlordName");
  ASSERT_NE(hidden, nullptr);
  EXPECT_FALSE(hidden->visible);
  EXPECT_TRUE(hidden->value.is_null());
}

TEST(IncrementalSet, PageVisibilityCascadesToItsFields) {
  auto s = open("gz-residence-permit");
  ASSERT_FALSE(s->state("employerName")->visible);
  const SetResult r = s->set("applyBasis", "employment");
  ASSERT_TRUE(r.ok);
  const FieldState* employer = find_state(r.changed, "employerName");
  ASSERT_NE(employer, nullptr);
  EXPECT_TRUE(employer->visible);
  EXPECT_TRUE(employer->required);
  EXPECT_EQ(find_state(r.changed, "schoolName"), nullptr);  // still hidden: unchanged

  const SetResult study = s->set("applyBasis", "study");
  ASSERT_NE(find_state(study.changed, "schoolName"), nullptr);
  EXPECT_TRUE(find_state(study.changed, "schoolName")->visible);
  EXPECT_FALSE(find_state(study.changed, "employerName")->visible);
}

TEST(IncrementalSet, ComputedFieldsFollowTheirInputs) {
  auto s = open("gz-residence-permit");
  const SetResult r = s->set("residenceRegisteredOn", "2026-05-01");
  ASSERT_TRUE(r.ok);
  const FieldState* days = find_state(r.changed, "registeredDays");
  ASSERT_NE(days, nullptr);
  EXPECT_EQ(days->value, 210);  // 2026-05-01 → 2026-11-27
  EXPECT_TRUE(days->readonly);
  EXPECT_EQ(s->set("registeredDays", 5).error.code, "computed");
}

TEST(IncrementalSet, EditingOneGroupRowReportsThatRowOnly) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->add_row("familyMembers").ok);
  ASSERT_TRUE(s->add_row("familyMembers").ok);
  const SetResult r = s->set("familyMembers[1].memberIdNumber", "11010519491231002x");
  ASSERT_TRUE(r.ok) << r.error.en;
  const FieldState* id = find_state(r.changed, "familyMembers[1].memberIdNumber");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->value, "11010519491231002X");
  const FieldState* birth = find_state(r.changed, "familyMembers[1].memberBirthDate");
  ASSERT_NE(birth, nullptr);
  EXPECT_EQ(birth->value, "1949-12-31");
  ASSERT_NE(find_state(r.changed, "familyMembers[1].memberSex"), nullptr);
  EXPECT_EQ(find_state(r.changed, "familyMembers[1].memberSex")->value, "female");
  for (const auto& st : r.changed)
    EXPECT_EQ(st.path.find("familyMembers[0]"), std::string::npos) << st.path;
  EXPECT_EQ(s->set("familyMembers[5].memberName", "x").error.code, "bad_row");
}

TEST(IncrementalSet, LockedPrefillAndUnknownFieldsAreRefused) {
  auto s = open("gz-residence-permit", testing::sample_profile("li-ming-migrant"));
  EXPECT_EQ(s->set("applicantName", "王五").error.code, "locked");
  EXPECT_EQ(s->set("noSuchField", 1).error.code, "unknown_field");
  EXPECT_EQ(s->set("familyMembers[x].memberName", 1).error.code, "bad_path");
}

}  // namespace
}  // namespace haoban::form
