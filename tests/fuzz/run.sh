#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a native-sanitize build for a while each.
#
#   bash tests/fuzz/run.sh [--seconds N] [--parallel P] [--build DIR] [--seed S] [--fresh] [name...]
#
# Defaults: 60 s each, 2 at a time (CI's short round), build/native-sanitize, every harness,
# a random seed. --seed S (S > 0) fixes libFuzzer's own random choices; runs still diverge
# (what it learns from traced comparisons differs between runs), so it is not a replay.
# --fresh starts from the committed seeds only, as CI does.
# Each fuzzer mutates a working corpus in DIR/fuzz/corpus/<name> (seeded from
# tests/fuzz/corpus/<name>, which it only reads, plus tests/fuzz/regressions/<name>), writes
# crashes to DIR/fuzz/artifacts/<name>/ and its log to DIR/fuzz/logs/<name>.log, and prints
# one line: "fuzz <name>: ok|FAILED, <runs> runs in <s> s, <exec/s> exec/s, cov <n>".
# Exit status: the number of harnesses that crashed, timed out or could not run.
# A crash is to be kept: copy the artifact into tests/fuzz/regressions/<name>/ (replayed by
# the ctest fuzz_replay_<name>) and fix it.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds=60
parallel=2
build="$ROOT/build/native-sanitize"
seed=0
fresh=0
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --parallel) parallel="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --fresh) fresh=1; shift ;;
    -h | --help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
[ ${#names[@]} -eq 0 ] && names=(catalog_loader infix_parser jsonlogic form_session stub_request)

# One harness: run it, then summarise its log on one line. Returns non-zero on a failure.
run_one() {
  local name="$1" bin="$build/tests/fuzz/fuzz_$1"
  local work="$build/fuzz/corpus/$name" artifacts="$build/fuzz/artifacts/$name/"
  local log="$build/fuzz/logs/$name.log"
  [ "$fresh" = 1 ] && rm -rf "$work" "$artifacts"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")" "$ROOT/tests/fuzz/regressions/$name"
  if [ ! -x "$bin" ]; then
    echo "fuzz $name: FAILED, $bin not built"
    return 1
  fi
  local dict=()
  [ -f "$ROOT/tests/fuzz/dict/$name.dict" ] && dict=(-dict="$ROOT/tests/fuzz/dict/$name.dict")
  local seeding=()
  [ "$seed" != 0 ] && seeding=(-seed="$seed")
  # -timeout: one input taking longer than this is a hang (a failure); -rss_limit_mb: a leak
  # or unbounded growth; the engine's own bounds must keep every input far below both.
  ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
    timeout -k 10 $((seconds + 120)) "$bin" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" \
    "${seeding[@]}" "${dict[@]}" "$work" "$ROOT/tests/fuzz/corpus/$name" "$ROOT/tests/fuzz/regressions/$name" \
    >"$log" 2>&1
  local rc=$?
  local runs rate cov
  runs="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *\([0-9]*\)/\1/p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)"
  if [ "$rc" -eq 0 ]; then
    echo "fuzz $name: ok, ${runs:-?} runs in $seconds s, ${rate:-?} exec/s, cov ${cov:-?}"
    return 0
  fi
  echo "fuzz $name: FAILED (exit $rc), ${runs:-?} runs; log $log; artifacts $artifacts"
  grep -m3 -E 'ERROR: |runtime error|fuzz property failed|Test unit written' "$log" | sed 's/^/    /'
  return 1
}

# At most $parallel at once. Each run leaves its verdict in a file: `wait -n` alone cannot tell
# a failed job from "no job left".
verdicts="$(mktemp -d)"
trap 'rm -rf "$verdicts"' EXIT
for name in "${names[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n; done
  (run_one "$name"; echo $? >"$verdicts/$name") &
done
wait
failed=0
for name in "${names[@]}"; do
  [ "$(cat "$verdicts/$name" 2>/dev/null)" = 0 ] || failed=$((failed + 1))
done
exit "$failed"
