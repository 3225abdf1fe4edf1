// expr::Document: data indexed once for many evaluations. Every lookup must agree with the
// same rule on the plain JSON (the conformance suites check that case by case; these tests
// cover what the suites do not: large objects, nesting bounds, values built during a run).
#include <gtest/gtest.h>

#include <string>

#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"
#include "test_support.h"

namespace {

using haoban::expr::Document;
using haoban::expr::json;
namespace et = haoban::expr::error_type;

json on_document(const std::string& infix, const json& data) {
  auto compiled = haoban::expr::compile_infix(infix);
  if (!compiled.ok()) return {{"compile_error", compiled.error.type}};
  haoban::expr::Error error;
  auto doc = Document::make(data, 256, &error);
  if (!doc) return {{"document_error", error.type}};
  auto out = haoban::expr::evaluate(*compiled.program, *doc);
  if (!out.ok) return {{"error", out.error.type}};
  return out.value;
}

TEST(Document, EveryKeyOfALargeObjectIsFoundAndAbsentKeysAreNot) {
  json data = json::object();
  for (int i = 0; i < 500; ++i) data["k" + std::to_string(i)] = i;
  for (int i = 0; i < 500; i += 7) {
    EXPECT_EQ(on_document("k" + std::to_string(i), data), json(i)) << i;
  }
  EXPECT_EQ(on_document("k500", data), json(nullptr));
  EXPECT_EQ(on_document("exists(\"k499\") && !exists(\"k5000\")", data), json(true));
}

TEST(Document, NestedObjectsArraysAndIterationsAgreeWithPlainJson) {
  const json data = json::parse(R"({"applicant":{"name":"陈小明","hukou":"440106",
      "employer":{"division":"440106"}},"family":[{"relation":"spouse","age":34,"income":5200},
      {"relation":"child","age":8,"income":0},{"relation":"parent","age":65,"income":3100}],
      "": {"empty key": true}, "a.b": 1})");
  const char* rules[] = {
      "applicant.employer.division == applicant.hukou",
      "family[1].relation",
      "family.2.age",
      "filter(family, age >= 18)",
      "map(family, relation)",
      "reduce(family, accumulator + current.income, 0)",
      "some(family, relation == \"parent\" && age >= 60)",
      "family",
      "applicant",
      "missing(\"applicant.name\", \"applicant.mobile\", \"family.0.age\")",
      "var(\"\")",
      "val([\"\", \"empty key\"])",
      "applicant.nothing.deeper",
      "family[7].age",
  };
  for (const char* rule : rules) {
    EXPECT_EQ(on_document(rule, data), expr_test::run_infix(rule, data)) << rule;
  }
}

TEST(Document, ObjectsBuiltDuringARunAreStillLookedUp) {
  // The error a try catches is an object the evaluator builds: not in the document's index,
  // so its keys are looked up in the JSON itself.
  const json rule = json::parse(R"({"try":[{"throw":"Oops"},{"var":"type"}]})");
  auto compiled = haoban::expr::compile_jsonlogic(rule);
  ASSERT_TRUE(compiled.ok());
  auto doc = Document::make(json{{"type", "not this one"}}, 256, nullptr);
  ASSERT_TRUE(doc);
  const auto out = haoban::expr::evaluate(*compiled.program, *doc);
  ASSERT_TRUE(out.ok);
  EXPECT_EQ(out.value, json("Oops"));
}

TEST(Document, NestingBeyondTheBoundIsRefusedWithoutRecursing) {
  json deep = json::array();
  for (int i = 0; i < 100000; ++i) deep = json::array({std::move(deep)});
  haoban::expr::Error error;
  EXPECT_EQ(Document::make(std::move(deep), 256, &error), nullptr);
  EXPECT_EQ(error.type, et::kNestingTooDeep);
  json ok = json::array();
  for (int i = 0; i < 200; ++i) ok = json::array({std::move(ok)});
  EXPECT_NE(Document::make(std::move(ok), 256, nullptr), nullptr);
}

TEST(Document, OneEvaluatorMovesBetweenDocumentsAndPlainJson) {
  auto compiled = haoban::expr::compile_infix("len(filter(family, age >= 18)) * 10 + len(family)");
  ASSERT_TRUE(compiled.ok());
  haoban::expr::Evaluator evaluator(*compiled.program);
  const json a = json::parse(R"({"family":[{"age":40},{"age":12}]})");
  const json b = json::parse(R"({"family":[{"age":40},{"age":41},{"age":70}]})");
  auto doc_a = Document::make(a, 256, nullptr);
  auto doc_b = Document::make(b, 256, nullptr);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(haoban::expr::to_json(evaluator.run(*doc_a, {})), json(12));
    EXPECT_EQ(haoban::expr::to_json(evaluator.run(b, {})), json(33));
    EXPECT_EQ(haoban::expr::to_json(evaluator.run(*doc_b, {})), json(33));
    EXPECT_EQ(haoban::expr::to_json(evaluator.run(a, {})), json(12));
  }
}

}  // namespace
