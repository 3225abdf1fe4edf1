// Hostile answers typed or pasted into a form session (the per-keystroke path of the app,
// the mini-program and the workbench): each is normalised, refused with a coded error, or
// stored verbatim with a field error. Never a crash, a hang or a lost answer.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "haoban/form/session.h"
#include "hardening_support.h"

namespace haoban::hardening {
namespace {

using nlohmann::json;

std::unique_ptr<form::FormSession> open(const std::string& item) {
  form::SessionOptions options;
  options.today = time::CivilDate{2026, 11, 28};
  form::SessionError error;
  auto session = form::FormSession::create(sample_catalog(), item, options, &error);
  EXPECT_TRUE(session) << error.code << " " << error.en;
  return session;
}

// The error codes of one field after a set().
std::vector<std::string> codes_of(const form::FormSession& session, const std::string& path) {
  std::vector<std::string> codes;
  const auto state = session.state(path);
  if (state) {
    for (const auto& e : state->errors) codes.push_back(e.code);
  }
  return codes;
}

const char* kPermit = "gz-residence-permit";
const char* kFood = "gz-food-business-licence";

TEST(FormInputs, NanAndInfinityInANumberFieldCountAsNothingEntered) {
  // JSON has no NaN or Infinity: a host that hands one in (a JavaScript NaN from a bad parse)
  // must not get a "complete" form whose answer the back office reads as null.
  auto session = open(kFood);  // premisesArea: required number, at most 100000
  for (double bad :
       {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity()}) {
    ASSERT_TRUE(session->set("premisesArea", 12.5).ok);
    ASSERT_TRUE(session->set("premisesArea", bad).ok) << bad;
    EXPECT_TRUE(session->state("premisesArea")->value.is_null()) << bad;
    bool required_reported = false;
    for (const auto& error : session->validate_all()) {
      required_reported |= error.path == "premisesArea" && error.code == "required";
    }
    EXPECT_TRUE(required_reported) << bad;
    EXPECT_TRUE(session->answers()["premisesArea"].is_null()) << bad;
  }
}

TEST(FormInputs, HugeNumberInANumberFieldIsAFieldError) {
  auto session = open(kFood);
  ASSERT_TRUE(session->set("premisesArea", 1e308).ok);
  EXPECT_FALSE(codes_of(*session, "premisesArea").empty());
  ASSERT_TRUE(session->set("premisesArea", "99999999999999999999999999").ok);
  EXPECT_FALSE(codes_of(*session, "premisesArea").empty());
}

TEST(FormInputs, TenMegabytePasteIsKeptAndReportedTooLong) {
  auto session = open(kPermit);
  const std::string paste(10u << 20, 'a');
  const auto set = session->set("applicantName", paste);
  ASSERT_TRUE(set.ok);
  EXPECT_EQ(codes_of(*session, "applicantName"), std::vector<std::string>{"too_long"});
  // Kept in the draft (what was typed is never silently cut), reported at submission.
  EXPECT_EQ(session->draft()["answers"]["applicantName"].get<std::string>().size(), paste.size());
}

TEST(FormInputs, InvalidUtf8BecomesReplacementCharacters) {
  auto session = open(kPermit);
  ASSERT_TRUE(session->set("applicantName", std::string("\xFF\xFE\xC3")).ok);
  const std::string value = session->state("applicantName")->value.get<std::string>();
  EXPECT_EQ(value, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // three U+FFFD
  // And the answers serialise (nlohmann would throw on invalid UTF-8).
  EXPECT_NO_THROW((void)session->answers().dump());
}

TEST(FormInputs, FullWidthIdNumberWithLowerCaseXIsNormalised) {
  auto session = open(kPermit);
  ASSERT_TRUE(session->set("idNumber", "１１０１０５１９４９１２３１００２ｘ").ok);
  EXPECT_EQ(session->state("idNumber")->value, "11010519491231002X");
  EXPECT_TRUE(codes_of(*session, "idNumber").empty());
}

TEST(FormInputs, FullWidthDigitsAndStraySpacesInAMobileAreNormalised) {
  auto session = open(kPermit);
  ASSERT_TRUE(session->set("mobile", " １３８ ００１３ ８０００ ").ok);
  EXPECT_EQ(session->state("mobile")->value, "13800138000");
  EXPECT_TRUE(codes_of(*session, "mobile").empty());
}

TEST(FormInputs, SqlMetacharactersAreOrdinaryText) {
  auto session = open(kPermit);
  const std::string name = "张三'); DROP TABLE drafts;--";
  ASSERT_TRUE(session->set("applicantName", name).ok);
  EXPECT_EQ(session->answers()["applicantName"], name);
}

TEST(FormInputs, RowIndexOverflowAndNegativeIndexAreBadPaths) {
  auto session = open(kPermit);
  for (const char* path : {"familyMembers[99999999999999999999].memberName",
                           "familyMembers[-1].memberName", "familyMembers[].memberName",
                           "familyMembers[0", "[0].memberName", "familyMembers[0].", ""}) {
    const auto set = session->set(path, "x");
    EXPECT_FALSE(set.ok) << path;
    EXPECT_FALSE(set.error.code.empty()) << path;
  }
}

TEST(FormInputs, PrototypeLikeFieldNamesAreUnknownFields) {
  auto session = open(kPermit);
  for (const char* path : {"__proto__", "constructor", "toString"}) {
    const auto set = session->set(path, "x");
    EXPECT_FALSE(set.ok);
    EXPECT_EQ(set.error.code, "unknown_field") << path;
  }
}

TEST(FormInputs, NestedArraysInATextFieldAreWrongType) {
  auto session = open(kPermit);
  ASSERT_TRUE(session->set("applicantName", json::parse("[[[[1]]]]")).ok);
  EXPECT_EQ(codes_of(*session, "applicantName"), std::vector<std::string>{"wrong_type"});
}

TEST(FormInputs, LengthIsCountedInCodePointsNotBytesOrUtf16Units) {
  auto session = open(kPermit);  // applicantName: maxLength 50
  ASSERT_TRUE(session->set("applicantName", std::string(49, 'a') + "😀").ok);
  EXPECT_TRUE(codes_of(*session, "applicantName").empty());
  ASSERT_TRUE(session->set("applicantName", std::string(50, 'a') + "😀").ok);
  EXPECT_EQ(codes_of(*session, "applicantName"), std::vector<std::string>{"too_long"});
  ASSERT_TRUE(session->set("applicantName", std::string(50, '\xE5')).ok);  // 50 stray lead bytes
  EXPECT_NO_THROW((void)session->answers().dump());
}

TEST(FormInputs, RowsAreBoundedWhetherAddedOneByOneOrPastedAtOnce) {
  auto session = open(kPermit);
  int added = 0;
  while (added < 1000 && session->add_row("familyMembers").ok) ++added;
  EXPECT_LT(added, 1000);
  EXPECT_EQ(session->add_row("familyMembers").error.code, "too_many_rows");
  json rows = json::array();
  for (int i = 0; i < 100000; ++i) rows.push_back(json::object());
  const auto set = session->set("familyMembers", rows);
  EXPECT_FALSE(set.ok);
  EXPECT_EQ(set.error.code, "too_many_rows");
  EXPECT_EQ(session->remove_row("familyMembers", size_t{1} << 62).error.code, "bad_row");
}

TEST(FormInputs, ImpossibleAndFullWidthDatesAreFieldErrorsOrNormalised) {
  auto session = open(kFood);
  ASSERT_TRUE(session->add_row("foodHandlers").ok);
  const std::string path = "foodHandlers[0].healthCertValidTo";
  ASSERT_TRUE(session->set(path, "2026-02-30").ok);
  EXPECT_FALSE(codes_of(*session, path).empty());
  ASSERT_TRUE(session->set(path, "99999-01-01").ok);
  EXPECT_FALSE(codes_of(*session, path).empty());
  ASSERT_TRUE(session->set(path, "２０２７－０１－０１").ok);
  EXPECT_EQ(session->state(path)->value, "2027-01-01");
}

TEST(FormInputs, HostileDraftIsRefusedOrTrimmedNeverTrusted) {
  form::SessionOptions options;
  options.today = time::CivilDate{2026, 11, 28};
  json rows = json::array();
  for (int i = 0; i < 100000; ++i) rows.push_back({{"memberName", "x"}});
  options.draft = {{"item", kPermit},
                   {"revision", 1},
                   {"answers",
                    {{"familyMembers", rows},
                     {"registeredDays", 5},  // computed: never taken from a draft
                     {"__proto__", "x"},
                     {"applicantName", std::string("\xFF", 1)}}}};
  form::SessionError error;
  auto session = form::FormSession::create(sample_catalog(), kPermit, options, &error);
  if (!session) {
    EXPECT_EQ(error.code, "bad_draft");
    return;
  }
  const auto& report = session->draft_report();
  std::set<std::string> reasons;
  for (const auto& dropped : report.dropped) reasons.insert(dropped.reason);
  EXPECT_TRUE(reasons.count("too_many_rows") || reasons.count("computed"))
      << to_json(report).dump();
  EXPECT_NO_THROW((void)session->answers().dump());
}

TEST(FormInputs, DraftOfAnotherItemIsRefused) {
  form::SessionOptions options;
  options.today = time::CivilDate{2026, 11, 28};
  options.draft = {{"item", kFood}, {"revision", 1}, {"answers", json::object()}};
  form::SessionError error;
  auto session = form::FormSession::create(sample_catalog(), kPermit, options, &error);
  EXPECT_FALSE(session);
  EXPECT_EQ(error.code, "draft_wrong_item");
}

}  // namespace
}  // namespace haoban::hardening
