// Hostile input: every bound gives a named error, never a crash, a hang or a stack overflow.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "haoban/expr/engine.h"
#include "test_support.h"

namespace {

using haoban::expr::json;
namespace et = haoban::expr::error_type;
using expr_test::run_infix;
using expr_test::run_logic;

TEST(Bounds, HundredThousandDeepJsonLogicTextIsNestingTooDeep) {
  std::string text;
  const int depth = 100000;
  for (int i = 0; i < depth; ++i) text += "{\"!\":[";
  text += "true";
  for (int i = 0; i < depth; ++i) text += "]}";
  auto compiled = haoban::expr::compile_jsonlogic_text(text);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kNestingTooDeep);
}

TEST(Bounds, HundredThousandDeepParsedJsonIsRejectedWithoutRecursingThroughIt) {
  // Built iteratively; nlohmann destroys it iteratively; the compiler stops at max_depth.
  json rule = true;
  for (int i = 0; i < 100000; ++i) rule = json{{"!", json::array({std::move(rule)})}};
  auto compiled = haoban::expr::compile_jsonlogic(rule);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kNestingTooDeep);
  EXPECT_FALSE(compiled.error.where.json_path.empty());
}

TEST(Bounds, HundredThousandDeepInfixIsNestingTooDeepWithAPosition) {
  const std::string parens = std::string(100000, '(') + "1" + std::string(100000, ')');
  auto compiled = haoban::expr::compile_infix(parens);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kNestingTooDeep);
  EXPECT_EQ(compiled.error.where.line, 1);
  EXPECT_GT(compiled.error.where.column, 1);

  std::string nots(100000, '!');
  EXPECT_EQ(run_infix(nots + "true"), (json{{"compile_error", et::kNestingTooDeep}}));
  // A long flat chain is not deep: 1 - 1 - 1 … nests on the left, so it is bounded too.
  std::string chain = "1";
  for (int i = 0; i < 100000; ++i) chain += " - 1";
  EXPECT_EQ(run_infix(chain), (json{{"compile_error", et::kNestingTooDeep}}));
  // … while an associative chain stays flat and evaluates.
  std::string sum = "1";
  for (int i = 0; i < 100000; ++i) sum += " + 1";
  EXPECT_EQ(run_infix(sum), 100001);
}

TEST(Bounds, DeepDataIsRejectedByTheBoundedParser) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  haoban::expr::Error error;
  EXPECT_FALSE(haoban::expr::parse_bounded_json(deep, 256, 1 << 20, &error));
  EXPECT_EQ(error.type, et::kNestingTooDeep);
  EXPECT_FALSE(haoban::expr::parse_bounded_json("{\"a\":", 256, 1 << 20, &error));
  EXPECT_EQ(error.type, et::kBadJson);
}

TEST(Bounds, TenMegabyteStringCanBeReadButNotGrown) {
  const json data = {{"s", std::string(10 << 20, 'x')}};
  EXPECT_EQ(run_logic({{"in", json::array({"xxx", {{"var", "s"}}})}}, data), true);
  EXPECT_EQ(run_infix("len(s)", data), 10 << 20);
  EXPECT_EQ(run_logic({{"cat", json::array({{{"var", "s"}}, "!"})}}, data),
            (json{{"error", et::kStringTooLong}}));
  EXPECT_EQ(run_infix("substr(s, 1)", data), (json{{"error", et::kStringTooLong}}));
  // As rule source text, 10 MB is refused before parsing.
  auto compiled = haoban::expr::compile_jsonlogic_text("\"" + std::string(10 << 20, 'x') + "\"");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kStringTooLong);
}

TEST(Bounds, ReduceOverAMillionElementsRunsWithinTheStepBudget) {
  json numbers = json::array();
  for (int i = 0; i < 1'000'000; ++i) numbers.push_back(i);
  const json data = {{"n", numbers}};
  const json rule = {
      {"reduce",
       json::array({{{"var", "n"}},
                    {{"+", json::array({{{"var", "accumulator"}}, {{"var", "current"}}})}},
                    0})}};
  EXPECT_EQ(run_logic(rule, data), 499999500000LL);

  haoban::expr::EvalEnv tight;
  tight.max_steps = 100'000;
  EXPECT_EQ(run_logic(rule, data, tight), (json{{"error", et::kTooManySteps}}));
  // "try" cannot swallow a bound.
  const json guarded = {{"try", json::array({rule, 0})}};
  EXPECT_EQ(run_logic(guarded, data, tight), (json{{"error", et::kTooManySteps}}));
}

