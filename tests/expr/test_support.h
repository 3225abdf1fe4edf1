// Helpers shared by the expression-engine tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "haoban/expr/engine.h"

namespace expr_test {

using haoban::expr::json;

// Compiles infix (or fails the test) and evaluates it; returns the value or {"error": type}.
inline json run_infix(const std::string& source, const json& data = json::object(),
                      const haoban::expr::EvalEnv& env = {},
                      const haoban::expr::CompileOptions& options = {}) {
  auto compiled = haoban::expr::compile_infix(source, options);
  if (!compiled.ok()) return {{"compile_error", compiled.error.type}};
  auto out = haoban::expr::evaluate(*compiled.program, data, env);
  if (!out.ok) return {{"error", out.error.type}};
  return out.value;
}

inline json run_logic(const json& rule, const json& data = json::object(),
                      const haoban::expr::EvalEnv& env = {},
                      const haoban::expr::CompileOptions& options = {}) {
  auto compiled = haoban::expr::compile_jsonlogic(rule, options);
  if (!compiled.ok()) return {{"compile_error", compiled.error.type}};
  auto out = haoban::expr::evaluate(*compiled.program, data, env);
  if (!out.ok) return {{"error", out.error.type}};
  return out.value;
}

}  // namespace expr_test
