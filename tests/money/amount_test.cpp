#include "haoban/money/amount.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace {

using haoban::money::Fen;
using haoban::money::parse_yuan;
using haoban::money::ParseOptions;

Fen fen_of(const std::string& text, ParseOptions options = {}) {
  auto r = parse_yuan(text, options);
  EXPECT_TRUE(r.ok()) << text << ": " << (r.ok() ? "" : r.error().code);
  return r.ok() ? r.value() : -999'999;
}

struct Bad {
  const char* text;
  const char* code;
  size_t position;
};

TEST(MoneyParse, PlainAmounts) {
  EXPECT_EQ(fen_of("12.5"), 1250);
  EXPECT_EQ(fen_of("12.50"), 1250);
  EXPECT_EQ(fen_of("12.05"), 1205);
  EXPECT_EQ(fen_of("1234"), 123400);
  EXPECT_EQ(fen_of("0"), 0);
  EXPECT_EQ(fen_of("0.01"), 1);
  EXPECT_EQ(fen_of("007.10"), 710);
}

TEST(MoneyParse, AsPeopleTypeIt) {
  EXPECT_EQ(fen_of("１２.５０"), 1250);  // full-width digits from a Chinese IME
  EXPECT_EQ(fen_of("１２．５"), 1250);   // full-width point
  EXPECT_EQ(fen_of("¥1,234.56"), 123456);
  EXPECT_EQ(fen_of("￥１，２３４"), 123400);  // full-width ￥ and comma
  EXPECT_EQ(fen_of("8元"), 800);
  EXPECT_EQ(fen_of("￥8.8元"), 880);
  EXPECT_EQ(fen_of("  3.20\xE3\x80\x80"), 320);  // spaces, including the ideographic space
  EXPECT_EQ(fen_of("1,234,567.89"), 123456789);
  EXPECT_EQ(fen_of("+5"), 500);
}

TEST(MoneyParse, Negatives) {
  ParseOptions signed_ok;
  signed_ok.allow_negative = true;
  EXPECT_EQ(fen_of("-3.20", signed_ok), -320);
  EXPECT_EQ(fen_of("-¥3.20", signed_ok), -320);
  EXPECT_EQ(fen_of("¥-0.05", signed_ok), -5);
  auto refused = parse_yuan("-3.20");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "negative_not_allowed");
  EXPECT_EQ(refused.error().zh, "金额不能为负数");
}

TEST(MoneyParse, Limits) {
  // INT64_MAX fen = 92,233,720,368,547,758.07 yuan: the largest amount that fits.
  EXPECT_EQ(fen_of("92233720368547758.07"), std::numeric_limits<Fen>::max());
  ParseOptions signed_ok;
  signed_ok.allow_negative = true;
  EXPECT_EQ(fen_of("-92233720368547758.07", signed_ok), -std::numeric_limits<Fen>::max());
  EXPECT_EQ(parse_yuan("92233720368547758.08").error().code, "overflow");
  EXPECT_EQ(parse_yuan("92233720368547759").error().code, "overflow");
  EXPECT_EQ(parse_yuan("99999999999999999999999999").error().code, "overflow");
  EXPECT_EQ(parse_yuan(std::string(65, '1')).error().code, "too_long");
  EXPECT_EQ(parse_yuan(std::string(10'000'000, '9')).error().code, "too_long");
}

TEST(MoneyParse, ErrorsSayWhatAndWhere) {
  const Bad cases[] = {
      {"", "empty", 0},
      {"   ", "empty", 3},
      {"1.005", "too_many_decimals", 4},
      {"12.345", "too_many_decimals", 5},
      {"1.", "missing_digits", 1},
      {"¥", "missing_digits", 1},
      {".5", "invalid_character", 0},
      {"12a", "invalid_character", 2},
      {"1e3", "invalid_character", 1},
      {"十二", "invalid_character", 0},
      {"1.2.3", "invalid_character", 3},
      {"--1", "negative_not_allowed", 0},
      {"12,34", "misplaced_separator", 5},
      {"1234,567", "misplaced_separator", 4},
      {"1,2345", "misplaced_separator", 6},
      {"1,", "misplaced_separator", 1},
      {"1,,000", "misplaced_separator", 1},
      {"元", "missing_digits", 0},
      {"1 000", "invalid_character", 1},
      {"NaN", "invalid_character", 0},
      {"１２。５", "invalid_character", 2},
  };
  for (const auto& c : cases) {
    auto r = parse_yuan(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.error().code, c.code) << c.text;
    EXPECT_EQ(r.error().position, c.position) << c.text;
    EXPECT_FALSE(r.error().zh.empty());
    EXPECT_FALSE(r.error().en.empty());
  }
}

