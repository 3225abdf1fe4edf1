// The timing method shared with the JS runners (bench/expr/js/timing.mjs): calibrate a
// repetition count so that one run lasts at least `min_run_ms`, then time `runs` runs of
// that many passes over all items and report the median nanoseconds per evaluation.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace haoban::bench {

struct Timing {
  double median_ns_per_eval = 0;
  double min_ns_per_eval = 0;
  double max_ns_per_eval = 0;
  std::vector<double> ns_per_eval;  // one per run
  uint64_t passes_per_run = 0;
  uint64_t evals_per_run = 0;
};

// `pass` evaluates every item once and returns how many evaluations it made.
Timing time_passes(const std::function<uint64_t()>& pass, int runs, double min_run_ms);

}  // namespace haoban::bench
