// 免申即享 at catalogue scale (issue 5 item 6): every profile of a business register matched
// against every policy of the catalogue, as a back office would run it overnight.
//
//   haoban_bench_policy CATALOG PROFILES [--threads N] [--runs N] [--profiles N] [--today D]
//
// Input from bench/policy/gen-policy-workload.mjs. Timed: policy::matching_policy_ids for every
// profile (the batch fast path: ids only, no explanations), split across N threads over the
// same immutable catalogue. Not timed: loading the catalogue (reported separately) and parsing
// the profiles. Prints one JSON line per run and a summary with the median.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "haoban/catalog/loader.h"
#include "haoban/policy/policy_match.h"
#include "haoban/time/civil_date.h"

namespace {

using Clock = std::chrono::steady_clock;

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "haoban_bench_policy: cannot read %s\n", path);
    std::exit(2);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct RunResult {
  double seconds = 0;
  size_t matches = 0;
};

RunResult run_once(const haoban::catalog::Catalog& catalog,
                   const std::vector<nlohmann::json>& profiles,
                   const haoban::time::CivilDate& today, int threads) {
  std::atomic<size_t> next{0}, matches{0};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      size_t local = 0;
      // Small batches keep the threads busy to the end without contending on every profile.
      for (size_t begin; (begin = next.fetch_add(64)) < profiles.size();) {
        const size_t end = std::min(profiles.size(), begin + 64);
        for (size_t i = begin; i < end; ++i)
          local += haoban::policy::matching_policy_ids(catalog, profiles[i], today).size();
      }
      matches += local;
    });
  for (auto& t : pool) t.join();
  return {seconds_since(start), matches.load()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: haoban_bench_policy CATALOG PROFILES [--threads N] [--runs N] "
                 "[--profiles N] [--today YYYY-MM-DD]\n");
    return 2;
  }
  int threads = 2, runs = 3;
  size_t profile_limit = SIZE_MAX;
  std::string today_text = "2025-06-30";  // inside most generated periods
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--threads")
      threads = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--runs")
      runs = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--profiles")
      profile_limit = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--today")
      today_text = argv[i + 1];
  }
  const auto today = haoban::time::parse_iso(today_text);
  if (!today) {
    std::fprintf(stderr, "haoban_bench_policy: --today must be YYYY-MM-DD\n");
    return 2;
  }

  const std::string catalog_text = read_file(argv[1]);
  const auto load_start = Clock::now();
  const auto loaded = haoban::catalog::load_catalog(catalog_text);
  const double load_seconds = seconds_since(load_start);
  if (!loaded.ok() || !loaded.errors.empty()) {
    std::fprintf(stderr, "haoban_bench_policy: the catalogue did not load cleanly: %s\n",
                 haoban::catalog::summary_json(loaded).dump().substr(0, 600).c_str());
    return 1;
  }
  const auto& catalog = *loaded.catalog;

  const auto register_json = nlohmann::json::parse(read_file(argv[2]));
  std::vector<nlohmann::json> profiles;
  for (const auto& p : register_json.at("profiles")) {
    if (profiles.size() >= profile_limit) break;
    profiles.push_back(p);
  }

  std::vector<double> times;
  size_t matches = 0;
  for (int r = 0; r < runs; ++r) {
    const auto result = run_once(catalog, profiles, *today, threads);
    times.push_back(result.seconds);
    matches = result.matches;
    std::printf(
        "{\"run\":%d,\"policies\":%zu,\"profiles\":%zu,\"threads\":%d,\"seconds\":%.3f,"
        "\"matches\":%zu}\n",
        r + 1, catalog.policies.size(), profiles.size(), threads, result.seconds, result.matches);
    std::fflush(stdout);
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const double pairs = double(catalog.policies.size()) * double(profiles.size());
  std::printf(
      "summary: %zu policies × %zu profiles = %.0f checks, %d thread(s), median of %d runs "
      "%.2f s [%.2f–%.2f]; %.0f ns per policy check; %.2f ms per profile (all policies); "
      "%zu matches; catalogue load %.0f ms\n",
      catalog.policies.size(), profiles.size(), pairs, threads, runs, median, times.front(),
      times.back(), median * 1e9 / pairs * threads,
      median * 1e3 / double(profiles.size()) * threads, matches, load_seconds * 1e3);
  return 0;
}
