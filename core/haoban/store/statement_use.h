// One use of a cached prepared statement: bind, step, read columns; on scope exit the statement
// is reset and its bindings cleared, so every early return leaves it ready for the next call.
// And an IMMEDIATE write transaction that rolls back unless committed.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::store {

class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementUse() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

  // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's strings may go away.
  StatementUse& text(int index, std::string_view value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  StatementUse& optional_text(int index, const std::optional<std::string>& value) {
    if (value) return text(index, *value);
    sqlite3_bind_null(stmt_, index);
    return *this;
  }
  StatementUse& integer(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(stmt_); }

  // Text first, then its byte count: exact even with NULs inside.
  std::string column_text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    const int bytes = sqlite3_column_bytes(stmt_, column);
    return text ? std::string(text, static_cast<size_t>(bytes)) : std::string();
  }
  std::optional<std::string> column_optional_text(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return column_text(column);
  }
  int64_t column_integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE … COMMIT: the read-then-write inside cannot race another writer.
class WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  bool began() const { return began_; }
  bool commit();
  const std::string& error() const { return error_; }

 private:
  sqlite3* db_;
  bool began_ = false;
  bool committed_ = false;
  std::string error_;
};

}  // namespace haoban::store
