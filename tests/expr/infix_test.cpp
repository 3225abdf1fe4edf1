// The infix syntax: precedence, literals, member access, errors with line and column, and the
// round trip infix → IR → JsonLogic → IR with the same results.
#include <gtest/gtest.h>

#include "haoban/expr/engine.h"
#include "haoban/expr/printer.h"
#include "test_support.h"

namespace {

using haoban::expr::json;
namespace et = haoban::expr::error_type;
using expr_test::run_infix;

const json kApplicant = {
    {"applicant", {{"birthDate", "2008-03-01"}, {"hukouDivision", "440106"}, {"name", "张三"}}},
    {"family", json::array({{{"name", "李四"}, {"age", 40}}, {{"name", "王五"}, {"age", 12}}})},
    {"i", 1},
    {"income", 3000},
    {"weird", {{"a.b", 7}}}};

TEST(Infix, PrecedenceAndAssociativity) {
  EXPECT_EQ(run_infix("1 + 2 * 3"), 7);
  EXPECT_EQ(run_infix("(1 + 2) * 3"), 9);
  EXPECT_EQ(run_infix("10 - 4 - 3"), 3);
  EXPECT_EQ(run_infix("2 * 3 % 4"), 2);
  EXPECT_EQ(run_infix("-2 * 3"), -6);
  EXPECT_EQ(run_infix("!false && false"), false);
  EXPECT_EQ(run_infix("true || false && false"), true);
  EXPECT_EQ(run_infix("1 < 2 == true"), true);
  EXPECT_EQ(run_infix("false ? 1 : true ? 2 : 3"), 2);
  EXPECT_EQ(run_infix("null ?? \"x\""), "x");
  EXPECT_EQ(run_infix("1 + 1 in [2, 3]"), true);
}

TEST(Infix, EqualityIsStrict) {
  EXPECT_EQ(run_infix("1 == 1.0"), true);
  EXPECT_EQ(run_infix("1 == \"1\""), false);
  EXPECT_EQ(run_infix("1 != \"1\""), true);
  EXPECT_EQ(run_infix("null == 0"), false);
}

TEST(Infix, LiteralsAndStrings) {
  EXPECT_EQ(run_infix("[1, \"a\", true, null, [2]]"), json::parse(R"([1,"a",true,null,[2]])"));
  EXPECT_EQ(run_infix("'single' + \"\""), json({{"error", et::kNaN}}));
  EXPECT_EQ(run_infix(R"("a\"b\u5f20\n")"), "a\"b张\n");
  EXPECT_EQ(run_infix("1.5e2"), 150);
  EXPECT_EQ(run_infix("[]"), json::array());
}

TEST(Infix, ArrayLiteralsOfConstantExpressionsHoldTheirValues) {
  // Found by the infix fuzzer: an array whose elements all fold to constants was kept as its
  // JSON text, so ["a", 1 + 2] evaluated to ["a", {"+": [1, 2]}] and printed as infix that did
  // not parse again.
  EXPECT_EQ(run_infix("[\"a\", 1 + 2]"), json::parse(R"(["a",3])"));
  EXPECT_EQ(run_infix("false in [\"a\", \"b\" >= \"c\"]"), true);
  const auto compiled = haoban::expr::compile_infix("x in [\"a\", \"b\" >= \"c\"]");
  ASSERT_TRUE(compiled.ok());
  const std::string printed = haoban::expr::to_infix(*compiled.program);
  EXPECT_TRUE(haoban::expr::compile_infix(printed).ok()) << printed;
}

TEST(Infix, MemberAndIndexAccess) {
  EXPECT_EQ(run_infix("applicant.birthDate", kApplicant), "2008-03-01");
  EXPECT_EQ(run_infix("family[0].name", kApplicant), "李四");
  EXPECT_EQ(run_infix("family[i].age", kApplicant), 12);
  EXPECT_EQ(run_infix("weird[\"a.b\"]", kApplicant), 7);  // a key with a dot, read with "val"
  EXPECT_EQ(run_infix("family[5].name", kApplicant), nullptr);
  EXPECT_EQ(run_infix("applicant.hukouDivision in [\"440106\", \"440104\"]", kApplicant), true);
  EXPECT_EQ(run_infix("\"张\" in applicant.name", kApplicant), true);
}

TEST(Infix, CallsReachOperatorsAndFunctions) {
  EXPECT_EQ(run_infix("max(1, 5, 3) + min(4, 2)"), 7);
  EXPECT_EQ(run_infix("cat(\"a\", 1, true)"), "a1true");
  EXPECT_EQ(run_infix("map(family, age * 2)", kApplicant), json::array({80, 24}));
  EXPECT_EQ(run_infix("len(filter(family, age >= 18))", kApplicant), 1);
  EXPECT_EQ(run_infix("reduce(family, accumulator + current.age, 0)", kApplicant), 52);
  EXPECT_EQ(run_infix("some(family, age < 14) && all(family, len(name) == 2)", kApplicant), true);
}

TEST(Infix, SyntaxErrorsHaveLineAndColumn) {
  struct Case {
    const char* source;
    int line;
    int column;
  };
  for (const Case& c : {Case{"1 +", 1, 4}, Case{"a &&\n  (b || )", 2, 9}, Case{"x = 1", 1, 3},
                        Case{"\"open", 1, 1}, Case{"f(1, 2", 1, 7}, Case{"a ? b", 1, 6},
                        Case{"1 2", 1, 3}, Case{"a & b", 1, 3}, Case{"张三 # 1", 1, 4},
                        // overflows a double: JSON has no infinity to print it as
                        Case{"492 * 1e44130", 1, 7},
                        // an expression inside preserve() has no infix form to print back
                        Case{"x || preserve(a == 1 && b)", 1, 6}}) {
    auto compiled = haoban::expr::compile_infix(c.source);
    ASSERT_FALSE(compiled.ok()) << c.source;
    EXPECT_EQ(compiled.error.type, et::kSyntaxError) << c.source;
    EXPECT_EQ(compiled.error.where.line, c.line) << c.source << ": " << compiled.error.message;
    EXPECT_EQ(compiled.error.where.column, c.column) << c.source << ": " << compiled.error.message;
  }
}

TEST(Infix, UnknownFunctionAndWrongArityArePositioned) {
  auto unknown = haoban::expr::compile_infix("x > 1 &&\n   agee(birthDate) >= 18");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error.type, et::kUnknownOperator);
  EXPECT_EQ(unknown.error.where.line, 2);
  EXPECT_EQ(unknown.error.where.column, 4);
  auto arity = haoban::expr::compile_infix("date_diff(a)");
  ASSERT_FALSE(arity.ok());
  EXPECT_EQ(arity.error.type, et::kInvalidArguments);
  EXPECT_EQ(arity.error.where.column, 1);
}

