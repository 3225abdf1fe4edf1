#!/usr/bin/env bash
# The README's run command: installs what is missing, builds native-release and wasm-release,
# then starts the stub on http://127.0.0.1:8080/ serving the H5 app (app-mobile/dist), the wasm core
# (wasm/package/ at /core/) and the API on the bundled sample catalogue, with its SQLite file
# under var/. Ctrl-C (SIGINT) or SIGTERM stops it.
#   bash scripts/run.sh                 as above
#   HAOBAN_PORT=9090 bash scripts/run.sh   another port (HAOBAN_HOST likewise; keep 127.0.0.1
#                                       unless you mean to expose test identities to the network)
# Other arguments are passed on to `haoban serve`. HAOBAN_SKIP_SETUP=1 / HAOBAN_SKIP_BUILD=1
# skip those steps for quick restarts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[ "${HAOBAN_SKIP_SETUP:-0}" = 1 ] || bash "$ROOT/scripts/setup-deps.sh"
[ "${HAOBAN_SKIP_BUILD:-0}" = 1 ] || bash "$ROOT/scripts/build.sh" native-release wasm-release app

bin="$ROOT/build/native-release/server-stub/haoban"
[ -x "$bin" ] || { echo "run: $bin was not built" >&2; exit 1; }
mkdir -p "$ROOT/var"

# `haoban serve` itself prints "haoban: serving <url>" once the socket is really bound.
host="${HAOBAN_HOST:-127.0.0.1}"
port="${HAOBAN_PORT:-8080}"
echo "run: starting the stub at http://$host:$port/ (data in var/, Ctrl-C to stop)"
# exec: the stub gets the terminal's signals directly and exits cleanly on them.
exec "$bin" serve --host "$host" --port "$port" \
  --app-dir app-mobile/dist --core-dir wasm/package --data-dir var \
  --catalog data/catalog/guangzhou.json "$@"
