// A bench-only WebAssembly module of our expression engine with a plain C ABI, so the
// engine's cost in wasm can be measured apart from (and before) the @haoban/core package's
// embind binding. Not shipped: it is built only by bench/run-expr.sh (HAOBAN_BUILD_BENCH=ON
// in a wasm build dir). JS side: bench/expr/js/haoban-wasm-direct.mjs.
//
// Handles are indexes into vectors that live for the module's lifetime (a benchmark compiles
// a fixed set of rules). Results are JSON text in one buffer, valid until the next call, or
// (hb_evaluate_loaded_scalar) a kind code and a number.
#include <emscripten/emscripten.h>

#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"

namespace {

namespace expr = haoban::expr;

// One evaluator per program, reused across calls as the package's binding does (its arena and
// stacks keep their capacity).
struct Compiled {
  std::shared_ptr<const expr::Program> program;
  std::unique_ptr<expr::Evaluator> evaluator;
};
std::vector<Compiled> programs;
// Data loaded once, indexed as an expr::Document (key lookups by precomputed hash).
std::vector<std::unique_ptr<expr::Document>> documents;
std::string result;

constexpr int kDataDepth = 256;
constexpr size_t kDataBytes = size_t{16} << 20;

// Evaluates and renders the outcome as JSON text: the value, or {"error":{"type","message"}}.
template <typename Data>
const char* render(Compiled& compiled, const Data& data) {
  try {
    result = expr::to_json(compiled.evaluator->run(data, expr::EvalEnv{})).dump();
  } catch (const expr::EvalFailure& failure) {
    result = expr::json{{"error", expr::to_json(failure.error())}}.dump();
  }
  return result.c_str();
}

}  // namespace

extern "C" {

// Compiles JsonLogic text; returns a program handle, or -1 (the error is in hb_result()).
EMSCRIPTEN_KEEPALIVE int hb_compile(const char* text, size_t length) {
  const auto compiled = expr::compile_jsonlogic_text(std::string_view(text, length));
  if (!compiled.ok()) {
    result = expr::json{{"error", expr::to_json(compiled.error)}}.dump();
    return -1;
  }
  programs.push_back({compiled.program, std::make_unique<expr::Evaluator>(*compiled.program)});
  return static_cast<int>(programs.size() - 1);
}

// Parses a data document once, for hosts that evaluate many rules over the same data.
EMSCRIPTEN_KEEPALIVE int hb_load_data(const char* text, size_t length) {
  expr::Error error;
  auto data =
      expr::parse_bounded_json(std::string_view(text, length), kDataDepth, kDataBytes, &error);
  if (!data) {
    result = expr::json{{"error", expr::to_json(error)}}.dump();
    return -1;
  }
  auto document = expr::Document::make(std::move(*data), kDataDepth, &error);
  if (!document) {
    result = expr::json{{"error", expr::to_json(error)}}.dump();
    return -1;
  }
  documents.push_back(std::move(document));
  return static_cast<int>(documents.size() - 1);
}

// Data as JSON text on every call: what a JSON-string binding costs.
EMSCRIPTEN_KEEPALIVE const char* hb_evaluate_text(int program, const char* text, size_t length) {
  if (program < 0 || static_cast<size_t>(program) >= programs.size()) return nullptr;
  expr::Error error;
  auto data =
      expr::parse_bounded_json(std::string_view(text, length), kDataDepth, kDataBytes, &error);
  if (!data) {
    result = expr::json{{"error", expr::to_json(error)}}.dump();
    return result.c_str();
  }
  return render(programs[program], *data);
}

// Data loaded once with hb_load_data.
EMSCRIPTEN_KEEPALIVE const char* hb_evaluate_loaded(int program, int document) {
  if (program < 0 || static_cast<size_t>(program) >= programs.size()) return nullptr;
  if (document < 0 || static_cast<size_t>(document) >= documents.size()) return nullptr;
  return render(programs[program], *documents[document]);
}

// The same, with a scalar result returned as a number, so no text crosses for the common
// results of conditions: 0 null, 1 false, 2 true, 3 a number (read it with hb_number()),
// 4 anything else (its JSON text is in hb_result()), 5 an error (in hb_result()), -1 a bad handle.
double number_result = 0;
EMSCRIPTEN_KEEPALIVE int hb_evaluate_loaded_scalar(int program, int document) {
  if (program < 0 || static_cast<size_t>(program) >= programs.size()) return -1;
  if (document < 0 || static_cast<size_t>(document) >= documents.size()) return -1;
  try {
    const expr::Value v = programs[program].evaluator->run(*documents[document], expr::EvalEnv{});
    switch (v.kind) {
      case expr::Kind::Null:
        return 0;
      case expr::Kind::Bool:
        return v.boolean ? 2 : 1;
      case expr::Kind::Number:
        if (!std::isfinite(v.number)) return 0;  // as to_json: JSON has no NaN or infinity
        number_result = v.number + 0.0;          // -0 reads as 0, as in the JSON text
        return 3;
      default:
        result = expr::to_json(v).dump();
        return 4;
    }
  } catch (const expr::EvalFailure& failure) {
    result = expr::json{{"error", expr::to_json(failure.error())}}.dump();
    return 5;
  }
}
EMSCRIPTEN_KEEPALIVE double hb_number() { return number_result; }

EMSCRIPTEN_KEEPALIVE const char* hb_result() { return result.c_str(); }
EMSCRIPTEN_KEEPALIVE size_t hb_result_length() { return result.size(); }

}  // extern "C"
