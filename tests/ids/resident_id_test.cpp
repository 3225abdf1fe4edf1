// 居民身份证 validator: worked examples of DESIGN.md, derived facts, and malformed input.
// Valid numbers below were computed independently (by hand / a Python one-liner over the
// GB 11643 weights), not by the code under test.
#include <gtest/gtest.h>

#include <string>

#include "haoban/ids/validators.h"

// A namespace of its own: the test programs are built as one unity translation unit per folder.
namespace haoban::ids::resident_id_test {
namespace {

constexpr time::CivilDate kToday{2026, 11, 27};

struct Case {
  const char* name;
  std::string input;
  const char* error_code;  // "" when valid
  const char* normalized;  // expected normalised value (checked when not null)
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ResidentIdCase : public ::testing::TestWithParam<Case> {};

TEST_P(ResidentIdCase, GivesTheExpectedVerdict) {
  const Case& c = GetParam();
  const ValidationResult r = validate_resident_id(c.input, kToday);
  EXPECT_EQ(r.kind, "resident_id");
  EXPECT_EQ(r.valid, std::string(c.error_code).empty()) << r.message.en;
  EXPECT_EQ(r.error_code, c.error_code) << r.message.en;
  if (c.normalized) EXPECT_EQ(r.normalized, c.normalized);
  EXPECT_FALSE(r.message.zh.empty());
  EXPECT_FALSE(r.message.en.empty());
}

const Case kCases[] = {
    // Valid numbers, in every shape a citizen may type them.
    {"DesignExample", "11010519491231002X", "", "11010519491231002X"},
    {"LowerCaseX", "11010519491231002x", "", "11010519491231002X"},
    {"SurroundingSpaces", "  11010519491231002X \t", "", "11010519491231002X"},
    {"IdeographicSpaces", "\u3000110105\u300019491231\u3000002X\u3000", "", "11010519491231002X"},
    {"FullWidthDigits",
     "\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15\uFF11\uFF19\uFF14\uFF19\uFF11\uFF12\uFF13\uFF11\uFF10"
     "\uFF10\uFF12\uFF38",
     "", "11010519491231002X"},
    {"FullWidthLowerX", "11010519491231002\uFF58", "", "11010519491231002X"},
    {"GroupedWithSpaces", "440106 19900101 1235", "", "440106199001011235"},
    {"TianheMale", "440106199001011235", "", nullptr},
    {"TianheFemale", "440106199001011243", "", nullptr},
    {"HistoricDongshanLeapDay", "440102200002290010", "", nullptr},
    {"HistoricLuogang", "440116201208150024", "", nullptr},
    {"Zengcheng", "440118198510103219", "", nullptr},
    {"ShenzhenNanshan", "440305199912314565", "", nullptr},
    {"UnknownDistrictOfKnownProvince", "449999199001010019", "", nullptr},
    {"Macao", "820000199001010010", "", nullptr},
    {"Dongguan", "441900199001010028", "", nullptr},
    {"EarliestYear", "440106190001010012", "", nullptr},
    {"BornToday", "44010620261127001X", "", nullptr},
    {"Leap2000", "440106200002290016", "", nullptr},
    // Check digit.
    {"DesignChecksumError", "110105194912310021", "checksum", "110105194912310021"},
    {"ChecksumOffByOne", "440106199001011236", "checksum", nullptr},
    {"TransposedDigits", "440106199001012135", "checksum", nullptr},
    {"XWhereDigitExpected", "44010619900101123X", "checksum", nullptr},
    // Dates.
    {"Feb30", "440106199002300012", "date", nullptr},
    {"Month13", "440106199013010010", "date", nullptr},
    {"Month00", "440106199000010011", "date", nullptr},
    {"April31", "440106199004310011", "date", nullptr},
    {"Feb29In1900NotLeap", "44010619000229001X", "date", nullptr},
    {"FutureDateTomorrow", "440106202611280015", "future_date", nullptr},
    {"EarlierThisYear", "440106202601010011", "", nullptr},  // 2026-01-01 is before today
    {"Before1900", "440106189912310018", "date_out_of_range", nullptr},
    // Division.
    {"UnknownProvince99", "990101199001011230", "division", nullptr},
    {"UnknownProvince00", "000101199001011231", "division", nullptr},
    // Characters and length.
    {"Empty", "", "empty", ""},
    {"OnlySpaces", " \u3000 \t", "empty", ""},
    {"LetterInDigits", "4401061990A1011235", "charset", nullptr},
    {"ChineseCharacter", "440106一990010112", "charset", nullptr},
    {"Punctuation", "440106-19900101-1235", "charset", nullptr},
    {"XNotLast", "44010619900X011235", "charset", nullptr},
    {"TooShort17", "44010619900101123", "length", nullptr},
    {"TooLong19", "4401061990010112350", "length", nullptr},
    {"Legacy15Digits", "440106900101123", "length", nullptr},
    {"InvalidUtf8", std::string("44010619900101123\xFF"), "encoding", ""},
    {"TruncatedUtf8", std::string("4401061990010112\xE4\xB8"), "encoding", ""},
    {"OneMegabyte", std::string(1 << 20, '1'), "too_long", ""},
    {"JustOverTheBound", std::string(kMaxInputBytes + 1, ' '), "too_long", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, ResidentIdCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ResidentId, DesignExampleFacts) {
  const auto r = validate_resident_id("11010519491231002x", kToday);
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.facts["birthDate"], "1949-12-31");
  EXPECT_EQ(r.facts["sex"], "female");  // sequence 002 is even
  EXPECT_EQ(r.facts["division"], "110105");
  EXPECT_EQ(r.facts["divisionName"], "北京市朝阳区");
  EXPECT_EQ(r.facts["provinceName"], "北京市");
  EXPECT_EQ(r.facts["age"], 76);
  EXPECT_EQ(r.facts["divisionHistoric"], false);
}

TEST(ResidentId, GuangzhouFactsAndSexFromSequence) {
  const auto male = validate_resident_id("440106199001011235", kToday);
  ASSERT_TRUE(male.valid);
  EXPECT_EQ(male.facts["sex"], "male");  // sequence 123 is odd
  EXPECT_EQ(male.facts["divisionName"], "广东省广州市天河区");
  EXPECT_EQ(male.facts["birthDate"], "1990-01-01");
  EXPECT_EQ(male.facts["age"], 36);
  const auto female = validate_resident_id("440106199001011243", kToday);
  ASSERT_TRUE(female.valid);
  EXPECT_EQ(female.facts["sex"], "female");  // sequence 124 is even
}

TEST(ResidentId, HistoricDivisionIsNamedAndMarked) {
  const auto r = validate_resident_id("440102200002290010", kToday);
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.facts["divisionName"], "广东省广州市东山区");
  EXPECT_EQ(r.facts["divisionHistoric"], true);
}

TEST(ResidentId, UnknownDistrictHasNoNameButAProvince) {
  const auto r = validate_resident_id("449999199001010019", kToday);
  ASSERT_TRUE(r.valid);
  EXPECT_FALSE(r.facts.contains("divisionName"));
  EXPECT_EQ(r.facts["provinceName"], "广东省");
}

TEST(ResidentId, ChecksumMessageIsChineseFirst) {
  const auto r = validate_resident_id("110105194912310021", kToday);
  EXPECT_EQ(r.error_code, "checksum");
  EXPECT_NE(r.message.zh.find("校验码错误"), std::string::npos) << r.message.zh;
  EXPECT_NE(r.message.en.find("check"), std::string::npos) << r.message.en;
  EXPECT_TRUE(r.facts.empty());
}

TEST(ResidentId, TodayDecidesWhatIsFuture) {
  // The same number is valid or future depending only on the date passed in.
  EXPECT_EQ(validate_resident_id("440106202611280015", {2026, 11, 28}).error_code, "");
  EXPECT_EQ(validate_resident_id("440106202611280015", {2026, 11, 27}).error_code, "future_date");
}

TEST(ResidentId, LengthMessageCountsCharacters) {
  const auto r = validate_resident_id("44010619900101123", kToday);
  EXPECT_NE(r.message.zh.find("17"), std::string::npos) << r.message.zh;
  EXPECT_NE(r.message.zh.find("18"), std::string::npos) << r.message.zh;
}

TEST(ResidentId, CharsetMessageQuotesTheOffendingCharacter) {
  const auto r = validate_resident_id("440106一990010112", kToday);
  EXPECT_NE(r.message.zh.find("“一”"), std::string::npos) << r.message.zh;
}

TEST(ResidentId, EveryResultSerialisesToTheContractShape) {
  for (const Case& c : kCases) {
    const auto j = to_json(validate_resident_id(c.input, kToday));
    ASSERT_NO_THROW((void)j.dump()) << c.name;
    EXPECT_TRUE(j["valid"].is_boolean());
    EXPECT_EQ(j["kind"], "resident_id");
    EXPECT_TRUE(j["normalized"].is_string());
    EXPECT_TRUE(j["facts"].is_object());
    if (j["valid"]) {
      EXPECT_TRUE(j["error"].is_null());
    } else {
      EXPECT_TRUE(j["error"]["code"].is_string());
      EXPECT_TRUE(j["error"]["zh"].is_string());
      EXPECT_TRUE(j["error"]["en"].is_string());
    }
  }
}

}  // namespace
}  // namespace haoban::ids::resident_id_test
