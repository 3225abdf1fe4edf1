#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban expr '<infix>' ['<data json>'] [--explain] [--today D] [--calendar FILE]`
int run_expr(const std::vector<std::string>& args);

}  // namespace haoban::cli
