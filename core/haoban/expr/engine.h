// The expression engine's public API: compile once (JsonLogic or infix), evaluate many times.
// Every function here returns errors as values; nothing throws.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "haoban/expr/document.h"
#include "haoban/expr/error.h"
#include "haoban/expr/functions.h"
#include "haoban/expr/ir.h"
#include "haoban/expr/limits.h"

namespace haoban::expr {

// Declared variable types (a form's fields): with them, compilation checks names and types.
using Declarations = std::unordered_map<std::string, Type>;

struct CompileOptions {
  Limits limits;
  bool fold_constants = true;
  // When set, unknown top-level variables and type mismatches are compile errors.
  const Declarations* declarations = nullptr;
  // Source positions by JSON pointer (filled by the infix parser), copied into Program::where.
  const std::unordered_map<std::string, SourceLocation>* positions = nullptr;
};

struct Compiled {
  std::shared_ptr<const Program> program;  // null on error
  Error error;
  bool ok() const { return program != nullptr; }
};

Compiled compile_jsonlogic(const json& rule, const CompileOptions& options = {});
// Parses the text with the depth and size bounds first.
Compiled compile_jsonlogic_text(std::string_view text, const CompileOptions& options = {});
Compiled compile_infix(std::string_view source, const CompileOptions& options = {});

struct Outcome {
  bool ok = false;
  json value;   // the result when ok
  Error error;  // when not ok
};

Outcome evaluate(const Program& program, const json& data, const EvalEnv& env = {});
// The same on data indexed once (document.h): for many rules over one applicant or draft.
Outcome evaluate(const Program& program, const Document& data, const EvalEnv& env = {});

// JSON parsing with bounds on size and nesting (nlohmann's parser is iterative, but what is
// built from the document later may not be): errors are "Bad JSON" or "Nesting Too Deep".
std::optional<json> parse_bounded_json(std::string_view text, int max_depth, size_t max_bytes,
                                       Error* error);

}  // namespace haoban::expr
