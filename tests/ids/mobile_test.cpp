// Mobile number validator: 1[3-9]\d{9} after removing +86 / 0086 / 86 and separators.
#include <gtest/gtest.h>

#include <string>

#include "haoban/ids/validators.h"

// A namespace of its own: the test programs are built as one unity translation unit per folder.
namespace haoban::ids::mobile_test {
namespace {

struct Case {
  const char* name;
  std::string input;
  const char* error_code;  // "" when valid
  const char* normalized;  // checked when not null
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class MobileCase : public ::testing::TestWithParam<Case> {};

TEST_P(MobileCase, GivesTheExpectedVerdict) {
  const Case& c = GetParam();
  const ValidationResult r = validate_mobile(c.input);
  EXPECT_EQ(r.kind, "mobile");
  EXPECT_EQ(r.valid, std::string(c.error_code).empty()) << r.message.en;
  EXPECT_EQ(r.error_code, c.error_code) << r.message.en;
  if (c.normalized) EXPECT_EQ(r.normalized, c.normalized);
  EXPECT_FALSE(r.message.zh.empty());
}

const Case kCases[] = {
    {"Plain", "13800138000", "", "13800138000"},
    {"Prefix13", "13912345678", "", "13912345678"},
    {"Prefix14", "14712345678", "", "14712345678"},
    {"Prefix15", "15012345678", "", "15012345678"},
    {"Prefix16", "16612345678", "", "16612345678"},
    {"Prefix17", "17712345678", "", "17712345678"},
    {"Prefix18", "18612345678", "", "18612345678"},
    {"Prefix19", "19912345678", "", "19912345678"},
    {"PlusEightySix", "+8613800138000", "", "13800138000"},
    {"PlusEightySixSpaced", "+86 138 0013 8000", "", "13800138000"},
    {"DoubleZeroEightySix", "008613800138000", "", "13800138000"},
    {"EightySixDash", "86-13800138000", "", "13800138000"},
    {"BareEightySix", "8613800138000", "", "13800138000"},
    {"ParenthesisedCountryCode", "(+86)138-0013-8000", "", "13800138000"},
    {"Dashes", "138-0013-8000", "", "13800138000"},
    {"FullWidthDigits", "\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10", "",
     "13800138000"},
    {"FullWidthPlus", "\uFF0B\uFF18\uFF16 13800138000", "", "13800138000"},
    {"IdeographicSpaces", "\u3000138\u30000013\u30008000\u3000", "", "13800138000"},
    {"Prefix12", "12800138000", "prefix", nullptr},
    {"Prefix11", "11800138000", "prefix", nullptr},
    {"Prefix10", "10800138000", "prefix", nullptr},
    {"StartsWith2", "23800138000", "prefix", nullptr},
    {"Landline", "02083888888", "prefix", nullptr},
    {"TooShort", "1380013800", "length", nullptr},
    {"TooLong", "138001380001", "length", nullptr},
    {"CountryCodeOnly", "+86", "empty", ""},
    {"EightySixWithTenDigits", "861380013800", "length", nullptr},
    {"LetterO", "1380013800O", "charset", nullptr},
    {"LetterInMiddle", "138a0138000", "charset", nullptr},
    {"OtherCountryCode", "+85261234567", "charset", nullptr},
    {"PlusInMiddle", "138+00138000", "charset", nullptr},
    {"Chinese", "一三八00138000", "charset", nullptr},
    {"Empty", "", "empty", ""},
    {"Spaces", "   ", "empty", ""},
    {"InvalidUtf8", std::string("1380013800\x80"), "encoding", ""},
    {"OneMegabyte", std::string(1 << 20, '8'), "too_long", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, MobileCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Mobile, LengthMessageReportsTheDigitCountAfterTheCountryCode) {
  const auto r = validate_mobile("+86 1380013800");
  EXPECT_EQ(r.error_code, "length");
  EXPECT_NE(r.message.zh.find("10位"), std::string::npos) << r.message.zh;
}

TEST(Mobile, FactsCarryTheCountryCode) {
  const auto r = validate_mobile("13800138000");
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.facts["countryCode"], "86");
}

}  // namespace
}  // namespace haoban::ids::mobile_test
