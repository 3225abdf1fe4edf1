// Prints a compiled Program back out: as JsonLogic (any program, so an infix rule can be
// exported to JsonLogic tools and compiled back with the same meaning) and as infix (for
// authors and for explanations: "age(birthDate) = 17, needs >= 18").
#pragma once

#include <string>

#include "haoban/expr/ir.h"

namespace haoban::expr {

json to_jsonlogic(const Program& program, uint32_t node);
inline json to_jsonlogic(const Program& program) { return to_jsonlogic(program, program.root); }

// Infix text. Operators the infix syntax has no symbol for print as calls (map(…), val(…)),
// which the parser reads back as the same operators. JsonLogic's loose "=="/"!=" print as
// "==" / "!=" for reading; the infix syntax itself reads those as strict.
std::string to_infix(const Program& program, uint32_t node);
inline std::string to_infix(const Program& program) { return to_infix(program, program.root); }

// Whether j holds an object at any depth. Such a constant prints as {"preserve": …} in
// JsonLogic and has no infix literal (so infix preserve() refuses it). Recursion depth is that
// of j, which the bounded JSON parse and the infix nesting limit keep small.
bool has_object(const json& j);

// The JsonLogic name of an operator node ("and", ">=", "age" …).
std::string op_name(const Program& program, const Node& node);

}  // namespace haoban::expr
