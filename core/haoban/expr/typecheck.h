// Compile-time checking. Always: domain functions given literals of the wrong type (age(1)).
// With declared variable types (a form's fields): unknown variables, and type mismatches in
// operators and calls, each an error with its location. Undeclared data (no declarations, or
// inside map/filter/reduce bodies, whose item is dynamic) keeps JsonLogic's dynamic semantics.
#pragma once

#include "haoban/expr/engine.h"
#include "haoban/expr/ir.h"

namespace haoban::expr {

// Throws EvalFailure ("Unknown Variable" or "Type Mismatch") at the first problem.
void typecheck(const Program& program, const Declarations* declarations);

// The static type of a JSON value.
Type type_of(const json& value);

}  // namespace haoban::expr
