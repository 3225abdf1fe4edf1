// Versioned schema migrations. The version lives in PRAGMA user_version; migration N moves
// the schema from N-1 to N inside one transaction, so a failed step leaves the old schema.
#pragma once

#include <sqlite3.h>
#include <string>

namespace haoban::store {

// The schema version this build creates and understands.
int latest_schema_version();

// Applies every migration above the database's current version. Refuses (false, *error)
// a database whose version is newer than this build knows, rather than guessing.
// On success *version holds the resulting schema version.
bool migrate(sqlite3* db, int* version, std::string* error);

// PRAGMA user_version of the open database, or -1 (with *error) if it cannot be read,
// e.g. because the file is not a SQLite database.
int read_schema_version(sqlite3* db, std::string* error);

}  // namespace haoban::store
