#!/usr/bin/env bash
# Expression-engine benchmark: builds what it needs, runs every engine in the same run
# (median of 5 runs each), and prints a markdown report (also written to $OUT/report.md).
#   bench/run-expr.sh [--no-build] [--no-wasm] [--runs N] [--min-run-ms MS] [--out DIR]
# Engines: haoban native (Release build), haoban wasm in Node (the @haoban/core package's
# expression API, and the bench-only C-ABI module bench/expr/wasm/, data as text or loaded once),
# json-logic-engine@5 compiled and interpreted, json-logic-js@2, @goplasmatic/datalogic@4.
# Timings are never pass/fail: the machine may be shared. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NATIVE_DIR="${HAOBAN_BENCH_NATIVE_DIR:-$ROOT/build/bench-release}"
WASM_DIR="${HAOBAN_BENCH_WASM_DIR:-$ROOT/build/bench-wasm}"
OUT="$ROOT/build/bench-expr"
BUILD=1
WASM=1
RUNS=5
MIN_RUN_MS=200

while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --no-wasm) WASM=0 ;;
    --runs) RUNS="$2"; shift ;;
    --min-run-ms) MIN_RUN_MS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "run-expr.sh: unknown option $1" >&2; exit 64 ;;
  esac
  shift
done

log() { echo "run-expr: $*" >&2; }
mkdir -p "$OUT"

# Peers, from bench/package-lock.json (never the repository root's).
if [[ ! -d "$ROOT/bench/node_modules/json-logic-engine" || ! -d "$ROOT/bench/node_modules/@goplasmatic/datalogic" || ! -d "$ROOT/bench/node_modules/json-logic-js" ]]; then
  log "installing the peers (npm ci in bench/)"
  (cd "$ROOT/bench" && HOME="${HOME:-/tmp}" npm ci --no-audit --no-fund >&2)
fi

if [[ $BUILD == 1 ]]; then
  log "native Release build in $NATIVE_DIR"
  cmake -S "$ROOT" -B "$NATIVE_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DHAOBAN_BUILD_TESTS=OFF -DHAOBAN_BUILD_WORKBENCH=OFF -DHAOBAN_BUILD_BENCH=ON >&2
  ninja -C "$NATIVE_DIR" -j2 haoban_bench_expr >&2
  if [[ $WASM == 1 ]]; then
    log "wasm MinSizeRel build in $WASM_DIR (fills wasm/package/dist/)"
    export NODE_PATH=/usr/share/nodejs
    emcmake cmake -S "$ROOT" -B "$WASM_DIR" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
      -DHAOBAN_BUILD_TESTS=OFF -DHAOBAN_BUILD_WORKBENCH=OFF -DHAOBAN_BUILD_BENCH=ON \
      -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >&2
    ninja -C "$WASM_DIR" -j2 haoban_wasm haoban_bench_expr_wasm >&2
  fi
fi

# The machine, before the runs.
{
  printf '{"date":"%s","nproc":%s,' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
  printf '"cpu":%s,' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' | node -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(0,"utf8").trim()))')"
  # sed reads all of emcc's output (head would close the pipe early: under pipefail the
  # SIGPIPE made "|| echo none" add a second line, and the machine JSON was broken).
  emcc_version="$( (NODE_PATH=/usr/share/nodejs emcc --version 2>/dev/null || true) | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\).*/\1/p')"
  printf '"node":"%s","gxx":"%s","emcc":"%s",' "$(node --version)" "$(g++ -dumpfullversion)" \
    "${emcc_version:-none}"
  printf '"load_before":"%s"' "$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.partial"

log "selecting the conformance cases every peer gets right"
node "$ROOT/bench/expr/js/select-common.mjs" > "$OUT/common-cases.json" 2> "$OUT/correctness.json"

: > "$OUT/results.jsonl"
status=0
log "haoban-native"
"$NATIVE_DIR/bench/haoban_bench_expr" --cases "$OUT/common-cases.json" --runs "$RUNS" \
  --min-run-ms "$MIN_RUN_MS" >> "$OUT/results.jsonl" || status=1
ENGINES=(json-logic-engine-compiled json-logic-engine-interpreted json-logic-js datalogic-wasm)
[[ $WASM == 1 ]] && ENGINES=(haoban-wasm haoban-wasm-text haoban-wasm-direct-text haoban-wasm-direct-loaded "${ENGINES[@]}")
for engine in "${ENGINES[@]}"; do
  log "$engine"
  rc=0
  node "$ROOT/bench/expr/js/run-engine.mjs" --engine "$engine" --cases "$OUT/common-cases.json" \
    --runs "$RUNS" --min-run-ms "$MIN_RUN_MS" >> "$OUT/results.jsonl" || rc=$?
  # 3: the engine could not be loaded (reported in the table); anything else: wrong results.
  if [[ $rc == 3 ]]; then log "$engine: not available (see the report)"; elif [[ $rc != 0 ]]; then status=1; fi
done

{
  cat "$OUT/machine.partial"
  printf ',"load_after":"%s"}\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.json"
rm -f "$OUT/machine.partial"

node "$ROOT/bench/expr/report.mjs" "$OUT" | tee "$OUT/report.md"
[[ $status == 0 ]] || log "some engine gave wrong results or could not run: see $OUT/results.jsonl"
exit $status
