// What the expression harnesses share: tight evaluation bounds (so that one input costs
// milliseconds, not the production budget of 10 million steps) and a fixed sample of data
// that the variables of a fuzzed rule can read.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "haoban/expr/engine.h"
#include "haoban/time/civil_date.h"

namespace haoban::fuzz {

inline expr::CompileOptions small_limits() {
  expr::CompileOptions options;
  options.limits.max_steps = 200'000;
  options.limits.max_string_bytes = 64 * 1024;
  options.limits.max_array_elements = 20'000;
  options.limits.max_source_bytes = 64 * 1024;
  return options;
}

inline const nlohmann::json& sample_data() {
  static const nlohmann::json data = nlohmann::json::parse(R"({
    "applicant": {"birthDate": "1990-02-28", "idNumber": "11010519491231002X", "name": "张三",
                  "hukou": {"city": "440100"}, "mobile": "+86 138 0013 8000"},
    "age": 36, "income": 12345.67, "children": [{"name": "小明", "age": 3}, {"name": "小红", "age": 7}],
    "rooms": [1, 2, 3], "flag": true, "none": null, "empty": "", "text": "ＡＢＣ １２３",
    "uscc": "91350100M000100Y43", "amount": "1234.50"
  })");
  return data;
}

inline expr::EvalEnv sample_env() {
  expr::EvalEnv env;
  env.today = time::CivilDate{2026, 11, 28};
  return env;
}

// A property that failed: print it and abort, so that libFuzzer saves the input.
[[noreturn]] inline void property_failed(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz property failed: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace haoban::fuzz