TEST(MoneyFormat, TwoDecimals) {
  EXPECT_EQ(haoban::money::format_yuan(123456), "1234.56");
  EXPECT_EQ(haoban::money::format_yuan(0), "0.00");
  EXPECT_EQ(haoban::money::format_yuan(5), "0.05");
  EXPECT_EQ(haoban::money::format_yuan(-5), "-0.05");
  EXPECT_EQ(haoban::money::format_yuan(1250), "12.50");
  EXPECT_EQ(haoban::money::format_yuan(std::numeric_limits<Fen>::min()), "-92233720368547758.08");
  EXPECT_EQ(haoban::money::format_yuan_grouped(123456789), "1,234,567.89");
  EXPECT_EQ(haoban::money::format_yuan_grouped(-100000), "-1,000.00");
  EXPECT_EQ(haoban::money::format_yuan_grouped(99999), "999.99");
}

TEST(MoneyFormat, RoundTripsThroughParse) {
  ParseOptions signed_ok;
  signed_ok.allow_negative = true;
  for (Fen v : {Fen{0}, Fen{1}, Fen{-1}, Fen{99}, Fen{100}, Fen{123456789}, Fen{-987654321},
                std::numeric_limits<Fen>::max(), -std::numeric_limits<Fen>::max()}) {
    EXPECT_EQ(fen_of(haoban::money::format_yuan(v), signed_ok), v);
    EXPECT_EQ(fen_of(haoban::money::format_yuan_grouped(v), signed_ok), v);
  }
}

TEST(MoneyArithmetic, CheckedOperations) {
  constexpr Fen kMax = std::numeric_limits<Fen>::max();
  EXPECT_EQ(haoban::money::checked_add(150, 250), 400);
  EXPECT_FALSE(haoban::money::checked_add(kMax, 1));
  EXPECT_EQ(haoban::money::checked_sub(100, 250), -150);
  EXPECT_FALSE(haoban::money::checked_sub(std::numeric_limits<Fen>::min(), 1));
  EXPECT_EQ(haoban::money::checked_mul(1250, 3), 3750);
  EXPECT_FALSE(haoban::money::checked_mul(kMax / 2, 3));
}

TEST(MoneyArithmetic, RatiosRoundHalfAwayFromZero) {
  EXPECT_EQ(haoban::money::mul_ratio(1000, 3, 100), 30);  // 3% of 10.00 yuan
  EXPECT_EQ(haoban::money::mul_ratio(50, 1, 100), 1);     // 0.5 fen rounds up
  EXPECT_EQ(haoban::money::mul_ratio(49, 1, 100), 0);
  EXPECT_EQ(haoban::money::mul_ratio(-50, 1, 100), -1);  // and away from zero when negative
  EXPECT_EQ(haoban::money::mul_ratio(100, 2, 3), 67);    // 66.67 → 67
  EXPECT_EQ(haoban::money::mul_ratio(100, 1, -3), -33);
  EXPECT_EQ(haoban::money::mul_ratio(std::numeric_limits<Fen>::max(), 3, 3),
            std::numeric_limits<Fen>::max());  // no overflow in the intermediate product
  EXPECT_FALSE(haoban::money::mul_ratio(std::numeric_limits<Fen>::max(), 2, 1));
  EXPECT_FALSE(haoban::money::mul_ratio(100, 1, 0));
}

}  // namespace
