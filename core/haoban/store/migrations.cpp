#include "haoban/store/migrations.h"

#include <array>
#include <string_view>

#include "haoban/store/sqlite_handles.h"

namespace haoban::store {
namespace {

// Append only: a released migration is never edited, a new one is added at the end.
// STRICT tables make SQLite enforce the declared column types.
constexpr std::array<std::string_view, 3> kMigrations = {
    // 1: drafts, one row per application draft; body is the host's JSON, kept verbatim.
    R"sql(
CREATE TABLE drafts (
  id      TEXT PRIMARY KEY NOT NULL,
  body    TEXT NOT NULL,
  updated TEXT NOT NULL
) STRICT;
)sql",
    // 2: the back office (server-stub): accepted submissions with their receipt (受理编号),
    // 容缺 materials owed, 好差评 ratings and the follow-ups of bad ratings. Prefixed "office_"
    // because a phone's copy of this schema keeps its own outbox and receipts apart.
    // UNIQUE (owner, idempotency_key) is what makes a repeated submission create nothing.
    R"sql(
CREATE TABLE office_submissions (
  receipt_number  TEXT PRIMARY KEY NOT NULL,
  owner           TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  status          TEXT NOT NULL,
  received_on     TEXT NOT NULL,
  day_sequence    INTEGER NOT NULL,
  promised_date   TEXT NOT NULL,
  package         TEXT NOT NULL,
  created         TEXT NOT NULL,
  UNIQUE (owner, idempotency_key),
  UNIQUE (received_on, day_sequence)
) STRICT;
CREATE INDEX office_submissions_by_owner ON office_submissions (owner, created);
CREATE TABLE office_deferred_materials (
  receipt_number TEXT NOT NULL REFERENCES office_submissions (receipt_number),
  material_id    TEXT NOT NULL,
  due_date       TEXT NOT NULL,
  supplied_on    TEXT,
  reference      TEXT,
  PRIMARY KEY (receipt_number, material_id)
) STRICT;
CREATE TABLE office_ratings (
  receipt_number TEXT NOT NULL REFERENCES office_submissions (receipt_number),
  owner          TEXT NOT NULL,
  level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  body           TEXT NOT NULL,
  rated_on       TEXT NOT NULL,
  PRIMARY KEY (receipt_number, owner)
) STRICT;
CREATE TABLE office_follow_ups (
  receipt_number TEXT NOT NULL REFERENCES office_submissions (receipt_number),
  owner          TEXT NOT NULL,
  level          INTEGER NOT NULL,
  opened_on      TEXT NOT NULL,
  due_date       TEXT NOT NULL,
  status         TEXT NOT NULL,
  PRIMARY KEY (receipt_number, owner)
) STRICT;
)sql",
    // 3: the applicant's side (phone, browser, mini-program): the submission outbox, keyed by
    // the package digest so a package is queued and sent once; receipts (受理编号) as the back
    // office returned them; and the cached catalogue with its version and HTTP ETag. Times
    // are the host's clock in milliseconds since the epoch (the store reads no clock for them).
    R"sql(
CREATE TABLE outbox (
  idempotency_key TEXT PRIMARY KEY NOT NULL,
  item_id         TEXT NOT NULL,
  body            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  last_error      TEXT,
  receipt_number  TEXT,
  created_ms      INTEGER NOT NULL,
  updated_ms      INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_due ON outbox (state, next_attempt_ms);
CREATE TABLE receipts (
  receipt_number  TEXT PRIMARY KEY NOT NULL,
  idempotency_key TEXT NOT NULL,
  item_id         TEXT NOT NULL,
  body            TEXT NOT NULL,
  received_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX receipts_by_time ON receipts (received_ms);
CREATE TABLE cached_catalogs (
  slot      TEXT PRIMARY KEY NOT NULL,
  version   TEXT NOT NULL,
  etag      TEXT NOT NULL,
  body      TEXT NOT NULL,
  stored_ms INTEGER NOT NULL
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
