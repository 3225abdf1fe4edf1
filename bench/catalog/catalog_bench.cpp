// Native runner of the catalogue budgets (DESIGN.md): load + compile of the synthetic
// 11,449-item catalogue (lazy forms and eager), building the search index, and search latency
// for hanzi and pinyin queries. Each measurement is repeated (5 runs by default) and the
// median reported, with wall and CPU time: the machine is often shared, and CPU time is what
// the code costs. One JSON line per measurement on stdout (bench/catalog/run.sh reads them).
//   haoban_bench_catalog CATALOG.json [--runs N]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "haoban/catalog/loader.h"
#include "haoban/catalog/pack_writer.h"
#include "haoban/search/search_index.h"

namespace {

using namespace haoban;

struct Sample {
  double wall_ms;
  double cpu_ms;
};

double cpu_now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Runs `body` (which does `reps` operations) `runs` times; per-operation medians.
Sample median_of(int runs, int reps, const std::function<void()>& body) {
  std::vector<double> wall, cpu;
  for (int r = 0; r < runs; ++r) {
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = cpu_now_ms();
    body();
    const double c1 = cpu_now_ms();
    const auto w1 = std::chrono::steady_clock::now();
    wall.push_back(std::chrono::duration<double, std::milli>(w1 - w0).count() / reps);
    cpu.push_back((c1 - c0) / reps);
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void emit(const std::string& what, const std::string& detail, Sample s, const std::string& extra) {
  std::printf(
      "{\"runner\":\"native\",\"what\":\"%s\",\"detail\":\"%s\",\"wall_ms\":%.4f,\"cpu_ms\":%.4f%s}"
      "\n",
      what.c_str(), detail.c_str(), s.wall_ms, s.cpu_ms, extra.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: haoban_bench_catalog CATALOG.json [--runs N] [--pack OUT]\n");
    return 64;
  }
  int runs = 5;
  std::string pack_file;  // --pack: also write the packed catalogue there and time its load
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    if (std::string(argv[i]) == "--pack") pack_file = argv[i + 1];
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) {
    std::fprintf(stderr, "haoban_bench_catalog: cannot read %s\n", argv[1]);
    return 66;
  }

  std::shared_ptr<const catalog::Catalog> catalog;
  for (const bool lazy : {true, false}) {
    catalog::LoadOptions options;
    options.lazy_forms = lazy;
    size_t items = 0, errors = 0;
    const Sample s = median_of(runs, 1, [&] {
      auto result = catalog::load_catalog(text, options);
      items = result.ok() ? result.catalog->items.size() : 0;
      errors = result.errors.size();
      if (lazy) catalog = result.catalog;
    });
    emit("load", lazy ? "lazy forms" : "eager (every form compiled)", s,
         ",\"items\":" + std::to_string(items) + ",\"errors\":" + std::to_string(errors) +
             ",\"bytes\":" + std::to_string(text.size()));
  }
  if (!catalog) return 1;

  if (!pack_file.empty()) {
    catalog::PackResult packed;
    const Sample written = median_of(1, 1, [&] { packed = catalog::pack_catalog(text); });
    emit("pack", "write the packed catalogue (haoban catalog pack)", written,
         ",\"bytes\":" + std::to_string(packed.bytes.size()));
    std::ofstream(pack_file, std::ios::binary | std::ios::trunc) << packed.bytes;
    size_t items = 0, errors = 0;
    const Sample s = median_of(runs, 1, [&] {
      auto result = catalog::load_catalog_pack(packed.bytes);
      items = result.ok() ? result.catalog->items.size() : 0;
      errors = result.errors.size();
    });
    emit("load", "packed (forms on first use)", s,
         ",\"items\":" + std::to_string(items) + ",\"errors\":" + std::to_string(errors) +
             ",\"bytes\":" + std::to_string(packed.bytes.size()));
  }

  std::unique_ptr<search::SearchIndex> index;
  emit("index", "build the search index",
       median_of(runs, 1, [&] { index = search::SearchIndex::build(catalog); }), "");

  const char* const queries[] = {"居住证",     "出生",  "营业执照", "jzz",
                                 "juzhuzheng", "gtgsh", "spjy"};
  for (const char* query : queries) {
    size_t hits = 0;
    constexpr int kReps = 50;
    const Sample s = median_of(runs, kReps, [&] {
      for (int k = 0; k < kReps; ++k) hits = index->search(query).size();
    });
    emit("search", query, s, ",\"hits\":" + std::to_string(hits));
  }
  return 0;
}
