#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban logic '<rule json>' ['<data json>'] [--explain] [--today D] [--calendar FILE]`
int run_logic(const std::vector<std::string>& args);

// Shared by `logic` and `expr`: compile the rule (JsonLogic or infix), evaluate it on the data,
// print the result JSON (or the explanation) on stdout; errors as {"error":{…}} with exit 1.
int run_expression_command(const std::vector<std::string>& args, bool infix);

}  // namespace haoban::cli
