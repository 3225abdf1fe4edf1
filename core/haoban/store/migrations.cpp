#include "haoban/store/migrations.h"

#include <array>
#include <string_view>

#include "haoban/store/sqlite_handles.h"

namespace haoban::store {
namespace {

// Append only: a released migration is never edited, a new one is added at the end.
// STRICT tables make SQLite enforce the declared column types.
constexpr std::array<std::string_view, 1> kMigrations = {
    // 1: drafts, one row per application draft; body is the host's JSON, kept verbatim.
    R"sql(
CREATE TABLE drafts (
  id      TEXT PRIMARY KEY NOT NULL,
  body    TEXT NOT NULL,
  updated TEXT NOT NULL
) STRICT;
)sql",
};

bool set_user_version(sqlite3* db, int version, std::string* error) {
  // PRAGMA takes no bound parameters; the value is our own integer, never input.
  return run_script(db, "PRAGMA user_version = " + std::to_string(version) + ";", error);
}

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

int read_schema_version(sqlite3* db, std::string* error) {
  Statement stmt = prepare(db, "PRAGMA user_version;", error);
  if (!stmt) return -1;
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) {
    if (error) *error = describe_error(db, "read schema version");
    return -1;
  }
  return sqlite3_column_int(stmt.get(), 0);
}

bool migrate(sqlite3* db, int* version, std::string* error) {
  for (;;) {
    // IMMEDIATE takes the write lock first, so two processes opening the same new file
    // cannot both apply migration 1: the second waits (busy timeout), then re-reads.
    if (!run_script(db, "BEGIN IMMEDIATE;", error)) return false;
    int current = read_schema_version(db, error);
    if (current < 0) {
      run_script(db, "ROLLBACK;", nullptr);
      return false;
    }
    if (current > latest_schema_version()) {
      run_script(db, "ROLLBACK;", nullptr);
      if (error) {
        *error = "database schema version " + std::to_string(current) +
                 " is newer than this build supports (" + std::to_string(latest_schema_version()) +
                 ")";
      }
      return false;
    }
    if (current == latest_schema_version()) {
      run_script(db, "COMMIT;", nullptr);
      *version = current;
      return true;
    }
    std::string step_error;
    if (!run_script(db, kMigrations[current], &step_error) ||
        !set_user_version(db, current + 1, &step_error) ||
        !run_script(db, "COMMIT;", &step_error)) {
      run_script(db, "ROLLBACK;", nullptr);
      if (error) *error = "migration " + std::to_string(current + 1) + " failed: " + step_error;
      return false;
    }
  }
}

}  // namespace haoban::store
