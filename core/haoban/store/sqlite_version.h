#pragma once

#include <string>

namespace haoban::store {

// The version of the SQLite library compiled into this build (the same amalgamation natively and in
// wasm).
std::string sqlite_version();

}  // namespace haoban::store
