#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban search --catalog FILE QUERY [--audience 自然人|法人] [--department D] [--limit N]`.
int run_search(const std::vector<std::string>& args);

}  // namespace haoban::cli
