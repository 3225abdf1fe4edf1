// Domain functions from both syntaxes: dates with a host-given today, working days on a
// holiday calendar given as data, identity facts, divisions, characters, patterns, money.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/engine.h"
#include "test_support.h"

namespace {

using haoban::expr::json;
namespace et = haoban::expr::error_type;
using expr_test::run_infix;
using expr_test::run_logic;

haoban::expr::EvalEnv on(int y, int m, int d) {
  haoban::expr::EvalEnv env;
  env.today = haoban::time::CivilDate{y, m, d};
  return env;
}

TEST(Functions, TodayAndAgeComeFromTheHost) {
  const json data = {{"birthDate", "2008-11-28"}};
  EXPECT_EQ(run_infix("today()", data, on(2026, 11, 27)), "2026-11-27");
  EXPECT_EQ(run_infix("age(birthDate)", data, on(2026, 11, 27)), 17);
  EXPECT_EQ(run_infix("age(birthDate)", data, on(2026, 11, 28)), 18);
  EXPECT_EQ(run_logic({{"age", json::array({{{"var", "birthDate"}}})}}, data, on(2026, 11, 28)),
            18);
  EXPECT_EQ(run_infix("age(missingDate)", data, on(2026, 11, 28)), nullptr);
  // Without a today from the host, the engine refuses rather than guess.
  EXPECT_EQ(run_infix("age(birthDate)", data), (json{{"error", et::kInvalidArguments}}));
  EXPECT_EQ(run_infix("age(\"2026-02-30\")", data, on(2026, 11, 28)),
            (json{{"error", et::kInvalidArguments}}));
}

TEST(Functions, DateArithmetic) {
  EXPECT_EQ(run_infix("date_add(\"2024-01-31\", 1, \"month\")"), "2024-02-29");
  EXPECT_EQ(run_infix("date_add(\"2024-02-29\", 1, \"year\")"), "2025-02-28");
  EXPECT_EQ(run_infix("date_add(\"2026-12-25\", 10, \"day\")"), "2027-01-04");
  EXPECT_EQ(run_infix("date_add(\"2026-12-25\", -2, \"week\")"), "2026-12-11");
  EXPECT_EQ(run_infix("date_diff(\"2026-01-01\", \"2026-03-01\", \"day\")"), 59);
  // Month ends clamp both ways (the time module's rule): Jan 31 + 1 month is Feb 28, so a
  // whole month has passed by Feb 28, and a 29 February birthday is reached on 28 February.
  EXPECT_EQ(run_infix("date_diff(\"2026-01-31\", \"2026-02-28\", \"month\")"), 1);
  EXPECT_EQ(run_infix("date_diff(\"2026-01-31\", \"2026-02-27\", \"month\")"), 0);
  EXPECT_EQ(run_infix("date_diff(\"2000-02-29\", \"2026-02-28\", \"year\")"), 26);
  EXPECT_EQ(run_infix("date_diff(\"2026-03-01\", \"2026-01-01\")"), -59);
  EXPECT_EQ(run_infix("date_diff(null, \"2026-01-01\", \"day\")"), nullptr);
  EXPECT_EQ(run_infix("date_add(\"2026-01-01\", 1, \"fortnight\")"),
            (json{{"error", et::kInvalidArguments}}));
}

TEST(Functions, WorkingDaysUseTheHostsCalendar) {
  // No calendar: Monday to Friday. 2026-10-01 is a Thursday.
  EXPECT_EQ(run_infix("working_days(\"2026-10-01\", \"2026-10-08\")"), 5);
  EXPECT_EQ(run_infix("add_working_days(\"2026-10-02\", 1)"), "2026-10-05");
  std::ifstream file(std::string(HAOBAN_SOURCE_DIR) + "/data/holidays/cn-mainland.json");
  std::stringstream text;
  text << file.rdbuf();
  auto calendar = haoban::calendar::HolidayCalendar::from_json_text(text.str());
  ASSERT_TRUE(calendar.ok()) << calendar.error().en;
  haoban::expr::EvalEnv env;
  env.calendar = &calendar.value();
  // 2025: National Day and Mid-Autumn 10-01…10-08 off, Saturday 10-11 worked (调休).
  EXPECT_EQ(run_infix("working_days(\"2025-09-30\", \"2025-10-11\")", {}, env), 3);
  EXPECT_EQ(run_infix("add_working_days(\"2025-09-30\", 1)", {}, env), "2025-10-09");
  EXPECT_EQ(run_infix("is_working_day(\"2025-10-11\")", {}, env), true);
  EXPECT_EQ(run_infix("is_working_day(\"2025-10-03\")", {}, env), false);
}

TEST(Functions, IdentityFactsAndDivisions) {
  const json data = {
      {"id", "11010519491231002X"}, {"bad", "110105194912310021"}, {"code", "91350100M000100Y43"}};
  const auto env = on(2026, 11, 27);
  EXPECT_EQ(run_infix("id_valid(id)", data, env), true);
  EXPECT_EQ(run_infix("id_valid(bad)", data, env), false);
  EXPECT_EQ(run_infix("id_birth_date(id)", data, env), "1949-12-31");
  EXPECT_EQ(run_infix("id_sex(id)", data, env), "female");
  EXPECT_EQ(run_infix("id_division(id)", data, env), "110105");
  EXPECT_EQ(run_infix("id_birth_date(bad)", data, env), nullptr);
  EXPECT_EQ(run_infix("age(id_birth_date(id))", data, env), 76);
  EXPECT_EQ(run_infix("uscc_valid(code)", data, env), true);
  EXPECT_EQ(run_infix("uscc_valid(\"91350100M000100Y44\")", data, env), false);
  EXPECT_EQ(run_infix("division_name(\"440106\")"), "天河区");
  EXPECT_EQ(run_infix("division_name(\"990101\")"), nullptr);
  EXPECT_EQ(run_infix("division_contains(\"440100\", \"440106\")"), true);
  EXPECT_EQ(run_infix("division_contains(\"440000\", \"440106\")"), true);
  EXPECT_EQ(run_infix("division_contains(\"440100\", \"110105\")"), false);
  EXPECT_EQ(
      run_logic(json::parse(R"({"division_contains":["440100",{"var":"d"}]})"), {{"d", "440106"}}),
      true);
}

TEST(Functions, TextLengthIsInCharactersAndPatternsMatchWholeStrings) {
  const json data = {{"name", "欧阳娜娜"}, {"mixed", "a张b"}};
  EXPECT_EQ(run_infix("len(name)", data), 4);
  EXPECT_EQ(run_infix("len(mixed)", data), 3);
  EXPECT_EQ(run_infix("len([1, 2, 3])"), 3);
  EXPECT_EQ(run_infix("len(nothing)"), 0);
  EXPECT_EQ(run_infix("substr(name, 2)", data), "娜娜");
  EXPECT_EQ(run_infix("matches(name, \"[\\\\u4e00-\\\\u9fa5]{2,10}\")", data), true);
  EXPECT_EQ(run_infix("matches(mixed, \"[\\\\u4e00-\\\\u9fa5]{2,10}\")", data), false);
  EXPECT_EQ(run_infix("matches(\"13800138000\", \"1[3-9]\\\\d{9}\")"), true);
  EXPECT_EQ(run_infix("matches(\"x13800138000\", \"1[3-9]\\\\d{9}\")"), false);  // whole string
  EXPECT_EQ(run_infix("matches(nothing, \"a*\")"), false);
  // A computed pattern is compiled when used, with the same bounds.
  EXPECT_EQ(run_infix("matches(\"aaa\", cat(\"a\", \"+\"))"), true);
}

TEST(Functions, MoneyInFen) {
  EXPECT_EQ(run_infix("fen(\"12.50\")"), 1250);
  EXPECT_EQ(run_infix("fen(\"¥1,200\")"), 120000);
  EXPECT_EQ(run_infix("fen(\"１２\")"), 1200);
  EXPECT_EQ(run_infix("fen(\"0.1\") + fen(\"0.2\") == fen(\"0.3\")"), true);
  EXPECT_EQ(run_infix("fen(12.5)"), 1250);
  EXPECT_EQ(run_infix("fen(\"12.345\")"), nullptr);
  EXPECT_EQ(run_infix("fen(\"abc\")"), nullptr);
  EXPECT_EQ(run_infix("yuan(123456)"), "1234.56");
  EXPECT_EQ(run_infix("yuan(-5)"), "-0.05");
}

TEST(Functions, ArityIsCheckedAtCompileTime) {
  EXPECT_EQ(run_infix("len()"), (json{{"compile_error", et::kInvalidArguments}}));
  EXPECT_EQ(run_infix("today(1)"), (json{{"compile_error", et::kInvalidArguments}}));
  EXPECT_EQ(run_logic(json::parse(R"({"age":[]})")),
            (json{{"compile_error", et::kInvalidArguments}}));
}

}  // namespace
