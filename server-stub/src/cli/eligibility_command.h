#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban eligibility` with the options of `haoban check`: prints only the verdict and the
// conditions ({"verdict","conditions","missing"}, docs/check-format.md). Exit 0 eligible,
// 1 not eligible or undetermined, 2 usage.
int run_eligibility(const std::vector<std::string>& args);

}  // namespace haoban::cli
