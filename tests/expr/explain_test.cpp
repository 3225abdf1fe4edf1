// Explanations: the sub-conditions that decided a rule, with the actual values compared.
#include <gtest/gtest.h>

#include "haoban/expr/engine.h"
#include "haoban/expr/explain.h"

namespace {

using haoban::expr::json;

json explain_infix(const std::string& source, const json& data, const std::string& id = "rule") {
  auto compiled = haoban::expr::compile_infix(source);
  EXPECT_TRUE(compiled.ok()) << compiled.error.message;
  haoban::expr::EvalEnv env;
  env.today = haoban::time::CivilDate{2026, 11, 27};
  return haoban::expr::explain(*compiled.program, data, env, id);
}

TEST(Explain, AFailedAndNamesTheDecidingConditionWithItsValues) {
  const json data = {{"birthDate", "2009-05-01"}, {"hukou", "440106"}};
  const json out = explain_infix("division_contains(\"440100\", hukou) && age(birthDate) >= 18",
                                 data, "adult-resident");
  EXPECT_EQ(out["id"], "adult-resident");
  EXPECT_EQ(out["ok"], true);
  EXPECT_EQ(out["value"], false);
  const json& top = out["reason"];
  EXPECT_EQ(top["op"], "and");
  ASSERT_EQ(top["because"].size(), 1u);  // only the part that decided it
  const json& why = top["because"][0];
  EXPECT_EQ(why["op"], ">=");
  EXPECT_EQ(why["passed"], false);
  EXPECT_EQ(why["operands"][0]["expr"], "age(birthDate)");
  EXPECT_EQ(why["operands"][0]["value"], 17);
  EXPECT_EQ(why["operands"][1]["value"], 18);
  EXPECT_EQ(why["en"], "age(birthDate) = 17, needs >= 18");
  EXPECT_EQ(why["zh"], "age(birthDate) 为 17，要求不小于 18");
}

TEST(Explain, APassedAndListsEveryCondition) {
  const json data = {{"birthDate", "1990-05-01"}, {"hukou", "440106"}};
  const json out =
      explain_infix("division_contains(\"440100\", hukou) && age(birthDate) >= 18", data);
  EXPECT_EQ(out["value"], true);
  ASSERT_EQ(out["reason"]["because"].size(), 2u);
  EXPECT_EQ(out["reason"]["because"][0]["en"], "division_contains(\"440100\", hukou) = true");
  EXPECT_EQ(out["reason"]["because"][1]["en"], "age(birthDate) = 36, so >= 18");
}

TEST(Explain, OrAndNotAndVariablesOnBothSides) {
  const json data = {{"income", 5000}, {"limit", 3000}, {"disabled", false}};
  const json out = explain_infix("income <= limit || disabled", data);
  EXPECT_EQ(out["value"], false);
  const json& parts = out["reason"]["because"];
  ASSERT_EQ(parts.size(), 2u);  // a false "or": every part failed
  EXPECT_EQ(parts[0]["en"], "income = 5000, limit = 3000, needs <= limit");
  EXPECT_EQ(parts[1]["en"], "disabled = false");
  const json negated = explain_infix("!(income > limit)", data);
  EXPECT_EQ(negated["value"], false);
  EXPECT_EQ(negated["reason"]["because"][0]["passed"], true);
}

TEST(Explain, ErrorsAreValues) {
  const json out = explain_infix("1 / x > 1", {{"x", 0}});
  EXPECT_EQ(out["ok"], false);
  EXPECT_EQ(out["error"]["type"], "NaN");
}

}  // namespace