TEST(Bounds, ArraysTheEngineBuildsAreBounded) {
  json numbers = json::array();
  for (int i = 0; i < 600'000; ++i) numbers.push_back(i);
  const json data = {{"n", numbers}};
  EXPECT_EQ(run_logic({{"merge", json::array({{{"var", "n"}}, {{"var", "n"}}})}}, data),
            (json{{"error", et::kArrayTooLong}}));
  haoban::expr::CompileOptions small;
  small.limits.max_array_elements = 10;
  EXPECT_EQ(run_logic({{"map", json::array({{{"var", "n"}}, 1})}}, data, {}, small),
            (json{{"error", et::kArrayTooLong}}));
}

TEST(Bounds, WhatOneEvaluationBuildsIsBoundedInTotalNotOnlyPerValue) {
  // Found by the JsonLogic fuzzer: a map inside a map over 3,000 items makes 9,000,000 values,
  // within the step bound and with every array under max_array_elements, all held at once.
  // (Inside a map, "var" is the item; {"val": [[-2], name]} climbs back to the data.)
  json items = json::array();
  for (int i = 0; i < 3000; ++i) items.push_back(i);
  const json data = {{"a", items}, {"s", std::string(10000, 'x')}};
  const json outer_a = {{"val", json::array({json::array({-2}), "a"})}};
  const json outer_s = {{"val", json::array({json::array({-2}), "s"})}};
  const json map_in_map = {
      {"map", json::array({{{"var", "a"}}, {{"map", json::array({outer_a, 1})}}})}};
  EXPECT_EQ(run_logic(map_in_map, data), (json{{"error", et::kArrayTooLong}}));
  // The same with strings: 3,000 strings of 10 KB, each under max_string_bytes.
  const json cat_in_map = {
      {"map", json::array({{{"var", "a"}}, {{"cat", json::array({outer_s, "y"})}}})}};
  EXPECT_EQ(run_logic(cat_in_map, data), (json{{"error", et::kStringTooLong}}));
  // Well inside the totals, the same rules work.
  const json few = {{"a", json::array({1, 2, 3})}, {"s", "x"}};
  EXPECT_EQ(run_logic(map_in_map, few), json::parse("[[1,1,1],[1,1,1],[1,1,1]]"));
  EXPECT_EQ(run_logic(cat_in_map, few), json::parse(R"(["xy","xy","xy"])"));
}

TEST(Bounds, CatastrophicBacktrackingPatternRunsInLinearTime) {
  const json data = {{"s", std::string(30000, 'a') + "!"}};
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(run_infix("matches(s, \"(a+)+$\")", data), false);
  EXPECT_EQ(run_infix("matches(s, \"(a|a)*b\")", data), false);
  EXPECT_EQ(run_infix("matches(s, \"(a*)*!\")", data), true);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  // A backtracking engine needs 2^30000 steps here; generous bound for a slow debug build.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20);
}

TEST(Bounds, RegexSizeAndSyntaxAreLoadErrors) {
  const std::string huge(5000, 'a');
  EXPECT_EQ(run_infix("matches(s, \"" + huge + "\")"),
            (json{{"compile_error", et::kRegexTooLarge}}));
  EXPECT_EQ(run_infix("matches(s, \"(a{1000}){1000}\")"),
            (json{{"compile_error", et::kRegexTooLarge}}));
  auto bad = haoban::expr::compile_infix("x > 1 &&\n  matches(name, \"(ab\")");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error.type, et::kBadRegex);
  EXPECT_EQ(bad.error.where.line, 2);
  EXPECT_EQ(bad.error.where.column, 3);
}

}  // namespace
