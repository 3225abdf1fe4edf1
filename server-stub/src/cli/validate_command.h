#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

int run_validate(const std::vector<std::string>& args);

}  // namespace haoban::cli
