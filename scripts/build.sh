#!/usr/bin/env bash
# Configures and builds CMake presets (CMakePresets.json), by default the two that the run and
# test commands need: native-release (server stub, tests, workbench) and wasm-release (the
# wasm core and its npm package under wasm/package/dist).
#   scripts/build.sh                      native-release and wasm-release
#   scripts/build.sh native-asan          only the named preset(s)
#   scripts/build.sh app                  only the H5 app (Vite production build, see below)
# wasm-release also builds the web workbench (target haoban_workbench_web, outside `all`).
# After the default presets (or when "app" is named) the H5 app is built with Vite into
# app-mobile/dist (hashed file names) and every text asset gets .br and .gz siblings
# (app-mobile/scripts/precompress.mjs), which `haoban serve` sends with Content-Encoding.
# HAOBAN_JOBS sets the parallelism (default 2: the machine has 2 cores shared by everyone).
# HAOBAN_TARGETS="a b" builds only those targets of the native presets (those that exist in the
# build: the workbench's are absent without ImGui); the test command uses it to skip building
# the release copies of the tests that it runs under the sanitizers instead.
# HAOBAN_NINJA_KEEP_GOING=1 builds every target that does not depend on a broken one (ninja -k 0),
# as the test command wants; the preset still counts as failed.
# Stops at the first preset that fails to configure or build, with its exit code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

jobs="${HAOBAN_JOBS:-2}"
presets=("$@")
[ "${#presets[@]}" -gt 0 ] || presets=(native-release wasm-release app)
keep_going=()
[ "${HAOBAN_NINJA_KEEP_GOING:-0}" = 1 ] && keep_going=(-- -k 0)

for preset in "${presets[@]}"; do
  if [ "$preset" = app ]; then
    echo "build: H5 app (vite build → app-mobile/dist, then .br/.gz)"
    npx --no-install vite build --config app-mobile/vite.config.mjs --logLevel warn
    node app-mobile/scripts/precompress.mjs app-mobile/dist
    # The wasm core too: the stub sends application/wasm uncompressed otherwise (1.3 MB).
    # A sibling older than its file is ignored by the stub, so a later wasm rebuild is safe.
    [ -d wasm/package/dist ] && node app-mobile/scripts/precompress.mjs wasm/package/dist
    continue
  fi
  if [[ "$preset" == wasm-* ]]; then
    # Emscripten 3.1.6 finds acorn (Debian's node-acorn) only through NODE_PATH;
    # without it every link fails with "Cannot find module 'acorn'".
    export NODE_PATH=/usr/share/nodejs
  fi
  echo "build: configure $preset"
  # Unity batches (cmake/Unity.cmake) for whole builds; HAOBAN_UNITY_BUILD=OFF for one file at a time.
  cmake --preset "$preset" -DHAOBAN_UNITY_BUILD="${HAOBAN_UNITY_BUILD:-ON}"
  echo "build: build $preset (-j$jobs)"
  targets=()
  if [ -n "${HAOBAN_TARGETS:-}" ] && [[ "$preset" == native-* ]]; then
    for target in $HAOBAN_TARGETS; do
      ninja -C "build/$preset" -t query "$target" >/dev/null 2>&1 && targets+=(--target "$target")
    done
    echo "build: only ${targets[*]}"
  fi
  cmake --build --preset "$preset" --parallel "$jobs" "${targets[@]}" "${keep_going[@]}"
  # The web workbench (ImGui on WebGL2) is outside `all`, so that the core's wasm build does not
  # wait for ImGui and the CJK font; tests/e2e/workbench-web.test.mjs needs it. Skipped when the
  # ImGui sources are missing (the target then does not exist). HAOBAN_BUILD_WORKBENCH_WEB=0 skips.
  if [ "$preset" = wasm-release ] && [ "${HAOBAN_BUILD_WORKBENCH_WEB:-1}" = 1 ] &&
     ninja -C "build/$preset" -t query haoban_workbench_web >/dev/null 2>&1; then
    echo "build: build $preset haoban_workbench_web (-j$jobs)"
    # Not fatal: the core, the package and the H5 app build after this must not wait on it
    # (the web workbench's browser test then finds no build and says it skipped).
    cmake --build --preset "$preset" --parallel "$jobs" --target haoban_workbench_web ||
      echo "build: haoban_workbench_web FAILED (the web workbench test will be skipped)" >&2
  fi
done
