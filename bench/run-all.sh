#!/usr/bin/env bash
# Every benchmark of bench/, one after the other, in one command, with the machine described
# once at the top. Each runner's own report goes to build/bench-all/<name>.md (and the
# terminal); bench/README.md's "Report" table is assembled from these files.
#   bench/run-all.sh [--no-build] [--quick]
#   --no-build  reuse build/native-release, build/bench-release, build/bench-wasm and the app build
#   --quick     fewer runs and smaller workloads (a smoke run: numbers not for the report)
# Needs what scripts/test.sh needs (run scripts/setup-deps.sh first). Never pass/fail: a runner
# that fails is reported as failed and the others still run. Takes about 30–40 minutes on an
# idle 2-core machine, most of it the expression peers and the policy batch.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/build/bench-all"
mkdir -p "$OUT"
build=1 quick=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-all: unknown argument '$arg'" >&2; exit 2 ;;
  esac
done
nb=(); [ "$build" = 0 ] && nb=(--no-build)
runs=5; [ "$quick" = 1 ] && runs=2
bin="$ROOT/build/native-release/server-stub/haoban"

{
  echo "# haoban benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "- CPU: $(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- kernel: $(uname -r); $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- g++ $(g++ -dumpfullversion), emcc $(emcc --version 2>/dev/null | head -1 | sed 's/.*) //'), node $(node --version), chromium $(chromium --version 2>/dev/null | awk '{print $2}')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.md"

status=()
step() {
  local name="$1"; shift
  echo; echo "== $name: $* =="
  local start=$SECONDS
  if "$@" 2>&1 | tee "$OUT/$name.md"; then
    status+=("$name ok ($((SECONDS - start)) s)")
  else
    status+=("$name FAILED ($((SECONDS - start)) s): see $OUT/$name.md")
  fi
}

if [ "$build" = 1 ]; then
  step build bash scripts/build.sh native-release wasm-release app
fi
step size node bench/size/size.mjs --build-dir build/wasm-release
step expr bash bench/run-expr.sh "${nb[@]}" --runs "$runs"
step catalog bash bench/catalog/run.sh "${nb[@]}" --runs "$runs"
form_file="$ROOT/build/bench-all/bench-form.json"
node scripts/gen-synthetic-catalog.mjs "$form_file" --bench-only >/dev/null 2>&1 || true
step form node bench/form/form_bench.mjs "$form_file"
if [ "$quick" = 1 ]; then
  step policy bash bench/policy/run.sh --profiles 200 --runs 1
  step stub node bench/stub/load.mjs --bin "$bin" --runs 1 --count 500
  step h5 node bench/h5/run.mjs --runs 2
else
  step policy bash bench/policy/run.sh --runs 3
  step stub node bench/stub/load.mjs --bin "$bin" --runs 3 --count 3000 --concurrency 16
  step stub-soak node bench/stub/load.mjs --bin "$bin" --runs 0 --soak-seconds 300 --concurrency 8
  step h5 node bench/h5/run.mjs --runs 5
fi

echo; echo "== run-all: load average at end $(cut -d' ' -f1-3 /proc/loadavg) =="
printf '  %s\n' "${status[@]}" | tee "$OUT/status.txt"
