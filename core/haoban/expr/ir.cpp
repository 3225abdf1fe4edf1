#include "haoban/expr/ir.h"

namespace haoban::expr {

PathStep make_step(std::string key) {
  PathStep step;
  // Canonical non-negative integers only ("01" is a key, not index 1), as in JavaScript.
  if (!key.empty() && key.size() <= 15 && (key == "0" || key[0] != '0')) {
    int64_t n = 0;
    bool digits = true;
    for (char c : key) {
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
      n = n * 10 + (c - '0');
    }
    if (digits) step.index = n;
  }
  step.hash = key_hash(key);
  step.key = std::move(key);
  return step;
}

std::vector<PathStep> split_var_path(std::string_view dotted) {
  std::vector<PathStep> steps;
  if (dotted.empty()) return steps;
  size_t start = 0;
  while (true) {
    const size_t dot = dotted.find('.', start);
    steps.push_back(make_step(std::string(dotted.substr(start, dot - start))));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return steps;
}

}  // namespace haoban::expr
