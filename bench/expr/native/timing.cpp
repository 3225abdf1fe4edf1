#include "timing.h"

#include <algorithm>
#include <chrono>

namespace haoban::bench {

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ns(Clock::time_point start) {
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

}  // namespace

Timing time_passes(const std::function<uint64_t()>& pass, int runs, double min_run_ms) {
  Timing timing;
  // Warm-up and calibration: double the passes until one batch lasts min_run_ms.
  uint64_t passes = 1;
  for (;;) {
    const auto start = Clock::now();
    for (uint64_t i = 0; i < passes; ++i) pass();
    if (elapsed_ns(start) >= min_run_ms * 1e6 || passes >= (uint64_t{1} << 30)) break;
    passes *= 2;
  }
  timing.passes_per_run = passes;
  for (int r = 0; r < runs; ++r) {
    uint64_t evals = 0;
    const auto start = Clock::now();
    for (uint64_t i = 0; i < passes; ++i) evals += pass();
    const double ns = elapsed_ns(start);
    timing.evals_per_run = evals;
    timing.ns_per_eval.push_back(ns / static_cast<double>(evals));
  }
  std::vector<double> sorted = timing.ns_per_eval;
  std::sort(sorted.begin(), sorted.end());
  timing.median_ns_per_eval = sorted[sorted.size() / 2];
  timing.min_ns_per_eval = sorted.front();
  timing.max_ns_per_eval = sorted.back();
  return timing;
}

}  // namespace haoban::bench
