#!/usr/bin/env bash
# Fetches the third-party sources that are built from source but never committed:
#   third_party/sqlite/  the SQLite amalgamation (npm pack sqlite3@6.0.1 ships upstream's tarball), sha256-checked
#   third_party/imgui/   Dear ImGui 1.86 from Debian's source package (for the wasm workbench)
# Idempotent: does nothing when both are already present and verified.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TP="$ROOT/third_party"
mkdir -p "$TP"

SQLITE_TARBALL=sqlite-autoconf-3520000.tar.gz
SQLITE_SHA256=f6b50b0c103392af32a8be15b2b9d25959de9a00a70c3979128aafeaa5338b3f

fetch_sqlite() {
  if [ -f "$TP/sqlite/sqlite3.c" ] && [ -f "$TP/sqlite/.sha256-ok" ]; then return; fi
  local work; work="$(mktemp -d)"
  echo "fetch-sources: SQLite amalgamation (npm pack sqlite3@6.0.1)"
  (cd "$work" && npm pack --silent sqlite3@6.0.1 >/dev/null && tar xzf sqlite3-6.0.1.tgz)
  local tarball="$work/package/deps/$SQLITE_TARBALL"
  echo "$SQLITE_SHA256  $tarball" | sha256sum -c --quiet -
  tar xzf "$tarball" -C "$work"
  mkdir -p "$TP/sqlite"
  cp "$work/${SQLITE_TARBALL%.tar.gz}/sqlite3.c" "$work/${SQLITE_TARBALL%.tar.gz}/sqlite3.h" "$TP/sqlite/"
  echo "$SQLITE_SHA256 $SQLITE_TARBALL" > "$TP/sqlite/.sha256-ok"
  rm -rf "$work"
}

fetch_imgui() {
  if [ -f "$TP/imgui/imgui.cpp" ]; then return; fi
  local work; work="$(mktemp -d)"
  echo "fetch-sources: Dear ImGui 1.86 (Debian source package)"
  # A private sources list so the system's apt configuration stays untouched.
  echo 'deb-src http://deb.debian.org/debian bookworm main' > "$work/src.list"
  mkdir -p "$work/lists/partial"
  local A=(-oDir::Etc::SourceList="$work/src.list" -oDir::Etc::SourceParts=/dev/null -oDir::State::Lists="$work/lists")
  apt-get "${A[@]}" -qq update
  (cd "$work" && apt-get "${A[@]}" -qq source --download-only imgui=1.86+ds-1 >/dev/null)
  local orig; orig="$(ls "$work"/imgui_1.86*.orig.tar.* | head -1)"
  mkdir -p "$work/x" && tar xf "$orig" -C "$work/x"
  local src; src="$(dirname "$(find "$work/x" -name imgui.cpp | head -1)")"
  mkdir -p "$TP/imgui/backends"
  cp "$src"/*.cpp "$src"/*.h "$TP/imgui/"
  cp "$src"/backends/imgui_impl_glfw.* "$src"/backends/imgui_impl_opengl3* "$TP/imgui/backends/"
  rm -rf "$work"
}

fetch_sqlite
fetch_imgui
