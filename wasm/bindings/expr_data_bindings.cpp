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
//
// The package's evaluateOn (wasm/package/lib/expr.mjs) takes a cheaper path with the same
// results and errors: no JSON text per call for the common results.
//   exprSetEnvSlot(slot, envJson) → {"slot":n} or the error exprEvaluateOn would give for that
//       env: parses the options once into one of kEnvSlots slots (the caller numbers them;
//       slot 0 is always "no options").
//   haoban_expr_evaluate_on(exprHandle, dataHandle, slot) (a plain wasm export, called as
//       Module._haoban_expr_evaluate_on: embind's generic invoker cost more than the call)
//       → a kind code, the result in the record at haoban_expr_result_record():
//       0 null, 1 false, 2 true, 3 a number (the record's double), 4 a string (the record's
//       pointer and byte length: valid UTF-8 in wasm memory, valid until the next call),
//       5 JSON text of the value, 6 {"error":…} as exprEvaluateOn would return it (both in the
//       record's pointer and length), 7 an array or object as cells (the record's pointer
//       and cell count; see Cell below). Never throws into JS.
#include <emscripten/bind.h>

#include <emscripten/emscripten.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "boundary.h"
#include "eval_options.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"
#include "haoban/text/utf8.h"
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
std::unordered_map<int, std::unique_ptr<expr::Document>>& documents() {
  static std::unordered_map<int, std::unique_ptr<expr::Document>> all;
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

// The options of one evaluation, parsed.
struct ParsedEnv {
  std::string text;
  std::optional<time::CivilDate> today;
  uint64_t max_steps = 0;
  bool valid = false;
};

// Throws BoundaryError for options exprEvaluateOn refuses.
ParsedEnv parse_env_text(const std::string& text) {
  ParsedEnv parsed;
  parsed.text = text;
  if (!text.empty()) {
    const nlohmann::json options = nlohmann::json::parse(text, nullptr, false);
    if (options.is_discarded() || !(options.is_object() || options.is_null()))
      throw BoundaryError("bad_options", "options must be a JSON object");
    read_eval_options(options, &parsed.today, &parsed.max_steps);
  }
  parsed.valid = true;
  return parsed;
}

expr::EvalEnv env_of(const ParsedEnv& parsed) {
  expr::EvalEnv env;
  env.today = parsed.today;
  env.max_steps = parsed.max_steps;
  env.calendar = expression_host_calendar();  // read every time: exprSetCalendar may change it
  return env;
}

// Hosts pass the same text for every rule of a screen, so the last one parsed is kept: the
// per-call cost is then one string comparison.
expr::EvalEnv env_from(const std::string& text) {
  static ParsedEnv cached;
  if (!cached.valid || cached.text != text) cached = parse_env_text(text);
  return env_of(cached);
}

// Options parsed once and named by a slot (the package numbers them; slot 0: no options).
constexpr int kEnvSlots = 64;
std::vector<ParsedEnv>& env_slots() {
  static std::vector<ParsedEnv> slots = [] {
    std::vector<ParsedEnv> all(kEnvSlots);
    all[0].valid = true;
    return all;
  }();
  return slots;
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

const expr::Document& find_document(int data_handle) {
  const auto it = documents().find(data_handle);
  if (it == documents().end())
    throw BoundaryError("bad_handle",
                        "no data document with handle " + std::to_string(data_handle));
  return *it->second;
}

std::string evaluate_on(int expr_handle, int data_handle, const std::string& env_json) {
  expr::Evaluator* evaluator = compiled_expression_evaluator(expr_handle);
  if (!evaluator)
    throw BoundaryError("bad_handle",
                        "no compiled expression with handle " + std::to_string(expr_handle));
  const expr::Document& document = find_document(data_handle);
  const expr::EvalEnv env = env_from(env_json);
  try {
    return value_result(evaluator->run(document, env));
  } catch (const expr::EvalFailure& failure) {
    return to_json_string({{"error", expr::to_json(failure.error())}});
  }
}

std::string set_env_slot(int slot, const std::string& env_json) {
  if (slot <= 0 || slot >= kEnvSlots)
    throw BoundaryError("bad_argument", "env slot must be 1.." + std::to_string(kEnvSlots - 1));
  env_slots()[slot] = parse_env_text(env_json);
  return to_json_string({{"slot", slot}});
}

// What haoban_expr_evaluate_on leaves for JS (read through wasm memory, see the top).
struct alignas(8) ResultRecord {
  double number = 0;
  uint32_t data = 0;    // pointer to the string or JSON text
  uint32_t length = 0;  // its length in bytes
};
ResultRecord result_record;
std::string result_text;  // JSON text (kinds 5 and 6), kept until the next call

enum ResultKind : int {
  kResultNull = 0,
  kResultFalse = 1,
  kResultTrue = 2,
  kResultNumber = 3,
  kResultString = 4,
  kResultJson = 5,
  kResultError = 6,
  kResultCells = 7,
};

// An array or object result as cells (kind 7) instead of JSON text: each value one 16-byte
// cell, in preorder (an array's cell, then its elements' cells; an object's cell, then a key's
// string cell and its value's cells per member), which lib/expr.mjs turns into JS values
// directly. A tenth of the conformance results are arrays or objects, and building nlohmann
// JSON, dumping it and JSON.parse in JS cost them several times what the evaluation did.
struct alignas(8) Cell {
  uint32_t kind = kResultNull;  // kResultNull to kResultString, kCellArray or kCellObject
  uint32_t count = 0;           // a string's length in bytes, an array's or object's size
  union {
    double number = 0;
    uint32_t chars;  // a string's first byte (valid until the next call, as kind 4's)
  };
};
static_assert(sizeof(Cell) == 16, "lib/expr.mjs reads cells as four 32-bit words");
constexpr uint32_t kCellArray = 5;
constexpr uint32_t kCellObject = 6;
// Deeper results (nested beyond what a rule usually builds) take the JSON text path, which
// also bounds the JS decoder's recursion.
constexpr int kMaxCellDepth = 32;
// Cells kept between calls; a larger vector is released at the next such result. A result
// of more than kMaxCells values (16 MiB of cells) takes the JSON text path, as before.
constexpr size_t kKeptCells = 4096;
constexpr size_t kMaxCells = size_t{1} << 20;
std::vector<Cell> result_cells;

int point_at_text(std::string text, int kind) {
  result_text = std::move(text);
  result_record.data = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(result_text.data()));
  result_record.length = static_cast<uint32_t>(result_text.size());
  return kind;
}

// Appends v's cells; false when JSON text must carry it instead (a string or key that is not
// valid UTF-8, too deep, too many values). The values are those JSON.parse would give for
// to_json(v)'s text: non-finite numbers are null, an engine-built -0 is 0 (to_json writes the
// integer 0), while a -0.0 inside a JSON view (a constant) stays -0 as nlohmann writes it "-0.0".
bool append_cells(const expr::Value& v, bool in_view, int depth) {
  Cell cell;
  switch (v.kind) {
    case expr::Kind::Null:
      break;
    case expr::Kind::Bool:
      cell.kind = v.boolean ? kResultTrue : kResultFalse;
      break;
    case expr::Kind::Number:
      if (!std::isfinite(v.number)) break;
      cell.kind = kResultNumber;
      cell.number = in_view ? v.number : v.number + 0.0;
      break;
    case expr::Kind::String:
      if (!text::is_valid_utf8(v.str())) return false;
      cell.kind = kResultString;
      cell.count = v.count;
      cell.chars = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(v.chars));
      break;
    case expr::Kind::Array: {
      const size_t count = v.size();
      if (depth >= kMaxCellDepth || count >= kMaxCells - result_cells.size()) return false;
      cell.kind = kCellArray;
      cell.count = static_cast<uint32_t>(count);
      result_cells.push_back(cell);
      for (size_t i = 0; i < count; ++i) {
        if (!append_cells(v.at(i), in_view || v.is_view, depth + 1)) return false;
      }
      return true;
    }
    case expr::Kind::Object: {
      // Always a JSON view (data, a constant, a caught error's payload), written as to_json
      // would: its members in nlohmann's order, which dump's text and so JSON.parse keep.
      const expr::json& object = *v.ref;
      const size_t count = object.size();
      if (depth >= kMaxCellDepth || count >= (kMaxCells - result_cells.size()) / 2) return false;
      cell.kind = kCellObject;
      cell.count = static_cast<uint32_t>(count);
      result_cells.push_back(cell);
      for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        if (!text::is_valid_utf8(key)) return false;
        Cell key_cell;
        key_cell.kind = kResultString;
        key_cell.count = static_cast<uint32_t>(key.size());
        key_cell.chars = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(key.data()));
        result_cells.push_back(key_cell);
        if (!append_cells(expr::Value::view(*it), true, depth + 1)) return false;
      }
      return true;
    }
  }
  if (result_cells.size() >= kMaxCells) return false;
  result_cells.push_back(cell);
  return true;
}

