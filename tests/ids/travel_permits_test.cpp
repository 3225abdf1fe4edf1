// Travel document formats: 往来港澳通行证 C\d{8}; 港澳居民来往内地通行证 [HM]\d{8}(\d{2})?;
// passport E\d{8} | E[A-HJ-NP-Z]\d{7}.
#include <gtest/gtest.h>

#include <string>

#include "haoban/ids/validators.h"

// A namespace of its own: the test programs are built as one unity translation unit per folder.
namespace haoban::ids::travel_permits_test {
namespace {

struct Case {
  const char* name;
  const char* kind;
  std::string input;
  const char* error_code;  // "" when valid
  const char* normalized;  // checked when not null
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class TravelPermitCase : public ::testing::TestWithParam<Case> {};

TEST_P(TravelPermitCase, GivesTheExpectedVerdict) {
  const Case& c = GetParam();
  const std::string kind = c.kind;
  const ValidationResult r = kind == "hk_macau_permit" ? validate_hk_macau_permit(c.input)
                             : kind == "mainland_travel_permit"
                                 ? validate_mainland_travel_permit(c.input)
                                 : validate_passport(c.input);
  EXPECT_EQ(r.kind, kind);
  EXPECT_EQ(r.valid, std::string(c.error_code).empty()) << r.message.en;
  EXPECT_EQ(r.error_code, c.error_code) << r.message.en;
  if (c.normalized) EXPECT_EQ(r.normalized, c.normalized);
  EXPECT_FALSE(r.message.zh.empty());
}

constexpr const char* kHk = "hk_macau_permit";
constexpr const char* kMtp = "mainland_travel_permit";
constexpr const char* kPp = "passport";

const Case kCases[] = {
    // 往来港澳通行证
    {"HkPlain", kHk, "C12345678", "", "C12345678"},
    {"HkLowerCase", kHk, "c12345678", "", "C12345678"},
    {"HkFullWidth", kHk, "\uFF23\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "", "C12345678"},
    {"HkSpaces", kHk, " C 1234 5678\u3000", "", "C12345678"},
    {"HkWrongLetter", kHk, "D12345678", "prefix", nullptr},
    {"HkStartsWithDigit", kHk, "112345678", "prefix", nullptr},
    {"HkLetterInDigits", kHk, "C1234567A", "charset", nullptr},
    {"HkTwoLetters", kHk, "CA1234567", "charset", nullptr},
    {"HkTooShort", kHk, "C1234567", "length", nullptr},
    {"HkTooLong", kHk, "C123456789", "length", nullptr},
    {"HkOnlyLetter", kHk, "C", "length", nullptr},
    {"HkHyphen", kHk, "C-12345678", "charset", nullptr},
    {"HkEmpty", kHk, "", "empty", ""},
    {"HkInvalidUtf8", kHk, std::string("C1234567\xFE"), "encoding", ""},
    {"HkOneMegabyte", kHk, std::string(1 << 20, 'C'), "too_long", ""},
    {"HkAllZeros", kHk, "C00000000", "", "C00000000"},
    {"HkAllNines", kHk, "C99999999", "", "C99999999"},
    {"HkFullWidthLowerC", kHk, "\uFF4312345678", "", "C12345678"},
    {"HkTabAndNewline", kHk, "\tC12345678\n", "", "C12345678"},
    {"HkNoBreakSpace", kHk, "\u00A0C12345678", "", "C12345678"},
    {"HkInnerIdeographicSpace", kHk, "C1234\u30005678", "", "C12345678"},
    {"HkByteOrderMark", kHk, "\uFEFFC12345678", "", "C12345678"},
    {"HkMainlandPermitNumber", kHk, "H12345678", "prefix", nullptr},
    {"HkPassportNumber", kHk, "E12345678", "prefix", nullptr},
    {"HkResidentIdNumber", kHk, "11010519491231002X", "prefix", nullptr},
    {"HkLowerWrongLetter", kHk, "w12345678", "prefix", nullptr},
    {"HkDot", kHk, "C1234.5678", "charset", nullptr},
    {"HkChinese", kHk, "C1234567八", "charset", nullptr},
    {"HkEmoji", kHk, "C1234567\U0001F600", "charset", nullptr},
    {"HkTrailingLetter", kHk, "C12345678X", "charset", nullptr},
    {"HkOnlyIdeographicSpace", kHk, "\u3000", "empty", ""},
    {"HkOneByteOverTheBound", kHk, std::string(kMaxInputBytes + 1, ' '), "too_long", ""},
    // 港澳居民来往内地通行证
    {"MtpHongKong9", kMtp, "H12345678", "", "H12345678"},
    {"MtpHongKong11", kMtp, "H1234567801", "", "H1234567801"},
    {"MtpMacao9", kMtp, "M12345678", "", "M12345678"},
    {"MtpMacao11", kMtp, "m1234567802", "", "M1234567802"},
    {"MtpFullWidth", kMtp, "\uFF28\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "",
     "H12345678"},
    {"MtpWrongLetter", kMtp, "C12345678", "prefix", nullptr},
    {"MtpTaiwanLetterT", kMtp, "T12345678", "prefix", nullptr},
    {"MtpTen", kMtp, "H123456789", "length", nullptr},
    {"MtpEight", kMtp, "H1234567", "length", nullptr},
    {"MtpTwelve", kMtp, "H12345678012", "length", nullptr},
    {"MtpLetterInDigits", kMtp, "H1234S678", "charset", nullptr},
    {"MtpChinese", kMtp, "H1234567八", "charset", nullptr},
    {"MtpEmpty", kMtp, " ", "empty", ""},
    {"MtpOneMegabyte", kMtp, std::string(1 << 20, 'H'), "too_long", ""},
    {"MtpAllZeros9", kMtp, "H00000000", "", "H00000000"},
    {"MtpAllZeros11", kMtp, "M0000000000", "", "M0000000000"},
    {"MtpSpaces", kMtp, " H 1234 5678 01 ", "", "H1234567801"},
    {"MtpIdeographicSpaces", kMtp, "\u3000M12345678\u3000", "", "M12345678"},
    {"MtpFullWidthLowerM", kMtp, "\uFF4D12345678", "", "M12345678"},
    {"MtpTab", kMtp, "\tH12345678", "", "H12345678"},
    {"MtpPassportNumber", kMtp, "E12345678", "prefix", nullptr},
    {"MtpDigitFirst", kMtp, "812345678", "prefix", nullptr},
    {"MtpLetterW", kMtp, "W12345678", "prefix", nullptr},
    {"MtpOnlyLetter", kMtp, "H", "length", nullptr},
    {"MtpTwoDigits", kMtp, "H1", "length", nullptr},
    {"MtpLetterAtEnd", kMtp, "H123456780A", "charset", nullptr},
    {"MtpTwoLetters", kMtp, "HM12345678", "charset", nullptr},
    {"MtpHyphen", kMtp, "H-12345678", "charset", nullptr},
    {"MtpInvalidUtf8", kMtp, std::string("H1234\xF8"), "encoding", ""},
    {"MtpLoneSurrogate", kMtp, std::string("H\xED\xB0\x80"), "encoding", ""},
    {"MtpOneByteOverTheBound", kMtp, std::string(kMaxInputBytes + 1, 'H'), "too_long", ""},
    // 护照
    {"PassportDigits", kPp, "E12345678", "", "E12345678"},
    {"PassportLetter", kPp, "EA1234567", "", "EA1234567"},
    {"PassportLetterZ", kPp, "EZ1234567", "", "EZ1234567"},
    {"PassportLowerCase", kPp, "eh1234567", "", "EH1234567"},
    {"PassportFullWidth", kPp, "\uFF25\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "",
     "E12345678"},
    {"PassportLetterI", kPp, "EI1234567", "charset", nullptr},
    {"PassportLetterO", kPp, "EO1234567", "charset", nullptr},
    {"PassportOldG", kPp, "G12345678", "prefix", nullptr},
    {"PassportTooShort", kPp, "E1234567", "length", nullptr},
    {"PassportLetterTooLong", kPp, "EA12345678", "length", nullptr},
    {"PassportOnlyE", kPp, "E", "length", nullptr},
    {"PassportTwoLetters", kPp, "EAB123456", "charset", nullptr},
    {"PassportEmpty", kPp, "", "empty", ""},
    {"PassportInvalidUtf8", kPp,
     std::string("\xED\xA0\x80"
                 "E12345678"),
     "encoding", ""},
    {"PassportOneMegabyte", kPp, std::string(1 << 20, 'E'), "too_long", ""},
    {"PassportAllZeros", kPp, "E00000000", "", "E00000000"},
    {"PassportLetterB", kPp, "EB0000000", "", "EB0000000"},
    {"PassportLetterJ", kPp, "EJ1234567", "", "EJ1234567"},
    {"PassportLetterN", kPp, "EN1234567", "", "EN1234567"},
    {"PassportLetterP", kPp, "EP1234567", "", "EP1234567"},
    {"PassportSpaces", kPp, " E 1234 5678 ", "", "E12345678"},
    {"PassportIdeographicSpaces", kPp, "\u3000E12345678\u3000", "", "E12345678"},
    {"PassportFullWidthLowerLetters", kPp, "\uFF45\uFF481234567", "", "EH1234567"},
    {"PassportHkPermitNumber", kPp, "C12345678", "prefix", nullptr},
    {"PassportDigitsOnly", kPp, "123456789", "prefix", nullptr},
    {"PassportLetterAtEnd", kPp, "E1234567A", "charset", nullptr},
    {"PassportLowerI", kPp, "ei1234567", "charset", nullptr},
    {"PassportLetterTooShort", kPp, "EA123456", "length", nullptr},
    {"PassportDigitsTooLong", kPp, "E123456789", "length", nullptr},
    {"PassportHyphen", kPp, "E-12345678", "charset", nullptr},
    {"PassportChinese", kPp, "E1234567八", "charset", nullptr},
    {"PassportOnlySpaces", kPp, "  ", "empty", ""},
    {"PassportOneByteOverTheBound", kPp, std::string(kMaxInputBytes + 1, 'E'), "too_long", ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, TravelPermitCase, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(MainlandTravelPermit, RegionFact) {
  EXPECT_EQ(validate_mainland_travel_permit("H12345678").facts["region"], "HK");
  EXPECT_EQ(validate_mainland_travel_permit("M12345678").facts["region"], "MO");
}

TEST(Passport, PrefixMessageIsChinese) {
  const auto r = validate_passport("G12345678");
  EXPECT_NE(r.message.zh.find("E开头"), std::string::npos) << r.message.zh;
}

}  // namespace
}  // namespace haoban::ids::travel_permits_test
