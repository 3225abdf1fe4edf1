// `haoban logic` and the runner it shares with `haoban expr`. The CLI is a host: it decides
// what today is (the machine's local date unless --today) and reads the holiday calendar file;
// the engine itself is only told.
#include "cli/logic_command.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/options.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/explain.h"
#include "http/host_clock.h"

namespace haoban::cli {

namespace {

using expr::json;

void print_json(const json& j) {
  std::printf("%s\n", j.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}

int print_error(const std::string& type, const std::string& message) {
  print_json({{"error", {{"type", type}, {"message", message}}}});
  return 1;
}

int print_error(const expr::Error& error) {
  print_json({{"error", expr::to_json(error)}});
  return 1;
}

}  // namespace

int run_expression_command(const std::vector<std::string>& raw_args, bool infix) {
  const char* name = infix ? "expr" : "logic";
  bool explain = false;
  std::vector<std::string> args;
  for (const auto& a : raw_args) {
    if (a == "--explain") {
      explain = true;
    } else {
      args.push_back(a);
    }
  }
  std::string error;
  const auto options = parse_options(args, {"today", "calendar", "id"}, &error);
  if (!options) return print_error("usage", std::string("haoban ") + name + ": " + error);
  if (options->positional.empty() || options->positional.size() > 2) {
    return print_error("usage", std::string("usage: haoban ") + name +
                                    (infix ? " '<infix>'" : " '<rule json>'") +
                                    " ['<data json>'] [--explain] [--today YYYY-MM-DD] "
                                    "[--calendar holidays.json] [--id RULE_ID]");
  }

  expr::EvalEnv env;
  env.today = http::local_today();
  if (options->flags.count("today")) {
    env.today = time::parse_iso(options->get("today", ""));
    if (!env.today) return print_error("usage", "--today must be a date YYYY-MM-DD");
  }
  std::optional<calendar::LoadResult> calendar;
  if (options->flags.count("calendar")) {
    std::ifstream file(options->get("calendar", ""));
    if (!file) return print_error("usage", "cannot read the --calendar file");
    std::stringstream text;
    text << file.rdbuf();
    calendar.emplace(calendar::HolidayCalendar::from_json_text(text.str()));
    if (!calendar->ok()) return print_error("bad_calendar", calendar->error().en);
    env.calendar = &calendar->value();
  }

  const std::string& source = options->positional[0];
  const expr::Compiled compiled =
      infix ? expr::compile_infix(source) : expr::compile_jsonlogic_text(source);
  if (!compiled.ok()) return print_error(compiled.error);

  json data = nullptr;
  if (options->positional.size() == 2) {
    const expr::Limits limits;
    expr::Error parse_error;
    auto parsed = expr::parse_bounded_json(options->positional[1], limits.max_data_depth, 64u << 20,
                                           &parse_error);
    if (!parsed) return print_error(parse_error);
    data = std::move(*parsed);
  }

  if (explain) {
    const json out = expr::explain(*compiled.program, data, env, options->get("id", "rule"));
    print_json(out);
    return out.value("ok", false) ? 0 : 1;
  }
  const expr::Outcome outcome = expr::evaluate(*compiled.program, data, env);
  if (!outcome.ok) return print_error(outcome.error);
  print_json(outcome.value);
  return 0;
}

int run_logic(const std::vector<std::string>& args) { return run_expression_command(args, false); }

}  // namespace haoban::cli
