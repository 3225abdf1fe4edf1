// haoban_bench_expr: our native expression engine on the benchmark workloads.
// Compiles every rule once, checks every result against the expected one, then times
// evaluations (median of --runs runs) and prints one JSON line per workload:
//   {"engine":"haoban-native","workload":...,"median_ns_per_eval":...,"runs":5,...}
// Timings are for reading, never for pass/fail: the machine may be shared.
#include <chrono>
#include <cstring>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "haoban/expr/document.h"
#include "haoban/expr/engine.h"
#include "haoban/expr/evaluator.h"
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

// How each evaluation is made:
//   Json:          expr::evaluate(program, json data) → Outcome with a JSON value (the one-call
//                  API on nlohmann data: every var step is a std::map lookup);
//   Document:      expr::evaluate(program, Document) → Outcome with a JSON value, the data
//                  indexed once per document (expr::Document, as the wasm package's loadData);
//   DocumentValue: one expr::Evaluator per program, kept across calls, on the Document, result
//                  left as the engine's Value (a view: no JSON copy).
enum class Mode { Json, Document, DocumentValue };

const char* engine_name(Mode mode) {
  switch (mode) {
    case Mode::Json:
      return "haoban-native-json";
    case Mode::Document:
      return "haoban-native";
    case Mode::DocumentValue:
      return "haoban-native-reused";
  }
  return "?";
}

const char* api_text(Mode mode) {
  switch (mode) {
    case Mode::Json:
      return "compile_jsonlogic once; evaluate(program, json data) -> Outcome with json per eval";
    case Mode::Document:
      return "compile_jsonlogic once; Document::make(data) once per document; evaluate(program, "
             "document) -> Outcome with json per eval";
    case Mode::DocumentValue:
      return "compile_jsonlogic once; Document once per document; one Evaluator per program; "
             "run(document, env) -> Value per eval";
  }
  return "?";
}

// Compiles every item, checks each result, times the evaluations, prints the JSON line.
int run_workload(const Workload& workload, const Options& options, Mode mode) {
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

  // Each item's data indexed once, outside the timing (as a host loads an applicant once).
  std::vector<std::unique_ptr<expr::Document>> documents(programs.size());
  for (size_t i : timed) {
    expr::Error error;
    documents[i] = expr::Document::make(workload.items[i].data, 256, &error);
    if (!documents[i]) throw std::runtime_error("Document::make: " + error.message);
  }
  std::vector<std::unique_ptr<expr::Evaluator>> evaluators(programs.size());
  for (size_t i : timed) evaluators[i] = std::make_unique<expr::Evaluator>(*programs[i]);
  const expr::EvalEnv env;
  if (mode != Mode::Json) {  // the document paths must give the same answers
    for (size_t i : timed) {
      bool same = false;
      try {
        same = expr::evaluate(*programs[i], *documents[i]).value == workload.items[i].expected &&
               expr::to_json(evaluators[i]->run(*documents[i], env)) == workload.items[i].expected;
      } catch (const expr::EvalFailure&) {
      }
      if (!same) wrong.push_back(workload.items[i].key + " (document)");
    }
  }

  size_t sink = 0;  // keeps the evaluations observable so nothing is optimised away
  auto json_pass = [&]() -> uint64_t {
    for (size_t i : timed) {
      const auto outcome = expr::evaluate(*programs[i], workload.items[i].data);
      sink += outcome.ok + outcome.value.size();
    }
    return timed.size();
  };
  auto document_pass = [&]() -> uint64_t {
    for (size_t i : timed) {
      const auto outcome = expr::evaluate(*programs[i], *documents[i]);
      sink += outcome.ok + outcome.value.size();
    }
    return timed.size();
  };
  auto value_pass = [&]() -> uint64_t {
    for (size_t i : timed) {
      const expr::Value v = evaluators[i]->run(*documents[i], env);
      sink += static_cast<size_t>(v.kind) + v.count;
    }
    return timed.size();
  };
  const auto timing =
      mode == Mode::Json ? haoban::bench::time_passes(json_pass, options.runs, options.min_run_ms)
      : mode == Mode::Document
          ? haoban::bench::time_passes(document_pass, options.runs, options.min_run_ms)
          : haoban::bench::time_passes(value_pass, options.runs, options.min_run_ms);

  json line = {
      {"engine", engine_name(mode)},
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
      {"api", api_text(mode)},
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
      const auto workload = haoban::bench::load_conformance(options.suites, selection.get());
      status |= run_workload(workload, options, Mode::Document);
      status |= run_workload(workload, options, Mode::DocumentValue);
      status |= run_workload(workload, options, Mode::Json);
    }
    if (options.workload == "all" || options.workload == "eligibility") {
      const auto workload = haoban::bench::load_eligibility(options.eligibility);
      status |= run_workload(workload, options, Mode::Document);
      status |= run_workload(workload, options, Mode::DocumentValue);
      status |= run_workload(workload, options, Mode::Json);
    }
    return status;
  } catch (const std::exception& e) {
    std::cerr << "haoban_bench_expr: " << e.what() << "\n";
    return 1;
  }
}