TEST(Infix, CompilesToTheSameFormAsJsonLogic) {
  auto infix = haoban::expr::compile_infix("age(applicant.birthDate) >= 18 && x == \"a\"");
  ASSERT_TRUE(infix.ok()) << infix.error.message;
  EXPECT_EQ(haoban::expr::to_jsonlogic(*infix.program),
            json::parse(R"({"and":[{">=":[{"age":[{"var":"applicant.birthDate"}]},18]},
                                  {"===":[{"var":"x"},"a"]}]})"));
}

// Round trip: infix → JsonLogic → compile, and JsonLogic → infix → compile, same results.
TEST(Infix, RoundTripKeepsMeaning) {
  const char* sources[] = {
      "age(applicant.birthDate, \"2026-11-27\") >= 18 && applicant.hukouDivision in [\"440106\"]",
      "income * 60 / 100 - 1 > 1000 ? \"high\" : income > 0 ? \"low\" : \"none\"",
      "!(family[0].age < 18) || len(applicant.name) == 2",
      "-income % 7 + (1 - 2) * 3",
      "map(filter(family, age >= 18), cat(name, \"!\"))",
      "family[i].name ?? \"nobody\"",
      "reduce(family, accumulator + current.age, 0) / len(family)",
      "division_contains(\"440100\", applicant.hukouDivision) && !matches(applicant.name, "
      "\"[a-z]+\")",
      "[1, income, [applicant.name]]",
      "missing(\"applicant.name\", \"nope\")",
  };
  for (const char* source : sources) {
    auto first = haoban::expr::compile_infix(source);
    ASSERT_TRUE(first.ok()) << source << ": " << first.error.message;
    const json expected = haoban::expr::evaluate(*first.program, kApplicant).value;
    const json logic = haoban::expr::to_jsonlogic(*first.program);
    auto second = haoban::expr::compile_jsonlogic(logic);
    ASSERT_TRUE(second.ok()) << logic.dump();
    EXPECT_EQ(haoban::expr::evaluate(*second.program, kApplicant).value, expected) << source;
    const std::string printed = haoban::expr::to_infix(*second.program);
    auto third = haoban::expr::compile_infix(printed);
    ASSERT_TRUE(third.ok()) << source << " printed as " << printed << ": " << third.error.message;
    EXPECT_EQ(haoban::expr::evaluate(*third.program, kApplicant).value, expected)
        << source << " printed as " << printed;
    EXPECT_EQ(haoban::expr::to_jsonlogic(*third.program), logic) << printed;
  }
}

