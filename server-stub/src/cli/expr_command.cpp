// `haoban expr`: the readable infix syntax from the shell (same engine as `haoban logic`).
#include "cli/expr_command.h"

#include "cli/logic_command.h"

namespace haoban::cli {

int run_expr(const std::vector<std::string>& args) { return run_expression_command(args, true); }

}  // namespace haoban::cli
