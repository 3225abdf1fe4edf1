#include "haoban/store/sqlite_handles.h"

namespace haoban::store {

std::string describe_error(sqlite3* db, std::string_view what) {
  std::string out(what);
  out += ": ";
  out += db ? sqlite3_errmsg(db) : "out of memory";
  if (db) {
    out += " (code ";
    out += std::to_string(sqlite3_extended_errcode(db));
    out += ")";
  }
  return out;
}

Statement prepare(sqlite3* db, std::string_view sql, std::string* error) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement stmt(raw);
  if (rc != SQLITE_OK) {
    if (error) *error = describe_error(db, "prepare");
    return nullptr;
  }
  return stmt;
}

bool run_script(sqlite3* db, std::string_view script, std::string* error) {
  const char* cursor = script.data();
  const char* end = script.data() + script.size();
  while (cursor < end) {
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, cursor, static_cast<int>(end - cursor), &raw, &tail);
    Statement stmt(raw);
    if (rc != SQLITE_OK) {
      if (error) *error = describe_error(db, "prepare");
      return false;
    }
    if (!stmt) break;  // only whitespace or comments were left
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      // Pragmas such as journal_mode answer with a row; nothing to keep.
    }
    if (rc != SQLITE_DONE) {
      if (error) *error = describe_error(db, "step");
      return false;
    }
    cursor = tail;
  }
  return true;
}

}  // namespace haoban::store