// A computed argument that folds to a constant its operator rejects written literally (a var
// path that is an array or a boolean, a map/filter/reduce list that is not an array, logic that
// is null): printed as JsonLogic or infix it must compile again to the same meaning (found by
// the JsonLogic fuzzer).
TEST(Infix, ArgumentsThatFoldToConstantsRejectedAsLiteralsRoundTrip) {
  const json data = {{"fallback", "Hello"}, {"a", {{"b", 1}}}};
  const char* rules[] = {
      R"({"var": {"merge": [["Hello "], ["World", "!"]]}})",
      R"({"var": [{"if": [true, {"map": [[1, 2, 3], {"/": [0, 5]}]}, null]}, {"val": [[2], "fallback"]}]})",
      R"({"var": [{"==": [1, 1]}, "no"]})",
      R"({"var": {"cat": ["a", ".b"]}})",
      R"({"reduce": [{"cat": "integers"}, {"+": [{"val": "current"}, {"val": "accumulator"}]}, 0]})",
      R"({"map": [[1, 2], {"if": [false, 1]}]})",
      R"({"filter": [{"+": [1, 2]}, true]})",
  };
  for (const char* rule : rules) {
    auto first = haoban::expr::compile_jsonlogic(json::parse(rule));
    ASSERT_TRUE(first.ok()) << rule << ": " << first.error.message;
    const auto expected = haoban::expr::evaluate(*first.program, data);
    const json logic = haoban::expr::to_jsonlogic(*first.program);
    auto second = haoban::expr::compile_jsonlogic(logic);
    ASSERT_TRUE(second.ok()) << rule << " printed as " << logic.dump() << ": "
                             << second.error.message;
    const auto again = haoban::expr::evaluate(*second.program, data);
    EXPECT_EQ(again.ok, expected.ok) << logic.dump();
    EXPECT_EQ(again.value, expected.value) << logic.dump();
    const std::string infix = haoban::expr::to_infix(*first.program);
    auto third = haoban::expr::compile_infix(infix);
    ASSERT_TRUE(third.ok()) << rule << " printed as " << infix << ": " << third.error.message;
    EXPECT_EQ(haoban::expr::evaluate(*third.program, data).value, expected.value) << infix;
  }
}

}  // namespace
