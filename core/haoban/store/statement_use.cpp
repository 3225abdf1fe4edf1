#include "haoban/store/statement_use.h"

#include "haoban/store/sqlite_handles.h"

namespace haoban::store {

WriteTransaction::WriteTransaction(sqlite3* db) : db_(db) {
  began_ = run_script(db_, "BEGIN IMMEDIATE;", &error_);
}

WriteTransaction::~WriteTransaction() {
  if (began_ && !committed_) run_script(db_, "ROLLBACK;", nullptr);
}

bool WriteTransaction::commit() {
  committed_ = run_script(db_, "COMMIT;", &error_);
  return committed_;
}

}  // namespace haoban::store
