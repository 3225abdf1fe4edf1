// The readable infix syntax for catalogue authors, parsed by a hand-written Pratt parser into
// JsonLogic (then compiled like any JsonLogic rule, so both syntaxes share one IR):
//
//   age(applicant.birthDate) >= 18 && applicant.hukouDivision in ["440100"]
//
// Precedence, loosest first: ?: · ?? · || · && · == != === !== · < <= > >= in · + - · * / % ·
// unary ! - · postfix .name [index] (call). `==`/`!=` are JsonLogic's strict "==="/"!==".
// Names and member chains read variables ({"var":"a.b.0"}); a computed index reads with "val".
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "haoban/expr/error.h"
#include "haoban/expr/limits.h"
#include "haoban/expr/value.h"

namespace haoban::expr {

struct InfixParse {
  json rule;  // JsonLogic
  // Where each JsonLogic node came from, by JSON pointer (operators also under "<ptr>/<op>").
  std::unordered_map<std::string, SourceLocation> positions;
};

// Throws EvalFailure ("Syntax Error" or "Nesting Too Deep", with line and column).
InfixParse parse_infix(std::string_view source, const Limits& limits);

}  // namespace haoban::expr
