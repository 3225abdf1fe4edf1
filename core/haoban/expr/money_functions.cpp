// Money in fen (分): amounts are integers so that sums never drift (0.1 + 0.2 ≠ 0.3 in floating
// point). fen() reads money text exactly, digit by digit, never through a double.
#include <cmath>
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/functions.h"
#include "haoban/text/normalize.h"

namespace haoban::expr {

namespace {

constexpr int64_t kMaxFen = 900'719'925'474'099;  // 2^53 / 10: exact as a double

// "12.50", "¥1,200", "１２", "-3.5", "12.5元" → fen; nullopt if it is not an amount of money.
std::optional<int64_t> parse_fen(std::string_view raw) {
  if (raw.size() > 64) return std::nullopt;
  std::string s = text::trim(text::fullwidth_to_halfwidth(raw));
  for (std::string_view prefix : {"¥", "￥", "CNY", "RMB"}) {
    if (s.rfind(prefix, 0) == 0) s = text::trim(s.substr(prefix.size()));
  }
  for (std::string_view suffix : {"元", "CNY"}) {
    if (s.size() >= suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
      s = text::trim(s.substr(0, s.size() - suffix.size()));
    }
  }
  bool negative = false;
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  int64_t yuan = 0;
  int digits = 0;
  for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == ','); ++i) {
    if (s[i] == ',') continue;
    yuan = yuan * 10 + (s[i] - '0');
    if (++digits > 13) return std::nullopt;
  }
  int64_t cents = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    int decimals = 0;
    for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
      if (++decimals > 2) return std::nullopt;  // 分 is the smallest unit
      cents = cents * 10 + (s[i] - '0');
    }
    if (decimals == 1) cents *= 10;
    if (decimals == 0 && digits == 0) return std::nullopt;
  } else if (digits == 0) {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  const int64_t fen = yuan * 100 + cents;
  if (fen > kMaxFen) return std::nullopt;
  return negative ? -fen : fen;
}

Value fn_fen(CallContext&, const Value* a, size_t) {
  const Value& v = a[0];
  if (v.kind == Kind::Number) {
    // A number is yuan; it must be whole fen already (12.5 → 1250, 12.345 is not money).
    const double fen = std::round(v.number * 100);
    if (!std::isfinite(fen) || std::fabs(fen - v.number * 100) > 1e-6 || std::fabs(fen) > kMaxFen) {
      return Value::null();
    }
    return Value::of(fen);
  }
  if (v.kind != Kind::String) return Value::null();
  const auto fen = parse_fen(v.str());
  return fen ? Value::of(static_cast<double>(*fen)) : Value::null();
}

// yuan(fen) → "12.50": how a fen amount is shown.
Value fn_yuan(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null()) return Value::null();
  const double fen = to_number(a[0]);
  if (fen != std::trunc(fen) || std::fabs(fen) > kMaxFen) {
    fail(error_type::kInvalidArguments, "yuan: expected a whole number of fen");
  }
  const auto f = static_cast<int64_t>(std::fabs(fen));
  std::string s = (fen < 0 ? "-" : "") + std::to_string(f / 100) + ".";
  s += static_cast<char>('0' + (f % 100) / 10);
  s += static_cast<char>('0' + f % 10);
  return keep_string(ctx, std::move(s));
}

const FunctionDef kMoneyFunctions[] = {
    {"fen", 1, 1, fn_fen, Type::Number, {Type::Any}, true},
    {"yuan", 1, 1, fn_yuan, Type::String, {Type::Number}, true},
};

}  // namespace

std::span<const FunctionDef> money_functions() { return kMoneyFunctions; }

}  // namespace haoban::expr
