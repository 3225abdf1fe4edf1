// Budgets of DESIGN.md, measured natively: load + compile of the 11,449-item synthetic
// catalogue, search latency, set() latency (p50/p95 as counters) and validate_all() on
// bench-form-80 (80 fields + a 50-row group). Input files come from the environment:
//   HAOBAN_SYNTHETIC_CATALOG  node scripts/gen-synthetic-catalog.mjs OUT.json (holds bench-form-80)
// Never pass/fail: numbers only.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "haoban/catalog/loader.h"
#include "haoban/form/session.h"
#include "haoban/search/search_index.h"

namespace {

using namespace haoban;
using nlohmann::json;

const std::string& catalogue_text() {
  static const std::string text = [] {
    const char* path = std::getenv("HAOBAN_SYNTHETIC_CATALOG");
    std::ifstream in(path ? path : "", std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }();
  return text;
}

std::shared_ptr<const catalog::Catalog> lazy_catalogue() {
  static const auto catalog = [] {
    catalog::LoadOptions options;
    options.lazy_forms = true;
    return catalog::load_catalog(catalogue_text(), options).catalog;
  }();
  return catalog;
}

void BM_LoadCatalogue(benchmark::State& state) {
  if (catalogue_text().empty()) return state.SkipWithError("set HAOBAN_SYNTHETIC_CATALOG");
  catalog::LoadOptions options;
  options.lazy_forms = state.range(0) == 1;
  size_t items = 0;
  for (auto _ : state) {
    auto result = catalog::load_catalog(catalogue_text(), options);
    items = result.ok() ? result.catalog->items.size() : 0;
    benchmark::DoNotOptimize(result);
  }
  state.counters["items"] = static_cast<double>(items);
  state.SetLabel(options.lazy_forms ? "lazy forms" : "eager: every form compiled");
}
BENCHMARK(BM_LoadCatalogue)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_BuildSearchIndex(benchmark::State& state) {
  if (!lazy_catalogue()) return state.SkipWithError("set HAOBAN_SYNTHETIC_CATALOG");
  for (auto _ : state) benchmark::DoNotOptimize(search::SearchIndex::build(lazy_catalogue()));
}
BENCHMARK(BM_BuildSearchIndex)->Unit(benchmark::kMillisecond)->Iterations(3);

const char* const kQueries[] = {"居住证", "jzz", "juzhuzheng", "营业执照", "gtgsh", "出生", "x"};

void BM_Search(benchmark::State& state) {
  if (!lazy_catalogue()) return state.SkipWithError("set HAOBAN_SYNTHETIC_CATALOG");
  static const auto index = search::SearchIndex::build(lazy_catalogue());
  const char* query = kQueries[state.range(0)];
  size_t hits = 0;
  for (auto _ : state) {
    auto result = index->search(query);
    hits = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(query);
  state.counters["hits"] = static_cast<double>(hits);
}
BENCHMARK(BM_Search)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

// bench-form-80 with every switch on and 50 filled rows: the largest state the budget names.
std::unique_ptr<form::FormSession> open_bench_form() {
  if (!lazy_catalogue()) return nullptr;
  form::SessionOptions options;
  options.today = {2026, 11, 27};
  options.profile = {{"applicant", {{"birthDate", "1990-01-01"}}}};
  auto s = form::FormSession::create(lazy_catalogue(), "bench-form-80", options, nullptr);
  if (!s) return nullptr;
  s->set("applicantName", "张三");
  s->set("idNumber", "11010519491231002X");
  for (int i = 1; i <= 10; ++i) s->set("s" + std::to_string(i), "yes");
  for (int i = 1; i <= 10; ++i) s->set("n" + std::to_string(i), i * 100);
  json rows = json::array();
  for (int r = 0; r < 50; ++r)
    rows.push_back({{"memberName", "成员" + std::to_string(r)},
                    {"memberIdNumber", "11010519491231002X"},
                    {"relation", "parent"},
                    {"monthlyIncome", "3000"}});
  s->set("members", rows);
  return s;
}

// One keystroke: p50/p95 over the iterations, reported as counters (microseconds).
void keystrokes(benchmark::State& state, const std::function<std::string(int64_t)>& path,
                const std::function<json(int64_t)>& value) {
  auto s = open_bench_form();
  if (!s) return state.SkipWithError("bench-form-80 unavailable (set HAOBAN_SYNTHETIC_CATALOG)");
  std::vector<double> micros;
  micros.reserve(1 << 16);
  int64_t i = 0;
  size_t changed = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    auto r = s->set(path(i), value(i));
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
    changed = r.changed.size();
    benchmark::DoNotOptimize(r);
    ++i;
  }
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p95_us"] = micros[micros.size() * 95 / 100];
  state.counters["changed"] = static_cast<double>(changed);
}

void BM_SetTextField(benchmark::State& state) {
  keystrokes(
      state, [](int64_t) { return std::string("g1"); },
      [](int64_t i) { return json("文字" + std::to_string(i % 100)); });
}
BENCHMARK(BM_SetTextField);

void BM_SetNumberChain(benchmark::State& state) {  // n1 feeds c1 … c9 and two rules
  keystrokes(
      state, [](int64_t) { return std::string("n1"); }, [](int64_t i) { return json(i % 1000); });
}
BENCHMARK(BM_SetNumberChain);

void BM_SetSwitch(benchmark::State& state) {  // s1 shows/hides 4 fields
  keystrokes(
      state, [](int64_t) { return std::string("s1"); },
      [](int64_t i) { return json(i % 2 ? "yes" : "no"); });
}
BENCHMARK(BM_SetSwitch);

void BM_SetGroupCell(benchmark::State& state) {
  keystrokes(
      state, [](int64_t i) { return "members[" + std::to_string(i % 50) + "].memberName"; },
      [](int64_t i) { return json("成员" + std::to_string(i % 7)); });
}
BENCHMARK(BM_SetGroupCell);

void BM_ValidateAll(benchmark::State& state) {
  auto s = open_bench_form();
  if (!s) return state.SkipWithError("bench-form-80 unavailable (set HAOBAN_SYNTHETIC_CATALOG)");
  size_t errors = 0;
  for (auto _ : state) {
    auto e = s->validate_all();
    errors = e.size();
    benchmark::DoNotOptimize(e);
  }
  state.counters["errors"] = static_cast<double>(errors);
}
BENCHMARK(BM_ValidateAll)->Unit(benchmark::kMicrosecond);

void BM_OpenSession(benchmark::State& state) {
  if (!lazy_catalogue()) return state.SkipWithError("set HAOBAN_SYNTHETIC_CATALOG");
  form::SessionOptions options;
  options.today = {2026, 11, 27};
  for (auto _ : state)
    benchmark::DoNotOptimize(
        form::FormSession::create(lazy_catalogue(), "bench-form-80", options, nullptr));
}
BENCHMARK(BM_OpenSession)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
