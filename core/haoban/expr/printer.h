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

// The JsonLogic name of an operator node ("and", ">=", "age" …).
std::string op_name(const Program& program, const Node& node);

}  // namespace haoban::expr
