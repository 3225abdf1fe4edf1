#!/usr/bin/env bash
# Installs everything haoban needs on Debian 12, and nothing that is already there:
#   1. the apt packages of scripts/apt-packages.txt that dpkg does not list as installed
#      (apt-get update runs only when at least one is missing);
#   2. the repo-root npm dev tools (playwright-core, typescript) with `npm ci`, only when
#      node_modules is missing or was installed from a different package-lock.json;
#   3. the third-party sources built from source (scripts/fetch-sources.sh, itself idempotent).
# Run as root (apt). A second run installs nothing and takes a few seconds.
#
# Node 20 and npm come with the machine (a repacked NodeSource build). Debian's own `nodejs`
# (18) and `npm` packages would conflict with it, so they are never installed from here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# npm needs a HOME for its cache; CI's environment may lack one.
if [ -z "${HOME:-}" ]; then
  HOME="$(getent passwd "$(id -u)" | cut -d: -f6)"
  export HOME
fi

log() { echo "setup-deps: $*"; }
die() { echo "setup-deps: error: $*" >&2; exit 1; }

# --- Node 20 must already be present (see above) -------------------------------------------
command -v node >/dev/null || die "node (20 or newer) is not installed; this machine image should provide it"
command -v npm >/dev/null || die "npm is not installed; it ships with the machine's Node 20"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old: Node 20 or newer is needed (node --test, fetch)"

# --- apt packages ---------------------------------------------------------------------------
# Strip comments and blank lines; one package name per line.
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$ROOT/scripts/apt-packages.txt" | grep -v '^$')
for p in "${wanted[@]}"; do
  case "$p" in nodejs | npm) die "scripts/apt-packages.txt lists '$p': Debian's would replace the machine's Node 20" ;; esac
done

# One dpkg-query for all of them; a package dpkg has never heard of prints nothing (and an
# error on stderr), so anything not reported as "ii" (installed, ok) counts as missing.
declare -A installed=()
while read -r name abbrev; do
  [ "$abbrev" = "ii" ] && installed["$name"]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${wanted[@]}" 2>/dev/null || true)
missing=()
for p in "${wanted[@]}"; do
  [ -n "${installed[$p]:-}" ] || missing+=("$p")
done

# apt can be briefly locked (unattended-upgrades on a fresh machine): retry a few times.
retry() {
  local n
  for n in 1 2 3; do
    "$@" && return 0
    log "'$*' failed (try $n of 3); retrying in 10 s"
    sleep 10
  done
  return 1
}

if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing apt packages (${missing[*]}): run this script as root"
  log "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  retry apt-get update -qq
  retry apt-get install -y -qq "${missing[@]}"
else
  log "apt packages: all ${#wanted[@]} installed"
fi

# --- npm dev tools ----------------------------------------------------------------------------
# The stamp holds the sha256 of the lock file that node_modules was installed from. Content,
# not mtimes: a fresh clone gives every file a new mtime.
stamp="$ROOT/node_modules/.haoban-lock-sha256"
lock_sum="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ -d "$ROOT/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  log "npm packages: node_modules matches package-lock.json"
else
  log "npm ci (package-lock.json)"
  retry npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi

# --- sources built from source (SQLite amalgamation, Dear ImGui 1.86) -------------------------
"$ROOT/scripts/fetch-sources.sh"
log "done"
