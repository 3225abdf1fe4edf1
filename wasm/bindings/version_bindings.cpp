// version() and sqliteVersion(): which build of the core and of SQLite a page is running.
#include <emscripten/bind.h>

#include <string>

#include "haoban/store/sqlite_version.h"

#ifndef HAOBAN_VERSION
#error "HAOBAN_VERSION is defined by wasm/CMakeLists.txt from the project version"
#endif

namespace haoban::wasm {
namespace {

// Plain strings, not JSON: nothing here can fail.
std::string version() { return HAOBAN_VERSION; }
std::string sqlite_version() { return store::sqlite_version(); }

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_version) {
  emscripten::function("version", &haoban::wasm::version);
  emscripten::function("sqliteVersion", &haoban::wasm::sqlite_version);
}
