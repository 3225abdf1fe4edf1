#include "haoban/money/amount.h"

#include <limits>
#include <vector>

#include "haoban/text/normalize.h"
#include "haoban/text/utf8.h"

namespace haoban::money {
namespace {

constexpr Fen kMax = std::numeric_limits<Fen>::max();

ParseError error(const char* code, size_t position, const char* zh, const char* en) {
  return ParseError{code, position, zh, en};
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The magnitude as an unsigned number, so that INT64_MIN formats correctly.
std::string format_magnitude(Fen fen, bool grouped) {
  const bool negative = fen < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string yuan = std::to_string(magnitude / 100);
  if (grouped) {
    std::string with_commas;
    const size_t n = yuan.size();
    for (size_t i = 0; i < n; ++i) {
      if (i > 0 && (n - i) % 3 == 0) with_commas.push_back(',');
      with_commas.push_back(yuan[i]);
    }
    yuan = std::move(with_commas);
  }
  const unsigned cents = static_cast<unsigned>(magnitude % 100);
  std::string out = negative ? "-" : "";
  out += yuan;
  out.push_back('.');
  out.push_back(static_cast<char>('0' + cents / 10));
  out.push_back(static_cast<char>('0' + cents % 10));
  return out;
}

}  // namespace

ParseResult parse_yuan(std::string_view text, const ParseOptions& options) {
  if (text.size() > options.max_bytes) {
    return error("too_long", 0, "金额过长", "the amount is too long");
  }
  // Full-width digits, point and comma become ASCII one character for one, so positions in
  // the normalised text are positions in the input.
  const std::string half = text::fullwidth_to_halfwidth(text);
  std::vector<char32_t> s;
  for (size_t pos = 0; pos < half.size();) {
    s.push_back(text::decode_next(half, pos).value_or(text::kReplacementChar));
  }
  size_t i = 0;
  const size_t n = s.size();
  while (i < n && is_space(s[i])) ++i;
  size_t end = n;
  while (end > i && is_space(s[end - 1])) --end;
  if (i == end) return error("empty", i, "请输入金额", "the amount is empty");
  if (s[end - 1] == U'元') --end;

  bool negative = false;
  bool seen_sign = false;
  bool seen_currency = false;
  for (; i < end; ++i) {  // sign and ¥ in either order, each at most once
    const char32_t c = s[i];
    if ((c == U'-' || c == U'+') && !seen_sign) {
      seen_sign = true;
      negative = c == U'-';
      if (negative && !options.allow_negative) {
        return error("negative_not_allowed", i, "金额不能为负数", "the amount cannot be negative");
      }
    } else if ((c == 0xA5 || c == 0xFFE5) && !seen_currency) {  // ¥ and full-width ￥
      seen_currency = true;
    } else {
      break;
    }
  }
  if (i == end || !is_digit(s[i])) {
    return i == end ? error("missing_digits", i, "金额缺少数字", "the amount has no digits")
                    : error("invalid_character", i, "金额中有无效字符",
                            "the amount contains an invalid character");
  }

  Fen yuan = 0;
  size_t group_digits = 0;  // digits since the last separator
  bool grouped = false;
  for (; i < end && (is_digit(s[i]) || s[i] == U','); ++i) {
    if (s[i] == U',') {
      // The first group has 1–3 digits, every later one exactly 3.
      if ((grouped ? group_digits != 3 : group_digits > 3) || i + 1 >= end || !is_digit(s[i + 1])) {
        return error("misplaced_separator", i, "千位分隔符位置不对",
                     "a thousands separator is misplaced");
      }
      grouped = true;
      group_digits = 0;
      continue;
    }
    const int digit = static_cast<int>(s[i] - U'0');
    if (yuan > (kMax / 100 - digit) / 10) {
      return error("overflow", i, "金额过大", "the amount is too large");
    }
    yuan = yuan * 10 + digit;
    ++group_digits;
  }
  if (grouped && group_digits != 3) {
    return error("misplaced_separator", i, "千位分隔符位置不对",
                 "a thousands separator is misplaced");
  }
  Fen cents = 0;
  if (i < end && s[i] == U'.') {
    const size_t point = i++;
    size_t decimals = 0;
    for (; i < end && is_digit(s[i]); ++i, ++decimals) {
      if (decimals >= 2) {
        return error("too_many_decimals", i, "金额最多两位小数（精确到分）",
                     "an amount has at most two decimals (fen)");
      }
      cents = cents * 10 + static_cast<int>(s[i] - U'0');
    }
    if (decimals == 0) {
      return error("missing_digits", point, "小数点后缺少数字",
                   "digits are missing after the point");
    }
    if (decimals == 1) cents *= 10;
  }
  if (i < end) {
    return error("invalid_character", i, "金额中有无效字符",
                 "the amount contains an invalid character");
  }
  if (yuan > (kMax - cents) / 100) {
    return error("overflow", end - 1, "金额过大", "the amount is too large");
  }
  const Fen magnitude = yuan * 100 + cents;
  return negative ? -magnitude : magnitude;
}

std::string format_yuan(Fen fen) { return format_magnitude(fen, false); }

std::string format_yuan_grouped(Fen fen) { return format_magnitude(fen, true); }

std::optional<Fen> checked_add(Fen a, Fen b) {
  Fen out;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<Fen> checked_sub(Fen a, Fen b) {
  Fen out;
  if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<Fen> checked_mul(Fen amount, int64_t factor) {
  Fen out;
  if (__builtin_mul_overflow(amount, factor, &out)) return std::nullopt;
  return out;
}

std::optional<Fen> mul_ratio(Fen amount, int64_t numerator, int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  // 128-bit intermediate: amount × numerator cannot overflow it.
  __int128 product = static_cast<__int128>(amount) * numerator;
  __int128 d = denominator;
  if (d < 0) {
    d = -d;
    product = -product;
  }
  const bool negative = product < 0;
  const __int128 magnitude = negative ? -product : product;
  __int128 q = magnitude / d;
  if ((magnitude % d) * 2 >= d) ++q;  // half away from zero
  const __int128 result = negative ? -q : q;
  if (result > kMax || result < std::numeric_limits<Fen>::min()) return std::nullopt;
  return static_cast<Fen>(result);
}

}  // namespace haoban::money
