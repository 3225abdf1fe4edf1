#include "haoban/store/receipts.h"

#include <mutex>

#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {
namespace {

bool within(const std::string& text, size_t bytes) { return !text.empty() && text.size() <= bytes; }

Receipt read_receipt(const StatementUse& row) {
  return Receipt{row.column_text(0), row.column_text(1), row.column_text(2), row.column_text(3),
                 row.column_integer(4)};
}

}  // namespace

struct Receipts::Impl {
  Database& database;
  Statement put, find, list;
  explicit Impl(Database& db) : database(db) {}
  sqlite3* db() const { return database.connection(); }
};

Receipts::Receipts(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Receipts::~Receipts() = default;

std::unique_ptr<Receipts> Receipts::open(Database& database, std::string* error) {
  auto impl = std::make_unique<Impl>(database);
  std::lock_guard lock(database.connection_mutex());
  sqlite3* db = database.connection();
  struct {
    Statement* slot;
    std::string sql;
  } statements[] = {
      {&impl->put,
       "INSERT INTO receipts (receipt_number, idempotency_key, item_id, body, received_ms) "
       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (receipt_number) DO UPDATE SET "
       "idempotency_key = excluded.idempotency_key, item_id = excluded.item_id, "
       "body = excluded.body, received_ms = excluded.received_ms;"},
      {&impl->find,
       "SELECT receipt_number, idempotency_key, item_id, body, received_ms FROM receipts "
       "WHERE receipt_number = ?1;"},
      {&impl->list,
       "SELECT receipt_number, idempotency_key, item_id, body, received_ms FROM receipts "
       "ORDER BY received_ms DESC, receipt_number DESC LIMIT " +
           std::to_string(kMaxListed) + ";"},
  };
  for (auto& s : statements) {
    *s.slot = prepare(db, s.sql, error);
    if (!*s.slot) return nullptr;
  }
  return std::unique_ptr<Receipts>(new Receipts(std::move(impl)));
}

bool Receipts::put(const Receipt& r, std::string* error) {
  if (!within(r.receipt_number, kMaxTextBytes) || !within(r.idempotency_key, kMaxTextBytes) ||
      !within(r.item_id, kMaxTextBytes) || r.body.size() > kMaxBodyBytes) {
    set_error(error, "receipts.put: receipt number, key and item must be 1 to " +
                         std::to_string(kMaxTextBytes) + " bytes, the body at most " +
                         std::to_string(kMaxBodyBytes));
    return false;
  }
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->put.get());
  use.text(1, r.receipt_number)
      .text(2, r.idempotency_key)
      .text(3, r.item_id)
      .text(4, r.body)
      .integer(5, r.received_ms);
  if (use.step() == SQLITE_DONE) return true;
  set_error(error, describe_error(impl_->db(), "receipts.put"));
  return false;
}

std::optional<Receipt> Receipts::find(const std::string& receipt_number) {
  if (receipt_number.size() > kMaxTextBytes) return std::nullopt;
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse row(impl_->find.get());
  row.text(1, receipt_number);
  if (row.step() == SQLITE_ROW) return read_receipt(row);
  return std::nullopt;
}

std::vector<Receipt> Receipts::list() {
  std::vector<Receipt> out;
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse rows(impl_->list.get());
  while (rows.step() == SQLITE_ROW) out.push_back(read_receipt(rows));
  return out;
}

}  // namespace haoban::store
