// 受理编号 (receipt numbers): "GZ" + 受理日期 YYYYMMDD + the item's 12-character 基本编码 +
// the day's 6-digit sequence + one check character (ISO/IEC 7064 MOD 37,36 over everything
// before it). 29 characters of [0-9A-Z]. docs/receipt-number.md describes the format.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "haoban/time/civil_date.h"

namespace haoban::http {

inline constexpr size_t kReceiptNumberLength = 29;

// The check character for `body` (characters 0-9 and A-Z only), or nullopt for others.
std::optional<char> receipt_check_character(std::string_view body);

// nullopt when the sequence does not fit six digits (over 999,999 in a day).
std::optional<std::string> make_receipt_number(const time::CivilDate& received_on,
                                               std::string_view basic_code, int64_t day_sequence);

// True for a well-formed number whose check character is right.
bool is_valid_receipt_number(std::string_view number);

}  // namespace haoban::http
