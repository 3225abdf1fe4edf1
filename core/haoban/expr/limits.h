// Bounds on every compilation and evaluation. A hostile catalogue or answer may make an
// evaluation fail with a named error (see error.h); it can never hang, crash or exhaust memory.
#pragma once

#include <cstddef>
#include <cstdint>

namespace haoban::expr {

struct Limits {
  // Nesting of a rule (JSON levels or infix parentheses/operators). The evaluator recurses
  // once per level, so this also bounds its native stack use.
  int max_depth = 128;
  // Nesting of data JSON accepted by parse_bounded_json (hosts parse data with it).
  int max_data_depth = 256;
  // Node evaluations and loop iterations per evaluation.
  uint64_t max_steps = 10'000'000;
  // Bytes of a string the engine builds (cat, substr …); input strings may be larger.
  size_t max_string_bytes = 1 << 20;
  // Elements of an array the engine builds (map, filter, merge …).
  size_t max_array_elements = 1'000'000;
  // Elements of all the arrays one evaluation builds, summed, and bytes of all the strings it
  // builds, summed: a map inside a map (or a cat inside a map) stays within max_steps but
  // could otherwise hold about max_steps values at once (found by the JsonLogic fuzzer).
  size_t max_total_array_elements = 2'000'000;
  size_t max_total_string_bytes = 16 << 20;
  // Bytes of a regular-expression pattern.
  size_t max_regex_bytes = 1024;
  // Bytes of rule source text (JSON or infix).
  size_t max_source_bytes = 1 << 20;
};

}  // namespace haoban::expr
