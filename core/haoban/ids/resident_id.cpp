// 居民身份证号码, GB 11643-1999: 6-digit division code, 8-digit birth date, 3-digit sequence
// (odd for men, even for women), and a check character over the first 17 digits.
#include <string>

#include "haoban/ids/divisions.h"
#include "haoban/ids/validator_support.h"
#include "haoban/ids/validators.h"

namespace haoban::ids {
namespace {

constexpr std::string_view kResidentIdKind = "resident_id";
constexpr std::size_t kResidentIdLength = 18;
constexpr int kEarliestYear = 1900;

// ISO 7064 MOD 11-2 as GB 11643 states it: weights 2^(17-i) mod 11, check "10X98765432"[Σ mod 11].
constexpr int kResidentIdWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

char expected_resident_id_check(std::string_view id) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kResidentIdWeights[i];
  return kCheckChars[sum % 11];
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

ValidationResult resident_id_failure(std::string normalized, std::string_view code,
                                     LocalizedText message) {
  return detail::failure(kResidentIdKind, std::move(normalized), code, std::move(message));
}

}  // namespace

ValidationResult validate_resident_id(std::string_view input, const time::CivilDate& today) {
  std::string id;
  if (auto rejected = detail::prepare_input(kResidentIdKind, input, id))
    return std::move(*rejected);

  // Characters before length: "11010A" is better answered with "letters are not allowed"
  // than with "too short". X is the only letter, and only as the check character.
  const std::string_view bad =
      detail::first_disallowed(id, 0, [](char c) { return detail::is_digit(c) || c == 'X'; });
  if (!bad.empty()) {
    return resident_id_failure(
        id, "charset",
        detail::charset_message(kResidentIdKind, bad, "身份证号码只能由数字和末位的X组成",
                                "it consists of digits, with X allowed as the last one"));
  }
  if (id.size() != kResidentIdLength) {
    if (id.size() == 15 && id.find('X') == std::string::npos) {
      return resident_id_failure(
          id, "length",
          {"这是15位的旧版身份证号码，请填写18位的第二代身份证号码。",
           "This is an old 15-digit ID number; please enter the 18-character number of "
           "the second-generation ID card."});
    }
    return resident_id_failure(id, "length",
                               detail::length_message(kResidentIdKind, "18", "18", id.size()));
  }
  if (id.find('X') != kResidentIdLength - 1 && id.find('X') != std::string::npos) {
    return resident_id_failure(
        id, "charset",
        {"身份证号码中的X只能出现在最后一位，前17位应为数字。",
         "X may only be the last character of a resident ID number; the first 17 are "
         "digits."});
  }

  const std::string division(std::string_view(id).substr(0, 6));
  if (!is_structurally_valid_division(division)) {
    return resident_id_failure(
        id, "division",
        {"身份证号码前6位的地区代码“" + division + "”不存在，请核对前两位省份代码。",
         "The region code '" + division +
             "' in the first six digits does not exist (unknown province code)."});
  }

  const std::string_view birth(std::string_view(id).substr(6, 8));
  const int year = digits_value(birth.substr(0, 4));
  const int month = digits_value(birth.substr(4, 2));
  const int day = digits_value(birth.substr(6, 2));
  const std::string birth_text = std::string(birth.substr(0, 4)) + "-" +
                                 std::string(birth.substr(4, 2)) + "-" +
                                 std::string(birth.substr(6, 2));
  if (!time::is_valid(year, month, day)) {
    return resident_id_failure(
        id, "date",
        {"身份证号码中的出生日期“" + birth_text + "”不是有效日期，请核对第7至14位。",
         "The birth date '" + birth_text + "' (characters 7 to 14) is not a real calendar date."});
  }
  const time::CivilDate birth_date{year, month, day};
  if (year < kEarliestYear) {
    return resident_id_failure(
        id, "date_out_of_range",
        {"身份证号码中的出生日期“" + birth_text + "”早于1900年，请核对第7至14位。",
         "The birth date '" + birth_text +
             "' is before 1900; please check characters 7 "
             "to 14."});
  }
  if (birth_date > today) {
    return resident_id_failure(
        id, "future_date",
        {"身份证号码中的出生日期“" + birth_text + "”晚于今天，请核对第7至14位。",
         "The birth date '" + birth_text +
             "' is in the future; please check characters "
             "7 to 14."});
  }

  if (expected_resident_id_check(id) != id[17]) {
    return resident_id_failure(id, "checksum", detail::checksum_message(kResidentIdKind));
  }

  ValidationResult result = detail::success(
      kResidentIdKind, id, {"身份证号码校验通过。", "The resident ID number is valid."});
  const int sequence = digits_value(std::string_view(id).substr(14, 3));
  result.facts["birthDate"] = time::to_iso(birth_date);
  result.facts["sex"] = sequence % 2 == 1 ? "male" : "female";
  result.facts["age"] = time::full_years_between(birth_date, today);
  result.facts["division"] = division;
  result.facts["province"] = std::string(id.substr(0, 2)) + "0000";
  result.facts["provinceName"] = std::string(*division_name(std::string(id.substr(0, 2)) + "0000"));
  // divisionName only when the table knows the exact code; unknown districts of a known
  // province are valid (the table is not the full national list) but have no name yet.
  if (const auto info = find_division(division)) {
    result.facts["divisionName"] = *division_full_name(division);
    result.facts["divisionHistoric"] = info->historic;
  }
  return result;
}

}  // namespace haoban::ids
