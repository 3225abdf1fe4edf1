// Money as an integer number of fen (分, 0.01 yuan). Fees, subsidies and caps in a catalogue
// are compared and summed exactly: binary floating point cannot represent 0.1 yuan, and a
// 1-fen error in a 一次性告知 or a receipt is a real error. No floating point is used anywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace haoban::money {

using Fen = int64_t;

struct ParseOptions {
  bool allow_negative = false;  // refunds and adjustments may be negative; fees and claims not
  size_t max_bytes = 64;        // longer input is refused before it is looked at
};

struct ParseError {
  // empty, too_long, invalid_character, missing_digits, misplaced_separator,
  // too_many_decimals, negative_not_allowed, overflow
  std::string code;
  size_t position = 0;  // 0-based, in characters of the input
  std::string zh;
  std::string en;
};

// An expected-like result: an amount in fen or why the text is not one.
class ParseResult {
 public:
  ParseResult(Fen fen) : value_(fen) {}
  ParseResult(ParseError error) : value_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<Fen>(value_); }
  explicit operator bool() const { return ok(); }
  Fen value() const { return std::get<Fen>(value_); }
  Fen operator*() const { return value(); }
  const ParseError& error() const { return std::get<ParseError>(value_); }

 private:
  std::variant<Fen, ParseError> value_;
};

// Parses an amount in yuan as people type it: "12.5", "１２.５０" (full-width, from a Chinese
// IME), "¥1,234.56", "￥８元", "1234", " -3.20 " (with allow_negative). Rules: at most two
// decimals ("1.005" is an error, not rounded); thousands separators only in groups of three;
// one optional sign, before or after the ¥ sign; an optional trailing 元; surrounding spaces.
ParseResult parse_yuan(std::string_view text, const ParseOptions& options = {});

// "1234.56", "-0.05", "0.00": the yuan amount with exactly two decimals.
std::string format_yuan(Fen fen);
// "1,234.56": the same with thousands separators, for display.
std::string format_yuan_grouped(Fen fen);

// Arithmetic that reports overflow instead of wrapping.
std::optional<Fen> checked_add(Fen a, Fen b);
std::optional<Fen> checked_sub(Fen a, Fen b);
std::optional<Fen> checked_mul(Fen amount, int64_t factor);
// amount × numerator / denominator, rounded half away from zero (四舍五入), e.g. a 3% fee or
// a subsidy of 2/3; nullopt when the denominator is 0 or the result does not fit.
std::optional<Fen> mul_ratio(Fen amount, int64_t numerator, int64_t denominator);

}  // namespace haoban::money
