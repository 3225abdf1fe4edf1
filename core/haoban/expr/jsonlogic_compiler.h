// Compiles JsonLogic (as parsed JSON) into the Program IR. Recursion is bounded by
// Limits::max_depth, checked before descending, so hostile nesting is an error, not a crash.
#pragma once

#include <string>

#include "haoban/expr/engine.h"
#include "haoban/expr/ir.h"

namespace haoban::expr {

// Throws EvalFailure (with the JSON pointer of the offending node) on error.
void compile_jsonlogic_into(Program& program, const json& rule, const CompileOptions& options);

}  // namespace haoban::expr
