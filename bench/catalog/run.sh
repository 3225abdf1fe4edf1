#!/usr/bin/env bash
# Catalogue budgets (issue 4 item 9, DESIGN.md): load + compile of the 11,449-item synthetic
# catalogue and search latency, natively (bench/catalog/catalog_bench.cpp) and in wasm through
# the @haoban/core package in Node (bench/catalog/catalog_bench.mjs), median of 5 runs each,
# printed as a markdown table against the budgets. Never pass/fail.
#   bench/catalog/run.sh [--no-build] [--runs N] [--catalog FILE]
# Builds: build/bench-release (native Release, haoban_bench_catalog) and, unless --no-build,
# the wasm package (build/bench-wasm, refills wasm/package/dist/). The catalogue is generated
# (deterministic, not committed) into build/bench-catalog/synthetic.json if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NATIVE_DIR="${HAOBAN_BENCH_NATIVE_DIR:-$ROOT/build/bench-release}"
WASM_DIR="${HAOBAN_BENCH_WASM_DIR:-$ROOT/build/bench-wasm}"
OUT="$ROOT/build/bench-catalog"
CATALOG="$OUT/synthetic.json"
BUILD=1
RUNS=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --runs) RUNS="$2"; shift ;;
    --catalog) CATALOG="$2"; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 64 ;;
  esac
  shift
done
log() { echo "bench/catalog: $*" >&2; }
mkdir -p "$OUT"

if [[ ! -s "$CATALOG" ]]; then
  log "generating $CATALOG"
  node "$ROOT/scripts/gen-synthetic-catalog.mjs" "$CATALOG" >&2
fi
if [[ $BUILD == 1 ]]; then
  log "native Release build in $NATIVE_DIR"
  cmake -S "$ROOT" -B "$NATIVE_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DHAOBAN_BUILD_TESTS=OFF -DHAOBAN_BUILD_WORKBENCH=OFF -DHAOBAN_BUILD_BENCH=ON >&2
  nice -n 10 ninja -C "$NATIVE_DIR" -j2 haoban_bench_catalog >&2
  log "wasm MinSizeRel build in $WASM_DIR (fills wasm/package/dist/)"
  export NODE_PATH=/usr/share/nodejs
  emcmake cmake -S "$ROOT" -B "$WASM_DIR" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
    -DHAOBAN_BUILD_TESTS=OFF -DHAOBAN_BUILD_WORKBENCH=OFF -DHAOBAN_BUILD_BENCH=ON \
    -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node >&2
  nice -n 10 ninja -C "$WASM_DIR" -j2 haoban_wasm >&2
fi

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
: > "$OUT/results.jsonl"
log "native"
"$NATIVE_DIR/bench/catalog/haoban_bench_catalog" "$CATALOG" --runs "$RUNS" --pack "$OUT/synthetic.pack" \
  >> "$OUT/results.jsonl"
log "wasm (Node $(node --version))"
node "$ROOT/bench/catalog/catalog_bench.mjs" "$CATALOG" --runs "$RUNS" --pack "$OUT/synthetic.pack" \
  >> "$OUT/results.jsonl"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

node - "$OUT/results.jsonl" "$LOAD_BEFORE" "$LOAD_AFTER" "$CATALOG" <<'JS' | tee "$OUT/report.md"
const fs = require('fs');
const [file, before, after, catalog] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const budget = { load: 300, search: 1 };
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(3));
console.log(`Catalogue: ${catalog} (${rows.find((r) => r.bytes)?.bytes ?? '?'} bytes, ${rows.find((r) => r.items)?.items ?? '?'} items)`);
console.log(`${new Date().toISOString().slice(0, 16)}Z, load average ${before} before, ${after} after; median of the runs.\n`);
console.log('| runner | what | detail | wall ms | CPU ms | budget | within (CPU) |');
console.log('|---|---|---|---:|---:|---:|---|');
for (const r of rows) {
  const b = budget[r.what];
  const within = b === undefined ? '—' : r.cpu_ms <= b ? 'yes' : 'no';
  const extra = r.hits !== undefined ? ` (${r.hits} hits)` : r.errors ? ` (${r.errors} errors)` : '';
  console.log(`| ${r.runner} | ${r.what} | ${r.detail}${extra} | ${fmt(r.wall_ms)} | ${fmt(r.cpu_ms)} | ${b ?? '—'} | ${within} |`);
}
JS
