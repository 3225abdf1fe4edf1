// Input normalisation: full-width to half-width, trimming, upper-case X in ID numbers,
// money text to fen, mobile prefixes, e-mail domains; "" is empty.
#include "form_test_support.h"
#include "haoban/form/normalize.h"

namespace haoban::form {
namespace {

using testing::open;

TEST(Normalization, IdNumberFullWidthAndLowerX) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("idNumber", "　１１０１０５１９４９１２３１００２ｘ ").ok);
  const auto st = s->state("idNumber");
  EXPECT_EQ(st->value, "11010519491231002X");
  EXPECT_TRUE(st->errors.empty());
  // Derived fields follow.
  EXPECT_EQ(s->state("birthDate")->value, "1949-12-31");
  EXPECT_EQ(s->state("sex")->value, "female");
}

TEST(Normalization, BadIdNumberReportsTheValidatorsCode) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("idNumber", "110105194912310021").ok);
  const auto st = s->state("idNumber");
  ASSERT_FALSE(st->errors.empty());
  EXPECT_FALSE(st->errors[0].zh.empty());
  EXPECT_FALSE(st->errors[0].en.empty());
}

TEST(Normalization, MobileStripsCountryCode) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("mobile", "+86 138-0013-8000").ok);
  EXPECT_EQ(s->state("mobile")->value, "13800138000");
  EXPECT_TRUE(s->state("mobile")->errors.empty());
  ASSERT_TRUE(s->set("mobile", "００８６１３８００１３８０００").ok);
  EXPECT_EQ(s->state("mobile")->value, "13800138000");
}

TEST(Normalization, EmptyStringIsEmpty) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("applicantName", "   ").ok);
  EXPECT_TRUE(s->state("applicantName")->value.is_null());
  EXPECT_EQ(s->state("applicantName")->errors.at(0).code, "required");
}

TEST(Normalization, MoneyTextBecomesFen) {
  EXPECT_EQ(parse_fen("12.5"), 1250);
  EXPECT_EQ(parse_fen("¥1,200"), 120000);
  EXPECT_EQ(parse_fen("3元"), 300);
  EXPECT_EQ(parse_fen("0.07"), 7);
  EXPECT_FALSE(parse_fen("1.234").has_value());
  EXPECT_FALSE(parse_fen("abc").has_value());
  EXPECT_FALSE(parse_fen("").has_value());
  auto s = open("gz-housing-fund-rent-withdrawal");
  ASSERT_NE(s, nullptr);
  const catalog::Field* money = nullptr;
  for (const auto& f : testing::sample_catalog()->form(s->item())->fields)
    if (f.type == catalog::FieldType::money && !f.computed) {
      money = &f;
      break;
    }
  ASSERT_NE(money, nullptr);
  auto r = s->set(money->id, "１２.５");
  ASSERT_TRUE(r.ok) << r.error.en;
  EXPECT_EQ(s->state(money->id)->value, 1250);
  ASSERT_TRUE(s->set(money->id, "12.345").ok);
  EXPECT_EQ(s->state(money->id)->errors.at(0).code, "not_money");
}

TEST(Normalization, SelectMustBeAVisibleOption) {
  auto s = open("gz-residence-permit");
  ASSERT_TRUE(s->set("education", "doctorate").ok);
  ASSERT_FALSE(s->state("education")->errors.empty());
  EXPECT_EQ(s->state("education")->errors[0].code, "bad_option");
}

}  // namespace
}  // namespace haoban::form
