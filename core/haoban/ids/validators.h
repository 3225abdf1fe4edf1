// Identity validators: 居民身份证, 统一社会信用代码, mobile numbers and travel documents.
// Every validator normalises its input first (full-width → half-width, spaces removed,
// letters upper-cased), bounds its size before any other work, and never throws: the
// answer is always a ValidationResult with a stable error code and zh-CN/en messages.
// The algorithms and codes are documented in docs/validators.md.
#pragma once

#include <cstddef>
#include <string_view>

#include "haoban/ids/validation_result.h"
#include "haoban/time/civil_date.h"

namespace haoban::ids {

// Raw inputs longer than this many bytes are rejected with "too_long" before they are
// decoded: the longest legitimate value (18 full-width characters with spaces between
// them) stays far below it, and a pasted megabyte costs one comparison.
inline constexpr std::size_t kMaxInputBytes = 256;

// 居民身份证 (GB 11643-1999): division, birth date (real, 1900-01-01 … today), sequence, check
// digit.
ValidationResult validate_resident_id(std::string_view input, const time::CivilDate& today);

// 统一社会信用代码 (GB 32100-2015): charset and check character.
ValidationResult validate_uscc(std::string_view input);

// Mainland mobile numbers: 1[3-9]\d{9} after removing +86 / 0086 / 86 and separators.
ValidationResult validate_mobile(std::string_view input);

// 往来港澳通行证: C\d{8} (format only).
ValidationResult validate_hk_macau_permit(std::string_view input);

// 港澳居民来往内地通行证: [HM]\d{8}(\d{2})? (format only).
ValidationResult validate_mainland_travel_permit(std::string_view input);

// 普通护照: E\d{8} | E[A-HJ-NP-Z]\d{7} (format only).
ValidationResult validate_passport(std::string_view input);

// Dispatch by kind: "resident_id", "uscc", "mobile", "hk_macau_permit",
// "mainland_travel_permit", "passport". Any other kind gives valid=false, "unknown_kind".
ValidationResult validate(std::string_view kind, std::string_view input,
                          const time::CivilDate& today);

}  // namespace haoban::ids
