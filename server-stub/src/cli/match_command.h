#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban match --catalog F --profile F [--profile-id ID] [--today YYYY-MM-DD] [--all yes]`:
// the 免申即享 policies the profile qualifies for, with reasons. Exit 0 (also with none).
int run_match(const std::vector<std::string>& args);

}  // namespace haoban::cli
