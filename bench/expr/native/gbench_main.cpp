// haoban_bench_expr_gbench: the benchmark workloads under Google Benchmark, one benchmark per
// workload (all items per iteration), for profiling and ad-hoc comparisons. The cross-engine
// report uses haoban_bench_expr instead, which times exactly like the JS runners.
#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include "haoban/expr/engine.h"
#include "workload.h"

namespace {

namespace expr = haoban::expr;
using haoban::bench::Workload;

struct Prepared {
  Workload workload;
  std::vector<std::shared_ptr<const expr::Program>> programs;  // null when it did not compile
};

std::shared_ptr<Prepared> prepare(Workload workload) {
  auto p = std::make_shared<Prepared>();
  p->workload = std::move(workload);
  for (const auto& item : p->workload.items) {
    p->programs.push_back(expr::compile_jsonlogic(item.rule).program);
  }
  return p;
}

void evaluate_all(benchmark::State& state, const std::shared_ptr<Prepared>& p) {
  int64_t evals = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < p->programs.size(); ++i) {
      if (!p->programs[i]) continue;
      auto outcome = expr::evaluate(*p->programs[i], p->workload.items[i].data);
      benchmark::DoNotOptimize(outcome);
      ++evals;
    }
  }
  state.SetItemsProcessed(evals);  // items/s = evaluations per second
}

void compile_all(benchmark::State& state, const std::shared_ptr<Prepared>& p) {
  for (auto _ : state) {
    for (const auto& item : p->workload.items) {
      auto compiled = expr::compile_jsonlogic(item.rule);
      benchmark::DoNotOptimize(compiled);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(p->workload.items.size()));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  auto conformance = prepare(haoban::bench::load_conformance(HAOBAN_BENCH_SUITES_DIR, nullptr));
  auto eligibility = prepare(haoban::bench::load_eligibility(HAOBAN_BENCH_ELIGIBILITY));
  benchmark::RegisterBenchmark("evaluate/conformance", evaluate_all, conformance);
  benchmark::RegisterBenchmark("evaluate/eligibility", evaluate_all, eligibility);
  benchmark::RegisterBenchmark("compile/conformance", compile_all, conformance);
  benchmark::RegisterBenchmark("compile/eligibility", compile_all, eligibility);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
