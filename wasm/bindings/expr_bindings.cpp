// The expression engine for JS: compile once to a handle, evaluate many times, free it.
// JSON strings in and out, like every binding; errors are {"error":{"type":…,"message":…}}.
//   exprCompile(source, syntax)            syntax "jsonlogic" | "infix" → {"handle":n}
//   exprCompileWith(source, optionsJson)   {"syntax":…,"types":{"name":"number"|"string"|"date"|
//       "boolean"|"array"|"object"|"null"|"any"}}: declared variables are type-checked at compile
//   exprEvaluate(handle, dataJson, envJson) env {"today":"YYYY-MM-DD"}  → {"value":…}
//   exprExplain(handle, dataJson, envJson, ruleId) → {"id","ok","value","reason"} (see explain.h)
//   exprToJsonLogic(handle) → {"rule":…}     exprToInfix(handle) → {"infix":"…"}
//   exprFree(handle) → {"freed":bool}
//   exprSetCalendar(holidaysJson) → {"ok":true}: the working-day calendar for later evaluations
#include <emscripten/bind.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "boundary.h"
#include "eval_options.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"
#include "haoban/expr/explain.h"
#include "haoban/expr/printer.h"

namespace haoban::wasm {
namespace {

// A catalogue compiles a few rules per item; the cap only stops a leaking caller.
constexpr size_t kMaxHandles = 500'000;

struct CompiledRule {
  std::shared_ptr<const expr::Program> program;
  std::unique_ptr<expr::Evaluator> evaluator;  // reused: its arena and stacks keep capacity
};

// Hashed: evaluateOn looks a handle up on every call (a std::map walked ~10 nodes per lookup
// with 1,000 rules).
std::unordered_map<int, CompiledRule>& rules() {
  static std::unordered_map<int, CompiledRule> all;
  return all;
}

std::optional<calendar::HolidayCalendar>& host_calendar() {
  static std::optional<calendar::HolidayCalendar> calendar;
  return calendar;
}

CompiledRule& find_rule(int handle) {
  auto it = rules().find(handle);
  if (it == rules().end()) {
    throw BoundaryError("bad_handle",
                        "no compiled expression with handle " + std::to_string(handle));
  }
  return it->second;
}

std::string error_of(const expr::Error& error) {
  return to_json_string({{"error", expr::to_json(error)}});
}

nlohmann::json parse_data(const std::string& text) {
  if (text.empty()) return nullptr;
  const expr::Limits limits;
  expr::Error error;
  auto data = expr::parse_bounded_json(text, limits.max_data_depth, 64u << 20, &error);
  if (!data) throw BoundaryError(error.type, error.message);
  return std::move(*data);
}

expr::EvalEnv parse_env(const std::string& text) {
  expr::EvalEnv env;
  if (host_calendar()) env.calendar = &*host_calendar();
  if (text.empty()) return env;
  read_eval_options(parse_data(text), &env.today, &env.max_steps);
  return env;
}

// Declared variable types from {"name":"number",…}; an unknown type name is a caller error.
expr::Declarations parse_declarations(const nlohmann::json& types) {
  if (!types.is_object()) throw BoundaryError("bad_options", "types must be an object");
  constexpr expr::Type kAll[] = {expr::Type::Any,    expr::Type::Null,   expr::Type::Bool,
                                 expr::Type::Number, expr::Type::String, expr::Type::Date,
                                 expr::Type::Array,  expr::Type::Object};
  expr::Declarations out;
  for (const auto& [name, type] : types.items()) {
    const std::string wanted = type.is_string() ? type.get<std::string>() : "";
    bool known = false;
    for (const expr::Type t : kAll)
      if (wanted == expr::type_name(t)) out[name] = t, known = true;
    if (!known)
      throw BoundaryError("bad_options", "types." + name + ": unknown type \"" + wanted + "\"");
  }
  return out;
}

std::string compile_to_handle(const std::string& source, const std::string& syntax,
                              const expr::Declarations* declarations) {
  static int next_handle = 1;
  if (rules().size() >= kMaxHandles) {
    throw BoundaryError("too_many_handles", "free compiled expressions you no longer need");
  }
  expr::CompileOptions options;
  options.declarations = declarations;
  expr::Compiled compiled;
  if (syntax == "infix") {
    compiled = expr::compile_infix(source, options);
  } else if (syntax == "jsonlogic" || syntax.empty()) {
    compiled = expr::compile_jsonlogic_text(source, options);
  } else {
    throw BoundaryError("bad_syntax", "syntax must be \"jsonlogic\" or \"infix\"");
  }
  if (!compiled.ok()) return error_of(compiled.error);
  const int handle = next_handle++;
  CompiledRule rule{compiled.program, std::make_unique<expr::Evaluator>(*compiled.program)};
  rules().emplace(handle, std::move(rule));
  return to_json_string({{"handle", handle}});
}

std::string expr_compile(const std::string& source, const std::string& syntax) {
  return guarded([&] { return compile_to_handle(source, syntax, nullptr); });
}

std::string expr_compile_with(const std::string& source, const std::string& options_json) {
  return guarded([&] {
    const nlohmann::json options = parse_data(options_json);
    if (!options.is_null() && !options.is_object())
      throw BoundaryError("bad_options", "options must be a JSON object");
    const std::string syntax = options.is_object() ? options.value("syntax", "jsonlogic") : "";
    if (options.is_object() && options.contains("types") && !options["types"].is_null()) {
      const expr::Declarations declarations = parse_declarations(options["types"]);
      return compile_to_handle(source, syntax, &declarations);
    }
    return compile_to_handle(source, syntax, nullptr);
  });
}

std::string expr_evaluate(int handle, const std::string& data_json, const std::string& env_json) {
  return guarded([&] {
    CompiledRule& rule = find_rule(handle);
    const nlohmann::json data = parse_data(data_json);
    const expr::EvalEnv env = parse_env(env_json);
    try {
      const expr::Value v = rule.evaluator->run(data, env);
      return to_json_string({{"value", expr::to_json(v)}});
    } catch (const expr::EvalFailure& failure) {
      return error_of(failure.error());
    }
  });
}

std::string expr_explain(int handle, const std::string& data_json, const std::string& env_json,
                         const std::string& rule_id) {
  return guarded([&] {
    CompiledRule& rule = find_rule(handle);
    const nlohmann::json data = parse_data(data_json);
    return to_json_string(expr::explain(*rule.program, data, parse_env(env_json), rule_id));
  });
}

std::string expr_to_jsonlogic(int handle) {
  return guarded([&] {
    return to_json_string({{"rule", expr::to_jsonlogic(*find_rule(handle).program)}});
  });
}

std::string expr_to_infix(int handle) {
  return guarded([&] {
    return to_json_string({{"infix", expr::to_infix(*find_rule(handle).program)}});
  });
}

std::string expr_free(int handle) {
  return guarded([&] { return to_json_string({{"freed", rules().erase(handle) == 1}}); });
}

std::string expr_set_calendar(const std::string& holidays_json) {
  return guarded([&] {
    if (holidays_json.empty()) {
      host_calendar().reset();
      return to_json_string({{"ok", true}});
    }
    auto loaded = calendar::HolidayCalendar::from_json_text(holidays_json);
    if (!loaded) throw BoundaryError("bad_calendar", loaded.error().en);
    host_calendar() = loaded.value();
    return to_json_string({{"ok", true}});
  });
}

}  // namespace

// For expr_data_bindings.cpp (data loaded once, many rules evaluated on it): the reused
// evaluator of a compiled handle (null if none) and the calendar set by exprSetCalendar.
expr::Evaluator* compiled_expression_evaluator(int handle) {
  auto it = rules().find(handle);
  return it == rules().end() ? nullptr : it->second.evaluator.get();
}
const calendar::HolidayCalendar* expression_host_calendar() {
  return host_calendar() ? &*host_calendar() : nullptr;
}

}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_expr) {
  emscripten::function("exprCompile", &haoban::wasm::expr_compile);
  emscripten::function("exprCompileWith", &haoban::wasm::expr_compile_with);
  emscripten::function("exprEvaluate", &haoban::wasm::expr_evaluate);
  emscripten::function("exprExplain", &haoban::wasm::expr_explain);
  emscripten::function("exprToJsonLogic", &haoban::wasm::expr_to_jsonlogic);
  emscripten::function("exprToInfix", &haoban::wasm::expr_to_infix);
  emscripten::function("exprFree", &haoban::wasm::expr_free);
  emscripten::function("exprSetCalendar", &haoban::wasm::expr_set_calendar);
}
