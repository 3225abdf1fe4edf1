// The benchmark workloads, loaded from files: the shared JsonLogic conformance suites and the
// eligibility workload (bench/expr/workloads/eligibility.json). The JS runners load the same
// files the same way (bench/expr/js/workloads.mjs), so every engine times the same items.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace haoban::bench {

using json = nlohmann::json;

// One rule evaluated against one data document; `expected` is the result every engine must give.
struct Item {
  std::string key;  // "<suite file>#<case number>" or the eligibility rule's id
  json rule;
  json data;
  json expected;
};

struct Workload {
  std::string name;
  std::vector<Item> items;
  int skipped_error_cases = 0;   // conformance cases that expect an error: not timed
  int skipped_not_selected = 0;  // cases outside the --cases selection
};

// Every conformance case that expects a result, in index.json order. Cases that expect an
// error are counted, not loaded: an error path is not what a host evaluates in a loop.
// With `selection`, only the keys it lists are loaded (the set every engine gets right).
Workload load_conformance(const std::string& suite_dir, const std::set<std::string>* selection);

// The 40 eligibility rules over one applicant; `expected` comes from the file.
Workload load_eligibility(const std::string& path);

// Reads a JSON array of case keys (written by bench/expr/js/select-common.mjs).
std::optional<std::set<std::string>> load_selection(const std::string& path, std::string* error);

json read_json_file(const std::string& path);

}  // namespace haoban::bench
