#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

int run_serve(const std::vector<std::string>& args);

}  // namespace haoban::cli
