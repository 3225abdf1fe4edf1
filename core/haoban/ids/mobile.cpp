// Mainland China mobile numbers: 11 digits, 1[3-9]\d{9}. People paste them in every form:
// "+86 138-0013-8000", "0086 13800138000", "(86)13800138000"; the country code and the
// separators are removed first, and the normalised value is the bare 11 digits.
#include <string>

#include "haoban/ids/validator_support.h"
#include "haoban/ids/validators.h"

namespace haoban::ids {
namespace {

constexpr std::string_view kMobileKind = "mobile";
constexpr std::size_t kMobileDigits = 11;

std::string strip_separators(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '-' && c != '(' && c != ')') out.push_back(c);
  }
  return out;
}

std::string strip_country_code(std::string s) {
  if (s.rfind("+86", 0) == 0) return s.substr(3);
  if (s.rfind("0086", 0) == 0) return s.substr(4);
  // A bare "86" is only the country code when it precedes exactly 11 digits.
  if (s.size() == kMobileDigits + 2 && s.rfind("86", 0) == 0) return s.substr(2);
  return s;
}

ValidationResult mobile_failure(std::string normalized, std::string_view code,
                                LocalizedText message) {
  return detail::failure(kMobileKind, std::move(normalized), code, std::move(message));
}

}  // namespace

ValidationResult validate_mobile(std::string_view input) {
  std::string raw;
  if (auto rejected = detail::prepare_input(kMobileKind, input, raw)) return std::move(*rejected);
  std::string number = strip_country_code(strip_separators(raw));
  if (number.empty()) {
    return mobile_failure(number, "empty", {"请填写手机号码。", "Please enter the mobile number."});
  }

  const std::string_view bad = detail::first_disallowed(number, 0, detail::is_digit);
  if (!bad.empty()) {
    return mobile_failure(
        number, "charset",
        detail::charset_message(kMobileKind, bad, "手机号码只能由数字组成",
                                "only digits are allowed (a +86 prefix is removed)"));
  }
  if (number.size() != kMobileDigits) {
    return mobile_failure(number, "length",
                          detail::length_message(kMobileKind, "11", "11", number.size()));
  }
  if (number[0] != '1' || number[1] < '3') {
    return mobile_failure(
        number, "prefix",
        {"手机号码应以13至19开头，请核对前两位。",
         "A mainland mobile number starts with 13 to 19; please check the first two "
         "digits."});
  }
  ValidationResult result = detail::success(
      kMobileKind, number, {"手机号码格式正确。", "The mobile number is well formed."});
  result.facts["countryCode"] = "86";
  return result;
}

}  // namespace haoban::ids
