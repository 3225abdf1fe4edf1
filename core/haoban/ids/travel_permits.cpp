// Travel documents, checked for format only (their numbers carry no check character):
//   往来港澳通行证 (mainland residents to HK/Macao)   C\d{8}
//   港澳居民来往内地通行证 (回乡证)                    [HM]\d{8}(\d{2})?   H = Hong Kong, M = Macao
//   普通护照                                          E\d{8} | E[A-HJ-NP-Z]\d{7}
#include <string>

#include "haoban/ids/validator_support.h"
#include "haoban/ids/validators.h"

namespace haoban::ids {
namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!detail::is_digit(c)) return false;
  }
  return true;
}

bool is_ascii_alnum(char c) { return detail::is_digit(c) || (c >= 'A' && c <= 'Z'); }

// Common front half: charset (ASCII letters and digits), then the leading letter.
std::optional<ValidationResult> check_letters_and_prefix(std::string_view kind,
                                                         const std::string& value,
                                                         std::string_view prefixes,
                                                         LocalizedText prefix_message) {
  const std::string_view bad = detail::first_disallowed(value, 0, is_ascii_alnum);
  if (!bad.empty()) {
    return detail::failure(kind, value, "charset",
                           detail::charset_message(kind, bad, "证件号码只能由字母和数字组成",
                                                   "only letters and digits are allowed"));
  }
  if (prefixes.find(value[0]) == std::string_view::npos) {
    return detail::failure(kind, value, "prefix", std::move(prefix_message));
  }
  return std::nullopt;
}

ValidationResult digits_error(std::string_view kind, const std::string& value, std::size_t from) {
  const std::string_view bad =
      detail::first_disallowed(std::string_view(value), from, detail::is_digit);
  return detail::failure(kind, value, "charset",
                         detail::charset_message(kind, bad, "首字母之后应全部为数字",
                                                 "every character after the leading letter(s) "
                                                 "is a digit"));
}

}  // namespace

ValidationResult validate_hk_macau_permit(std::string_view input) {
  constexpr std::string_view kind = "hk_macau_permit";
  std::string value;
  if (auto rejected = detail::prepare_input(kind, input, value)) return std::move(*rejected);
  if (auto e = check_letters_and_prefix(kind, value, "C",
                                        {"往来港澳通行证号码应以字母C开头。",
                                         "A Hong Kong and Macao travel permit number starts "
                                         "with the letter C."})) {
    return std::move(*e);
  }
  if (!all_digits(std::string_view(value).substr(1))) return digits_error(kind, value, 1);
  if (value.size() != 9)
    return detail::failure(kind, value, "length",
                           detail::length_message(kind, "9", "9", value.size()));
  return detail::success(kind, value,
                         {"往来港澳通行证号码格式正确。",
                          "The Hong Kong and Macao travel permit number is well formed."});
}

ValidationResult validate_mainland_travel_permit(std::string_view input) {
  constexpr std::string_view kind = "mainland_travel_permit";
  std::string value;
  if (auto rejected = detail::prepare_input(kind, input, value)) return std::move(*rejected);
  if (auto e = check_letters_and_prefix(
          kind, value, "HM",
          {"港澳居民来往内地通行证号码应以字母H（香港）或M（澳门）开头。",
           "A Mainland travel permit number starts with H (Hong Kong) or M (Macao)."})) {
    return std::move(*e);
  }
  if (!all_digits(std::string_view(value).substr(1))) return digits_error(kind, value, 1);
  if (value.size() != 9 && value.size() != 11) {
    return detail::failure(kind, value, "length",
                           detail::length_message(kind, "9或11", "9 or 11", value.size()));
  }
  ValidationResult result = detail::success(kind, value,
                                            {"港澳居民来往内地通行证号码格式正确。",
                                             "The Mainland travel permit number is well formed."});
  result.facts["region"] = value[0] == 'H' ? "HK" : "MO";
  return result;
}

ValidationResult validate_passport(std::string_view input) {
  constexpr std::string_view kind = "passport";
  std::string value;
  if (auto rejected = detail::prepare_input(kind, input, value)) return std::move(*rejected);
  if (auto e = check_letters_and_prefix(kind, value, "E",
                                        {"护照号码应以字母E开头（因私普通电子护照）。",
                                         "A passport number starts with the letter E (ordinary "
                                         "electronic passport)."})) {
    return std::move(*e);
  }
  if (value.size() < 2) {
    return detail::failure(kind, value, "length",
                           detail::length_message(kind, "9", "9", value.size()));
  }
  // Second character: a digit (E + 8 digits) or a letter other than I and O (E + letter + 7).
  if (value[1] == 'I' || value[1] == 'O') {
    return detail::failure(kind, value, "charset",
                           detail::charset_message(kind, std::string_view(value).substr(1, 1),
                                                   "护照号码第二位不使用字母I和O",
                                                   "the second character is never I or O"));
  }
  if (!all_digits(std::string_view(value).substr(2))) return digits_error(kind, value, 2);
  if (value.size() != 9) {
    return detail::failure(kind, value, "length",
                           detail::length_message(kind, "9", "9", value.size()));
  }
  return detail::success(kind, value,
                         {"护照号码格式正确。", "The passport number is well formed."});
}

}  // namespace haoban::ids
