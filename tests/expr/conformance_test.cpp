// Runs every case of the shared JsonLogic conformance suites (tests/data/jsonlogic, copied from
// json-logic/compat-tables), file by file in index.json order: one test per file, each failing
// case reported with its description. The engine is held to all 1,138, and each case that
// compiles gives the same value or error on the data indexed as an expr::Document.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "haoban/expr/engine.h"

namespace {

using haoban::expr::json;

const std::string kSuiteDir = std::string(HAOBAN_TEST_DATA) + "/jsonlogic/";

json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str());
}

std::vector<std::string> suite_files() {
  std::vector<std::string> files;
  for (const auto& name : read_json(kSuiteDir + "index.json")) files.push_back(name);
  return files;
}

struct CaseOutcome {
  bool passed = false;
  std::string detail;
};

// Compiles and evaluates one case; a compile error counts as an evaluation error of that type
// (the engine reports malformed rules when they are loaded, not when they run).
CaseOutcome run_case(const json& c) {
  const json data = c.contains("data") ? c["data"] : json();
  auto compiled = haoban::expr::compile_jsonlogic(c["rule"]);
  haoban::expr::Outcome outcome;
  if (compiled.ok()) {
    outcome = haoban::expr::evaluate(*compiled.program, data);
  } else {
    outcome.ok = false;
    outcome.error = compiled.error;
  }
  CaseOutcome result;
  if (compiled.ok()) {
    // The same case on the data indexed as a Document must give the same value or error.
    haoban::expr::Error error;
    auto doc = haoban::expr::Document::make(data, 256, &error);
    if (!doc) return {false, "Document::make failed: " + error.message};
    const auto on_doc = haoban::expr::evaluate(*compiled.program, *doc);
    if (on_doc.ok != outcome.ok || (outcome.ok && on_doc.value != outcome.value) ||
        (!outcome.ok && on_doc.error.type != outcome.error.type)) {
      return {
          false,
          "on a Document: " + (on_doc.ok ? on_doc.value.dump() : "error " + on_doc.error.type) +
              ", on JSON: " + (outcome.ok ? outcome.value.dump() : "error " + outcome.error.type)};
    }
  }
  if (c.contains("error")) {
    const std::string want = c["error"].value("type", "");
    result.passed = !outcome.ok && outcome.error.type == want;
    result.detail = "want error " + want + ", got " +
                    (outcome.ok ? outcome.value.dump() : "error " + outcome.error.type);
  } else {
    result.passed = outcome.ok && outcome.value == c["result"];
    result.detail =
        "want " + c["result"].dump() + ", got " +
        (outcome.ok ? outcome.value.dump()
                    : "error " + outcome.error.type + " (" + outcome.error.message + ")");
  }
  return result;
}

int count_cases(const json& suite) {
  int n = 0;
  for (const auto& c : suite) n += c.is_object();
  return n;
}

class ConformanceSuite : public testing::TestWithParam<std::string> {};

TEST_P(ConformanceSuite, EveryCasePasses) {
  const json suite = read_json(kSuiteDir + GetParam());
  ASSERT_TRUE(suite.is_array());
  int run = 0;
  for (const auto& c : suite) {
    if (!c.is_object()) continue;  // a string is a section heading
    ++run;
    const CaseOutcome outcome = run_case(c);
    EXPECT_TRUE(outcome.passed) << GetParam() << " case " << run << ": "
                                << c.value("description", "") << "\n  rule " << c["rule"].dump()
                                << "\n  data " << (c.contains("data") ? c["data"].dump() : "-")
                                << "\n  " << outcome.detail;
  }
  EXPECT_EQ(run, count_cases(suite));
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(JsonLogic, ConformanceSuite, testing::ValuesIn(suite_files()), test_name);

TEST(Conformance, AllSuitesTogetherHold1138CasesAndAllPass) {
  int total = 0, passed = 0;
  for (const auto& file : suite_files()) {
    for (const auto& c : read_json(kSuiteDir + file)) {
      if (!c.is_object()) continue;
      ++total;
      passed += run_case(c).passed;
    }
  }
  EXPECT_EQ(suite_files().size(), 48u);
  EXPECT_EQ(total, 1138);
  EXPECT_EQ(passed, 1138);
}

}  // namespace