int record_cells(const expr::Value& v) {
  if (result_cells.capacity() > kKeptCells) std::vector<Cell>().swap(result_cells);
  result_cells.clear();
  if (!append_cells(v, false, 0)) return -1;
  result_record.data = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(result_cells.data()));
  result_record.length = static_cast<uint32_t>(result_cells.size());
  return kResultCells;
}

// The result as exprEvaluateOn's {"value":…} would give it to JS after JSON.parse: non-finite
// numbers are null, -0 is 0, invalid UTF-8 in a string is replaced (the JSON text path).
int record_value(const expr::Value& v) {
  switch (v.kind) {
    case expr::Kind::Null:
      return kResultNull;
    case expr::Kind::Bool:
      return v.boolean ? kResultTrue : kResultFalse;
    case expr::Kind::Number:
      if (!std::isfinite(v.number)) return kResultNull;
      result_record.number = v.number + 0.0;
      return kResultNumber;
    case expr::Kind::String:
      if (text::is_valid_utf8(v.str())) {
        result_record.data = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(v.chars));
        result_record.length = v.count;
        return kResultString;
      }
      break;
    case expr::Kind::Array:
    case expr::Kind::Object:
      if (const int kind = record_cells(v); kind >= 0) return kind;
      break;
  }
  return point_at_text(to_json_string(expr::to_json(v)), kResultJson);
}

