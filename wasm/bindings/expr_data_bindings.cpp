// Data handles for the expression engine: load a data document (an applicant, a draft) into
// the engine once, then evaluate many compiled expressions against it. The JSON-text-per-call
// path (exprEvaluate) parses the whole document on every evaluation, which was ~97% of the
// time in wasm (bench/README.md); with a handle only the result crosses the boundary.
//   exprLoadData(dataJson)                        → {"handle":n}   (bounded parse, as exprEvaluate)
//   exprEvaluateOn(exprHandle, dataHandle, envJson) → {"value":…} or {"error":{"type","message"}}
//   exprFreeData(handle)                          → {"freed":bool}
// exprHandle comes from exprCompile / exprCompileWith; envJson is exprEvaluate's
// ({"today":"YYYY-MM-DD","maxSteps":n}, or ""). Results are the same as exprEvaluate's on the
// same data. A data document is immutable: to change it, free it and load the new one.
#include <emscripten/bind.h>

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "boundary.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"
#include "haoban/time/civil_date.h"

namespace haoban::wasm {

// Defined in expr_bindings.cpp (which owns the compiled-expression handles and the calendar).
expr::Evaluator* compiled_expression_evaluator(int handle);
const calendar::HolidayCalendar* expression_host_calendar();

namespace {

// A host keeps one document per applicant or draft; the cap only stops a leaking caller.
constexpr size_t kMaxDataHandles = 100'000;
constexpr size_t kMaxDataBytes = size_t{64} << 20;

// Each document is indexed once (expr::Document: keys looked up by a hash the compiler
// precomputed, values already in the engine's form), not walked through nlohmann's maps per call.
std::map<int, std::unique_ptr<expr::Document>>& documents() {
  static std::map<int, std::unique_ptr<expr::Document>> all;
  return all;
}

std::string load_data(const std::string& text) {
  static int next_handle = 1;
  if (documents().size() >= kMaxDataHandles)
    throw BoundaryError("too_many_handles", "free data documents you no longer need");
  const expr::Limits limits;
  expr::Error error;
  auto data = expr::parse_bounded_json(text.empty() ? std::string_view("null") : text,
                                       limits.max_data_depth, kMaxDataBytes, &error);
  if (!data) throw BoundaryError(error.type, error.message);
  auto document = expr::Document::make(std::move(*data), limits.max_data_depth, &error);
  if (!document) throw BoundaryError(error.type, error.message);
  const int handle = next_handle++;
  documents().emplace(handle, std::move(document));
  return to_json_string({{"handle", handle}});
}

// The options of one evaluation. Hosts pass the same text for every rule of a screen, so the
// last one parsed is kept: the per-call cost is then one string comparison.
struct ParsedEnv {
  std::string text;
  std::optional<time::CivilDate> today;
  uint64_t max_steps = 0;
  bool valid = false;
};

expr::EvalEnv env_from(const std::string& text) {
  static ParsedEnv cached;
  if (!cached.valid || cached.text != text) {
    ParsedEnv parsed;
    parsed.text = text;
    if (!text.empty()) {
      const nlohmann::json options = nlohmann::json::parse(text, nullptr, false);
      if (options.is_discarded() || !(options.is_object() || options.is_null()))
        throw BoundaryError("bad_options", "options must be a JSON object");
      if (options.is_object() && options.contains("today") && !options["today"].is_null()) {
        if (!options["today"].is_string())
          throw BoundaryError("bad_today", "today must be \"YYYY-MM-DD\"");
        parsed.today = time::parse_iso(options["today"].get<std::string>());
        if (!parsed.today) throw BoundaryError("bad_today", "today must be \"YYYY-MM-DD\"");
      }
      if (options.is_object() && options.contains("maxSteps") &&
          options["maxSteps"].is_number_unsigned())
        parsed.max_steps = options["maxSteps"].get<uint64_t>();
    }
    parsed.valid = true;
    cached = std::move(parsed);
  }
  expr::EvalEnv env;
  env.today = cached.today;
  env.max_steps = cached.max_steps;
  env.calendar = expression_host_calendar();  // read every time: exprSetCalendar may change it
  return env;
}

// {"value":…} without building a JSON object around the value; scalars (most rule results:
// booleans, small numbers, null) are written directly.
std::string value_result(const expr::Value& v) {
  switch (v.kind) {
    case expr::Kind::Null:
      return R"({"value":null})";
    case expr::Kind::Bool:
      return v.boolean ? R"({"value":true})" : R"({"value":false})";
    case expr::Kind::Number:
      if (std::isfinite(v.number) && std::trunc(v.number) == v.number &&
          std::fabs(v.number) < 9007199254740992.0 && !(v.number == 0 && std::signbit(v.number)))
        return "{\"value\":" + std::to_string(static_cast<long long>(v.number)) + "}";
      break;
    default:
      break;
  }
  return "{\"value\":" + to_json_string(expr::to_json(v)) + "}";
}

std::string evaluate_on(int expr_handle, int data_handle, const std::string& env_json) {
  expr::Evaluator* evaluator = compiled_expression_evaluator(expr_handle);
  if (!evaluator)
    throw BoundaryError("bad_handle",
                        "no compiled expression with handle " + std::to_string(expr_handle));
  const auto it = documents().find(data_handle);
  if (it == documents().end())
    throw BoundaryError("bad_handle",
                        "no data document with handle " + std::to_string(data_handle));
  const expr::EvalEnv env = env_from(env_json);
  try {
    return value_result(evaluator->run(*it->second, env));
  } catch (const expr::EvalFailure& failure) {
    return to_json_string({{"error", expr::to_json(failure.error())}});
  }
}

std::string expr_load_data(const std::string& text) {
  return guarded([&] { return load_data(text); });
}

std::string expr_evaluate_on(int expr_handle, int data_handle, const std::string& env_json) {
  return guarded([&] { return evaluate_on(expr_handle, data_handle, env_json); });
}

std::string expr_free_data(int handle) {
  return guarded([&] { return to_json_string({{"freed", documents().erase(handle) == 1}}); });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_expr_data) {
  emscripten::function("exprLoadData", &haoban::wasm::expr_load_data);
  emscripten::function("exprEvaluateOn", &haoban::wasm::expr_evaluate_on);
  emscripten::function("exprFreeData", &haoban::wasm::expr_free_data);
}
