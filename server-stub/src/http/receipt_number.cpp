#include "http/receipt_number.h"

#include <cstdio>

namespace haoban::http {

namespace {

constexpr int kModulus = 36;  // the hybrid system M, M+1 with M = 36: digits and A-Z

int value_of(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

char character_of(int value) {
  return static_cast<char>(value < 10 ? '0' + value : 'A' + (value - 10));
}

}  // namespace

std::optional<char> receipt_check_character(std::string_view body) {
  // ISO/IEC 7064 hybrid MOD 37,36: it catches every single-character error and every
  // transposition of two adjacent characters, which is what people make copying numbers.
  int product = kModulus;
  for (const char c : body) {
    const int value = value_of(c);
    if (value < 0) return std::nullopt;
    int sum = (product + value) % kModulus;
    if (sum == 0) sum = kModulus;
    product = (sum * 2) % (kModulus + 1);
  }
  return character_of((kModulus + 1 - product) % kModulus);
}

std::optional<std::string> make_receipt_number(const time::CivilDate& received_on,
                                               std::string_view basic_code, int64_t day_sequence) {
  if (day_sequence < 1 || day_sequence > 999'999) return std::nullopt;
  char date[16];
  std::snprintf(date, sizeof date, "%04d%02d%02d", received_on.year % 10000, received_on.month,
                received_on.day);
  // 基本编码 is 12 characters by the national standard; anything else in a catalogue is
  // upper-cased, stripped to [0-9A-Z] and padded with 0 so the number keeps its shape.
  std::string code;
  for (const char c : basic_code) {
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (value_of(upper) >= 0 && code.size() < 12) code += upper;
  }
  code.resize(12, '0');
  char sequence[8];
  std::snprintf(sequence, sizeof sequence, "%06lld", static_cast<long long>(day_sequence));
  std::string number = "GZ" + std::string(date) + code + sequence;
  number += *receipt_check_character(number);
  return number;
}

bool is_valid_receipt_number(std::string_view number) {
  if (number.size() != kReceiptNumberLength || number.substr(0, 2) != "GZ") return false;
  const auto check = receipt_check_character(number.substr(0, kReceiptNumberLength - 1));
  return check && *check == number.back();
}

}  // namespace haoban::http
