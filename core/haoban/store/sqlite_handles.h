// RAII owners for SQLite's C handles, so every early return in the store closes or finalizes.
#pragma once

#include <sqlite3.h>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace haoban::store {

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// "what: SQLite's message (extended code)", for the error strings the store hands back.
std::string describe_error(sqlite3* db, std::string_view what);

// Writes message to *error when the caller asked for it (error may be null).
inline void set_error(std::string* error, std::string message) {
  if (error) *error = std::move(message);
}

// Prepares one statement; on failure returns null and writes the reason to *error.
Statement prepare(sqlite3* db, std::string_view sql, std::string* error);

// Runs every statement of a fixed, trusted script (migrations, pragmas) one prepared
// statement at a time. Never used with data: values always go through bound parameters.
bool run_script(sqlite3* db, std::string_view script, std::string* error);

}  // namespace haoban::store