int evaluate_on_slot(int expr_handle, int data_handle, int slot) {
  expr::Evaluator* evaluator = compiled_expression_evaluator(expr_handle);
  if (!evaluator)
    throw BoundaryError("bad_handle",
                        "no compiled expression with handle " + std::to_string(expr_handle));
  const expr::Document& document = find_document(data_handle);
  if (slot < 0 || slot >= kEnvSlots || !env_slots()[slot].valid)
    throw BoundaryError("bad_argument", "no options in env slot " + std::to_string(slot));
  const expr::EvalEnv env = env_of(env_slots()[slot]);
  try {
    return record_value(evaluator->run(document, env));
  } catch (const expr::EvalFailure& failure) {
    return point_at_text(to_json_string({{"error", expr::to_json(failure.error())}}), kResultError);
  }
}

std::string expr_load_data(const std::string& text) {
  return guarded([&] { return load_data(text); });
}

std::string expr_evaluate_on(int expr_handle, int data_handle, const std::string& env_json) {
  return guarded([&] { return evaluate_on(expr_handle, data_handle, env_json); });
}

std::string expr_set_env_slot(int slot, const std::string& env_json) {
  return guarded([&] { return set_env_slot(slot, env_json); });
}

std::string expr_free_data(int handle) {
  return guarded([&] { return to_json_string({{"freed", documents().erase(handle) == 1}}); });
}

}  // namespace
}  // namespace haoban::wasm

extern "C" {

// Plain exports for lib/expr.mjs's evaluateOn (see the top of this file).
EMSCRIPTEN_KEEPALIVE int haoban_expr_evaluate_on(int expr_handle, int data_handle,
                                                 int slot) noexcept {
  using namespace haoban::wasm;
  int kind = kResultError;
  std::string failure = guarded([&] {
    kind = evaluate_on_slot(expr_handle, data_handle, slot);
    return std::string();
  });
  return failure.empty() ? kind : point_at_text(std::move(failure), kResultError);
}

EMSCRIPTEN_KEEPALIVE uintptr_t haoban_expr_result_record() noexcept {
  return reinterpret_cast<uintptr_t>(&haoban::wasm::result_record);
}

}  // extern "C"

EMSCRIPTEN_BINDINGS(haoban_expr_data) {
  emscripten::function("exprLoadData", &haoban::wasm::expr_load_data);
  emscripten::function("exprEvaluateOn", &haoban::wasm::expr_evaluate_on);
  emscripten::function("exprFreeData", &haoban::wasm::expr_free_data);
  emscripten::function("exprSetEnvSlot", &haoban::wasm::expr_set_env_slot);
}
