// 统一社会信用代码 validator (GB 32100-2015). Valid codes were computed independently over
// the standard's weights; the DESIGN.md example is 91350100M000100Y43.
#include <gtest/gtest.h>

#include <string>

#include "haoban/ids/validators.h"

// A namespace of its own: the test programs are built as one unity translation unit per folder.
namespace haoban::ids::uscc_test {
namespace {

struct Case {
  const char* name;
  std::string input;
  const char* error_code;  // "" when valid
  const char* normalized;  // checked when not null
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class UsccCase : public ::testing::TestWithParam<Case> {};

TEST_P(UsccCase, GivesTheExpectedVerdict) {
  const Case& c = GetParam();
  const ValidationResult r = validate_uscc(c.input);
  EXPECT_EQ(r.kind, "uscc");
  EXPECT_EQ(r.valid, std::string(c.error_code).empty()) << r.message.en;
  EXPECT_EQ(r.error_code, c.error_code) << r.message.en;
  if (c.normalized) EXPECT_EQ(r.normalized, c.normalized);
  EXPECT_FALSE(r.message.zh.empty());
  EXPECT_FALSE(r.message.en.empty());
}

const Case kCases[] = {
    {"DesignExample", "91350100M000100Y43", "", "91350100M000100Y43"},
    {"LowerCase", "91350100m000100y43", "", "91350100M000100Y43"},
    {"Spaces", " 9135 0100 M000 100Y 43 ", "", "91350100M000100Y43"},
    {"IdeographicSpace", "\u300091350100M000100Y43\u3000", "", "91350100M000100Y43"},
    {"FullWidth",
     "\uFF19\uFF11\uFF13\uFF15\uFF10\uFF11\uFF10\uFF10\uFF2D\uFF10\uFF10\uFF10\uFF11\uFF10\uFF10"
     "\uFF39\uFF14\uFF13",
     "", "91350100M000100Y43"},
    {"FullWidthLowerCase", "91350100\uFF4D000100\uFF5943", "", "91350100M000100Y43"},
    {"GuangzhouEnterprise", "91440101MA59ABCDEM", "", nullptr},
    {"SoleTrader", "92440106MA5AAAAAAB", "", nullptr},
    {"SocialOrganisation", "51440000500000000U", "", nullptr},
    {"GovernmentOrgan", "11100000000013127D", "", nullptr},
    {"CheckIsLetterX", "93440115MA4WTE7T1X", "", nullptr},
    {"CheckWraps31ToZero", "Y1440106MA90000000", "", nullptr},
    {"DesignChecksumWrong", "91350100M000100Y44", "checksum", nullptr},
    {"ChecksumLetterWrong", "91440101MA59ABCDEN", "checksum", nullptr},
    {"TransposedPair", "91350100M000010Y43", "checksum", nullptr},
    {"WrongAuthorityDigit", "81350100M000100Y43", "checksum", nullptr},
    {"LetterI", "91350100I000100Y43", "charset", nullptr},
    {"LetterO", "91350100O000100Y43", "charset", nullptr},
    {"LetterZ", "91350100Z000100Y43", "charset", nullptr},
    {"LetterS", "91350100S000100Y43", "charset", nullptr},
    {"LetterV", "91350100V000100Y43", "charset", nullptr},
    {"LowerCaseI", "91350100i000100Y43", "charset", nullptr},
    {"Hyphen", "91350100-M000100Y43", "charset", nullptr},
    {"Chinese", "91350100M000100Y4三", "charset", nullptr},
    {"TooShort", "91350100M000100Y4", "length", nullptr},
    {"TooLong", "91350100M000100Y433", "length", nullptr},
    {"OldOrgCodeOnly", "M000100Y4", "length", nullptr},
    {"Empty", "", "empty", ""},
    {"OnlyIdeographicSpaces", "\u3000\u3000", "empty", ""},
    {"InvalidUtf8", std::string("91350100M000100Y4\xC3"), "encoding", ""},
    {"OverlongUtf8Encoding",
     std::string("\xC0\xB1"
                 "9350100M000100Y43"),
     "encoding", ""},
    {"OneMegabyte", std::string(1 << 20, 'A'), "too_long", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, UsccCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Uscc, DesignExampleFacts) {
  const auto r = validate_uscc("91350100M000100Y43");
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.facts["registrationAuthority"], "9");
  EXPECT_EQ(r.facts["registrationAuthorityName"], "市场监督管理");
  EXPECT_EQ(r.facts["orgType"], "1");
  EXPECT_EQ(r.facts["orgTypeName"], "企业");
  EXPECT_EQ(r.facts["division"], "350100");
  EXPECT_EQ(r.facts["orgCode"], "M000100Y4");
  EXPECT_FALSE(r.facts.contains("divisionName"));  // 福州市 is not in the compiled-in table
}

TEST(Uscc, GuangzhouDivisionIsNamed) {
  const auto r = validate_uscc("92440106MA5AAAAAAB");
  ASSERT_TRUE(r.valid);
  EXPECT_EQ(r.facts["divisionName"], "广东省广州市天河区");
  EXPECT_EQ(r.facts["orgTypeName"], "个体工商户");
}

TEST(Uscc, ChecksumMessage) {
  const auto r = validate_uscc("91350100M000100Y44");
  EXPECT_NE(r.message.zh.find("校验码错误"), std::string::npos) << r.message.zh;
}

TEST(Uscc, CharsetMessageNamesTheExcludedLetters) {
  const auto r = validate_uscc("91350100O000100Y43");
  EXPECT_NE(r.message.zh.find("“O”"), std::string::npos) << r.message.zh;
  EXPECT_NE(r.message.zh.find("I、O、Z、S、V"), std::string::npos) << r.message.zh;
}

TEST(Uscc, EverySingleCharacterChangeOfTheExampleIsCaught) {
  // A one-character error anywhere must never leave a valid code (the weights are all
  // non-zero mod 31 and 31 is prime, so every substitution changes the check sum).
  const std::string good = "91350100M000100Y43";
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int checked = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    for (char c : alphabet) {
      if (c == good[i]) continue;
      std::string bad = good;
      bad[i] = c;
      EXPECT_FALSE(validate_uscc(bad).valid) << bad;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 18 * 30);
}

}  // namespace
}  // namespace haoban::ids::uscc_test
