#include "haoban/expr/functions.h"

namespace haoban::expr {

std::span<const FunctionDef> text_functions() { return {}; }

}  // namespace haoban::expr
