#!/usr/bin/env bash
# 免申即享 at catalogue scale: generate the workload (11,449 policies × 10,000 business profiles,
# fixed seed), build the native runner, run it (median of 3 runs, 2 threads) and print the result.
#   bench/policy/run.sh [--profiles N] [--runs N] [--threads N]     (extra flags go to the runner)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
out="$ROOT/build/bench-policy"
node bench/policy/gen-policy-workload.mjs --out "$out"
# Its own Release build dir with the benchmarks on (the native-release preset leaves them off to
# keep CI short); the same dir as bench/catalog/run.sh and bench/run-expr.sh.
dir="$ROOT/build/bench-release"
cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHAOBAN_BUILD_TESTS=OFF \
  -DHAOBAN_BUILD_WORKBENCH=OFF -DHAOBAN_BUILD_BENCH=ON >/dev/null
cmake --build "$dir" --target haoban_bench_policy --parallel "${HAOBAN_JOBS:-2}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$dir/bench/policy/haoban_bench_policy" "$out/catalog.json" "$out/profiles.json" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
