#include "haoban/store/sqlite_version.h"

#include <sqlite3.h>

namespace haoban::store {

std::string sqlite_version() { return sqlite3_libversion(); }

}  // namespace haoban::store
