// Explanations: evaluates a boolean rule and says why, as a tree of the sub-conditions that
// decided it, each with the actual values compared:
//   age(applicant.birthDate) = 17, needs >= 18
// Only deciding conditions are listed: for a false "and", the first false part; for a true
// "and", every part; mirrored for "or". Each reason carries structured fields (expression,
// operator, values) so a host can render its own wording, plus ready zh-CN and en text.
#pragma once

#include <string_view>

#include "haoban/expr/functions.h"
#include "haoban/expr/ir.h"

namespace haoban::expr {

// {"id":…, "ok":true, "value":…, "reason":{…}} or {"id":…, "ok":false, "error":{…}}.
// A reason: {"expr":"…", "op":"and"|">="|…, "value":…, "passed":bool,
//            "operands":[{"expr":…,"value":…}…]?, "because":[reasons…]?, "zh":"…", "en":"…"}.
json explain(const Program& program, const json& data, const EvalEnv& env,
             std::string_view rule_id);

}  // namespace haoban::expr
