// `haoban logic` and `haoban expr`: JSON on stdout, {"error":…} with exit status 1.
#include <gtest/gtest.h>

#include "cli/expr_command.h"
#include "cli/logic_command.h"
#include "haoban/expr/value.h"

namespace {

using haoban::expr::json;

struct Run {
  int status;
  json out;
};

Run run(bool infix, const std::vector<std::string>& args) {
  testing::internal::CaptureStdout();
  const int status = infix ? haoban::cli::run_expr(args) : haoban::cli::run_logic(args);
  return {status, json::parse(testing::internal::GetCapturedStdout())};
}

TEST(Cli, LogicPrintsTheResult) {
  auto r = run(false, {R"({"+":[{"var":"a"},2]})", R"({"a":40})"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, 42);
  r = run(false, {R"({"/":[1,0]})"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out["error"]["type"], "NaN");
  r = run(false, {R"({"nope":[1]})"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out["error"]["type"], "Unknown Operator");
  r = run(false, {R"({"var":"a"})", "{not json"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out["error"]["type"], "Bad JSON");
}

TEST(Cli, ExprWithTodayAndExplain) {
  auto r = run(true, {"age(b) >= 18", R"({"b":"2009-01-01"})", "--today", "2026-11-27"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, false);
  r = run(true, {"age(b) >= 18", R"({"b":"2009-01-01"})", "--today", "2026-11-27", "--explain",
                 "--id", "adult"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out["id"], "adult");
  EXPECT_EQ(r.out["reason"]["en"], "age(b) = 17, needs >= 18");
  r = run(true, {"1 +\n 2 *"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out["error"]["type"], "Syntax Error");
  EXPECT_EQ(r.out["error"]["line"], 2);
  r = run(true, {});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out["error"]["type"], "usage");
}

}  // namespace
