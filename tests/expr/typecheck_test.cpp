// Compile-time checks with declared field types: unknown names and type mismatches are load
// errors with their position; undeclared data stays dynamic.
#include <gtest/gtest.h>

#include "haoban/expr/engine.h"
#include "test_support.h"

namespace {

using haoban::expr::Declarations;
using haoban::expr::json;
using haoban::expr::Type;
namespace et = haoban::expr::error_type;

const Declarations kForm = {{"applicant", Type::Object},      {"applicant.birthDate", Type::Date},
                            {"applicant.name", Type::String}, {"income", Type::Number},
                            {"family", Type::Array},          {"married", Type::Bool}};

haoban::expr::Compiled typed(const std::string& source) {
  haoban::expr::CompileOptions options;
  options.declarations = &kForm;
  return haoban::expr::compile_infix(source, options);
}

TEST(Typecheck, WellTypedRulesCompile) {
  for (const char* ok : {"age(applicant.birthDate) >= 18 && income * 60 / 100 > 1000",
                         "applicant.name == \"张三\" || married",
                         "len(filter(family, age < 18)) > 0",  // the item is dynamic
                         "applicant.hukou == \"440106\"",      // inside a declared object
                         "date_diff(applicant.birthDate, today(), \"year\") < 60"}) {
    auto compiled = typed(ok);
    EXPECT_TRUE(compiled.ok()) << ok << ": " << compiled.error.message;
  }
}

TEST(Typecheck, UnknownVariableIsAnErrorWithItsPosition) {
  auto compiled = typed("income > 0 &&\n  incom < 5000");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kUnknownVariable);
  EXPECT_EQ(compiled.error.where.line, 2);
  EXPECT_EQ(compiled.error.where.column, 3);
  // Without declarations, unknown names are simply null at run time (JsonLogic semantics).
  EXPECT_TRUE(haoban::expr::compile_infix("incom < 5000").ok());
  EXPECT_EQ(expr_test::run_infix("incom < 5000"), true);
}

TEST(Typecheck, MismatchesAreErrorsWithTheirPosition) {
  struct Case {
    const char* source;
    int column;
  };
  for (const Case& c :
       {Case{"income == \"high\"", 8}, Case{"applicant.name * 2", 16}, Case{"age(income)", 1},
        Case{"married < 1", 9}, Case{"1 + (applicant.birthDate > 3)", 26}}) {
    auto compiled = typed(c.source);
    ASSERT_FALSE(compiled.ok()) << c.source;
    EXPECT_EQ(compiled.error.type, et::kTypeMismatch) << c.source << ": " << compiled.error.message;
    EXPECT_EQ(compiled.error.where.line, 1) << c.source;
    EXPECT_EQ(compiled.error.where.column, c.column) << c.source << ": " << compiled.error.message;
  }
}

TEST(Typecheck, LiteralArgumentsOfDomainFunctionsAreAlwaysChecked) {
  // No declarations needed: age(1) can never work.
  auto compiled = haoban::expr::compile_infix("age(1) > 3");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kTypeMismatch);
  EXPECT_EQ(compiled.error.where.column, 1);
  auto logic = haoban::expr::compile_jsonlogic(json::parse(R"({"and":[true,{"age":[true]}]})"));
  ASSERT_FALSE(logic.ok());
  EXPECT_EQ(logic.error.type, et::kTypeMismatch);
}

TEST(Typecheck, JsonLogicErrorsCarryTheirJsonPath) {
  haoban::expr::CompileOptions options;
  options.declarations = &kForm;
  auto compiled = haoban::expr::compile_jsonlogic(
      json::parse(R"({"and":[{">":[{"var":"income"},0]},{"<":[{"var":"incom"},5000]}]})"), options);
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.error.type, et::kUnknownVariable);
  EXPECT_EQ(compiled.error.where.json_path, "/and/1/</0/var");
}

}  // namespace
