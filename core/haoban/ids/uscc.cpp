// 统一社会信用代码, GB 32100-2015: 1 registration-authority character, 1 organisation-type
// character, 6-digit division code, 9-character organisation code, 1 check character.
// The alphabet has 31 characters (no I, O, Z, S, V); each is worth its index, 0–30.
#include <string>

#include "haoban/ids/divisions.h"
#include "haoban/ids/validator_support.h"
#include "haoban/ids/validators.h"

namespace haoban::ids {
namespace {

constexpr std::string_view kUsccKind = "uscc";
constexpr std::size_t kUsccLength = 18;
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kUsccWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

int value_of(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char expected_uscc_check(std::string_view code) {
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += value_of(code[i]) * kUsccWeights[i];
  const int check = (31 - sum % 31) % 31;  // 31 → 0
  return kAlphabet[check];
}

// 登记管理部门代码 (GB 32100-2015, table 1). Codes not listed stay unnamed.
std::string_view authority_name(char c) {
  switch (c) {
    case '1':
      return "机构编制";
    case '2':
      return "外交";
    case '3':
      return "司法行政";
    case '4':
      return "文化";
    case '5':
      return "民政";
    case '6':
      return "旅游";
    case '7':
      return "宗教";
    case '8':
      return "工会";
    case '9':
      return "市场监督管理";
    case 'A':
      return "中央军委改革和编制办公室";
    case 'N':
      return "农业";
    case 'Y':
      return "其他";
    default:
      return {};
  }
}

// 机构类别代码 for the most common authorities; others are reported by code only.
std::string_view org_type_name(char authority, char type) {
  if (authority == '9') {
    if (type == '1') return "企业";
    if (type == '2') return "个体工商户";
    if (type == '3') return "农民专业合作社";
  } else if (authority == '5') {
    if (type == '1') return "社会团体";
    if (type == '2') return "民办非企业单位";
    if (type == '3') return "基金会";
    if (type == '9') return "其他";
  } else if (authority == '1') {
    if (type == '1') return "机关";
    if (type == '2') return "事业单位";
    if (type == '3') return "中央编办直接管理机构编制的群众团体";
    if (type == '9') return "其他";
  }
  return {};
}

ValidationResult uscc_failure(std::string normalized, std::string_view code,
                              LocalizedText message) {
  return detail::failure(kUsccKind, std::move(normalized), code, std::move(message));
}

}  // namespace

ValidationResult validate_uscc(std::string_view input) {
  std::string code;
  if (auto rejected = detail::prepare_input(kUsccKind, input, code)) return std::move(*rejected);

  const std::string_view bad =
      detail::first_disallowed(code, 0, [](char c) { return value_of(c) >= 0; });
  if (!bad.empty()) {
    return uscc_failure(
        code, "charset",
        detail::charset_message(kUsccKind, bad,
                                "统一社会信用代码由数字和大写字母组成，不使用I、O、Z、S、V",
                                "it uses digits and capital letters except I, O, Z, S and V"));
  }
  if (code.size() != kUsccLength) {
    return uscc_failure(code, "length", detail::length_message(kUsccKind, "18", "18", code.size()));
  }
  if (expected_uscc_check(code) != code[17]) {
    return uscc_failure(code, "checksum", detail::checksum_message(kUsccKind));
  }

  ValidationResult result = detail::success(
      kUsccKind, code, {"统一社会信用代码校验通过。", "The unified social credit code is valid."});
  const std::string division = code.substr(2, 6);
  result.facts["registrationAuthority"] = code.substr(0, 1);
  if (const auto name = authority_name(code[0]); !name.empty()) {
    result.facts["registrationAuthorityName"] = std::string(name);
  }
  result.facts["orgType"] = code.substr(1, 1);
  if (const auto name = org_type_name(code[0], code[1]); !name.empty()) {
    result.facts["orgTypeName"] = std::string(name);
  }
  // The division is reported, not enforced: central bodies use codes such as 100000.
  result.facts["division"] = division;
  if (find_division(division)) result.facts["divisionName"] = *division_full_name(division);
  result.facts["orgCode"] = code.substr(8, 9);
  return result;
}

}  // namespace haoban::ids
