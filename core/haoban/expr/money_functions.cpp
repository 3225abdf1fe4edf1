#include "haoban/expr/functions.h"

namespace haoban::expr {

std::span<const FunctionDef> money_functions() { return {}; }

}  // namespace haoban::expr
