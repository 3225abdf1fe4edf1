// haoban_bench_expr: our native expression engine on the benchmark workloads.
// Compiles every rule once, checks every result against the expected one, then times
// evaluations (median of --runs runs) and prints one JSON line per workload:
//   {"engine":"haoban-native","workload":...,"median_ns_per_eval":...,"runs":5,...}
// Timings are for reading, never for pass/fail: the machine may be shared.
#include <chrono>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "haoban/expr/engine.h"
#include "timing.h"
#include "workload.h"

namespace {

using haoban::bench::json;
using haoban::bench::Workload;

struct Options {
  std::string suites = HAOBAN_BENCH_SUITES_DIR;
  std::string eligibility = HAOBAN_BENCH_ELIGIBILITY;
  std::string cases;  // optional selection of conformance cases
  std::string workload = "all";
  int runs = 5;
  double min_run_ms = 200;
};

const char* kUsage =
    "usage: haoban_bench_expr [--workload all|conformance|eligibility] [--cases FILE]\n"
    "                         [--suites DIR] [--eligibility FILE] [--runs N] [--min-run-ms MS]\n";

bool parse_args(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--suites" && value(o.suites)) continue;
    if (arg == "--eligibility" && value(o.eligibility)) continue;
    if (arg == "--cases" && value(o.cases)) continue;
    if (arg == "--workload" && value(o.workload)) continue;
    if (arg == "--runs" && value(v) && (o.runs = std::atoi(v.c_str())) > 0) continue;
    if (arg == "--min-run-ms" && value(v) && (o.min_run_ms = std::atof(v.c_str())) > 0) continue;
    return false;
  }
  return true;
}

// Compiles every item, checks each result, times the evaluations, prints the JSON line.
int run_workload(const Workload& workload, const Options& options) {
  namespace expr = haoban::expr;
  std::vector<std::shared_ptr<const expr::Program>> programs;
  int compile_errors = 0;
  const auto compile_start = std::chrono::steady_clock::now();
  for (const auto& item : workload.items) {
    auto compiled = expr::compile_jsonlogic(item.rule);
    if (!compiled.ok()) ++compile_errors;
    programs.push_back(compiled.program);
  }
  const double compile_ns =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - compile_start)
          .count();

  // Correctness first: a fast wrong answer is not a result. Only correct items are timed.
  std::vector<size_t> timed;
  json wrong = json::array();
  for (size_t i = 0; i < workload.items.size(); ++i) {
    const auto& item = workload.items[i];
    if (!programs[i]) {
      wrong.push_back(item.key);
      continue;
    }
    const auto outcome = expr::evaluate(*programs[i], item.data);
    if (outcome.ok && outcome.value == item.expected) {
      timed.push_back(i);
    } else {
      wrong.push_back(item.key);
    }
  }

  size_t sink = 0;  // keeps the evaluations observable so nothing is optimised away
  auto pass = [&]() -> uint64_t {
    for (size_t i : timed) {
      const auto outcome = expr::evaluate(*programs[i], workload.items[i].data);
      sink += outcome.ok + outcome.value.size();
    }
    return timed.size();
  };
  const auto timing = haoban::bench::time_passes(pass, options.runs, options.min_run_ms);

  json line = {
      {"engine", "haoban-native"},
      {"workload", workload.name},
      {"median_ns_per_eval", timing.median_ns_per_eval},
      {"runs", options.runs},
      {"ns_per_eval_runs", timing.ns_per_eval},
      {"evals_per_run", timing.evals_per_run},
      {"items", workload.items.size()},
      {"timed_items", timed.size()},
      {"wrong", wrong},
      {"compile_errors", compile_errors},
      {"compile_ns_per_rule", workload.items.empty() ? 0.0 : compile_ns / workload.items.size()},
      {"skipped_error_cases", workload.skipped_error_cases},
      {"skipped_not_selected", workload.skipped_not_selected},
      {"api", "compile_jsonlogic once; evaluate(program, json data) -> json per eval"},
      {"sink", sink % 2},
  };
  std::cout << line.dump() << std::endl;
  return wrong.empty() ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_args(argc, argv, options)) {
    std::cerr << kUsage;
    return 64;
  }
  try {
    int status = 0;
    if (options.workload == "all" || options.workload == "conformance") {
      std::unique_ptr<std::set<std::string>> selection;
      if (!options.cases.empty()) {
        std::string error;
        auto keys = haoban::bench::load_selection(options.cases, &error);
        if (!keys) {
          std::cerr << "haoban_bench_expr: " << error << "\n";
          return 1;
        }
        selection = std::make_unique<std::set<std::string>>(std::move(*keys));
      }
      status |=
          run_workload(haoban::bench::load_conformance(options.suites, selection.get()), options);
    }
    if (options.workload == "all" || options.workload == "eligibility") {
      status |= run_workload(haoban::bench::load_eligibility(options.eligibility), options);
    }
    return status;
  } catch (const std::exception& e) {
    std::cerr << "haoban_bench_expr: " << e.what() << "\n";
    return 1;
  }
}
