#include "haoban/store/outbox.h"

#include <algorithm>
#include <mutex>

#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {

int64_t backoff_delay_ms(int attempts, const BackoffPolicy& policy) {
  if (attempts < 1) return 0;
  int64_t delay = std::max<int64_t>(policy.base_ms, 0);
  // Doubling stops at the cap, so no shift ever overflows however many attempts there were.
  for (int i = 1; i < attempts && delay < policy.max_ms; ++i) delay *= 2;
  return std::min(delay, policy.max_ms);
}

namespace {

constexpr const char* kColumns =
    "idempotency_key, item_id, body, state, attempts, next_attempt_ms, last_error, "
    "receipt_number, created_ms, updated_ms";

OutboxEntry read_entry(const StatementUse& row) {
  OutboxEntry e;
  e.idempotency_key = row.column_text(0);
  e.item_id = row.column_text(1);
  e.body = row.column_text(2);
  e.state = row.column_text(3);
  e.attempts = static_cast<int>(row.column_integer(4));
  e.next_attempt_ms = row.column_integer(5);
  e.last_error = row.column_optional_text(6);
  e.receipt_number = row.column_optional_text(7);
  e.created_ms = row.column_integer(8);
  e.updated_ms = row.column_integer(9);
  return e;
}

std::string clip(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  return text.substr(0, cut);
}

}  // namespace

struct Outbox::Impl {
  Database& database;
  BackoffPolicy policy;
  Statement insert, select_one, count_unsent, select_due, select_pending, begin_send, mark_sent,
      mark_retry, mark_failed, remove;
  explicit Impl(Database& db) : database(db) {}
  sqlite3* db() const { return database.connection(); }
};

Outbox::Outbox(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Outbox::~Outbox() = default;

std::unique_ptr<Outbox> Outbox::open(Database& database, const BackoffPolicy& policy,
                                     std::string* error) {
  auto impl = std::make_unique<Impl>(database);
  impl->policy = policy;
  std::lock_guard lock(database.connection_mutex());
  sqlite3* db = database.connection();
  const std::string columns = kColumns;
  struct {
    Statement* slot;
    std::string sql;
  } statements[] = {
      {&impl->insert,
       "INSERT INTO outbox (idempotency_key, item_id, body, state, attempts, next_attempt_ms, "
       "created_ms, updated_ms) VALUES (?1, ?2, ?3, 'queued', 0, ?4, ?4, ?4) "
       "ON CONFLICT (idempotency_key) DO NOTHING;"},
      {&impl->select_one, "SELECT " + columns + " FROM outbox WHERE idempotency_key = ?1;"},
      {&impl->count_unsent, "SELECT count(*) FROM outbox WHERE state != 'sent';"},
      {&impl->select_due,
       "SELECT " + columns +
           " FROM outbox WHERE state IN ('queued', 'sending') AND next_attempt_ms <= ?1 "
           "ORDER BY next_attempt_ms, created_ms LIMIT ?2;"},
      {&impl->select_pending, "SELECT " + columns +
                                  " FROM outbox WHERE state != 'sent' ORDER BY created_ms, "
                                  "idempotency_key LIMIT " +
                                  std::to_string(kMaxListed) + ";"},
      // The lease is written into next_attempt_ms: a send that never reports back is due
      // again after it, and a second tab sees the entry as not due meanwhile.
      {&impl->begin_send,
       "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_ms = ?2 + ?3, "
       "updated_ms = ?2 WHERE idempotency_key = ?1 AND state IN ('queued', 'sending') "
       "AND next_attempt_ms <= ?2;"},
      {&impl->mark_sent,
       "UPDATE outbox SET state = 'sent', receipt_number = ?2, last_error = NULL, "
       "updated_ms = ?3 WHERE idempotency_key = ?1 AND state != 'sent';"},
      {&impl->mark_retry,
       "UPDATE outbox SET state = 'queued', last_error = ?2, next_attempt_ms = ?3, "
       "updated_ms = ?4 WHERE idempotency_key = ?1 AND state IN ('queued', 'sending');"},
      {&impl->mark_failed,
       "UPDATE outbox SET state = 'failed', last_error = ?2, updated_ms = ?3 "
       "WHERE idempotency_key = ?1 AND state != 'sent';"},
      {&impl->remove, "DELETE FROM outbox WHERE idempotency_key = ?1;"},
  };
  for (auto& s : statements) {
    *s.slot = prepare(db, s.sql, error);
    if (!*s.slot) return nullptr;
  }
  return std::unique_ptr<Outbox>(new Outbox(std::move(impl)));
}

EnqueueOutcome Outbox::enqueue(const std::string& key, const std::string& item_id,
                               const std::string& body, int64_t now_ms) {
  EnqueueOutcome out;
  if (key.empty() || key.size() > kMaxKeyBytes || item_id.empty() ||
      item_id.size() > kMaxItemBytes || body.size() > kMaxBodyBytes) {
    out.error = "outbox.enqueue: key, item and body must be non-empty and within the bounds";
    return out;
  }
  std::lock_guard lock(impl_->database.connection_mutex());
  WriteTransaction transaction(impl_->db());
  if (!transaction.began()) {
    out.error = transaction.error();
    return out;
  }
  {
    StatementUse find(impl_->select_one.get());
    find.text(1, key);
    if (find.step() == SQLITE_ROW) {
      out.ok = true;
      out.entry = read_entry(find);
      return out;  // already queued: nothing written, the transaction rolls back
    }
  }
  {
    StatementUse count(impl_->count_unsent.get());
    if (count.step() != SQLITE_ROW) {
      out.error = describe_error(impl_->db(), "outbox.enqueue");
      return out;
    }
    if (count.column_integer(0) >= kMaxUnsent) {
      out.error = "outbox.enqueue: the outbox already holds " + std::to_string(kMaxUnsent) +
                  " unsent submissions";
      return out;
    }
  }
  {
    StatementUse insert(impl_->insert.get());
    insert.text(1, key).text(2, item_id).text(3, body).integer(4, now_ms);
    if (insert.step() != SQLITE_DONE) {
      out.error = describe_error(impl_->db(), "outbox.enqueue");
      return out;
    }
  }
  {
    StatementUse find(impl_->select_one.get());
    find.text(1, key);
    if (find.step() != SQLITE_ROW) {
      out.error = describe_error(impl_->db(), "outbox.enqueue");
      return out;
    }
    out.entry = read_entry(find);
  }
  if (!transaction.commit()) {
    out.error = transaction.error();
    return out;
  }
  out.ok = true;
  out.created = true;
  return out;
}

std::vector<OutboxEntry> Outbox::due(int64_t now_ms, size_t limit) {
  std::vector<OutboxEntry> out;
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse rows(impl_->select_due.get());
  rows.integer(1, now_ms).integer(2, static_cast<int64_t>(std::min(limit, kMaxListed)));
  while (rows.step() == SQLITE_ROW) out.push_back(read_entry(rows));
  return out;
}

std::vector<OutboxEntry> Outbox::pending() {
  std::vector<OutboxEntry> out;
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse rows(impl_->select_pending.get());
  while (rows.step() == SQLITE_ROW) out.push_back(read_entry(rows));
  return out;
}

std::optional<OutboxEntry> Outbox::find(const std::string& key) {
  if (key.size() > kMaxKeyBytes) return std::nullopt;
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse row(impl_->select_one.get());
  row.text(1, key);
  if (row.step() == SQLITE_ROW) return read_entry(row);
  return std::nullopt;
}

namespace {

// Runs one UPDATE/DELETE; true when it changed a row. A failed step sets *error.
bool run_change(sqlite3* db, StatementUse& use, const char* what, std::string* error) {
  if (use.step() != SQLITE_DONE) {
    set_error(error, describe_error(db, what));
    return false;
  }
  return sqlite3_changes(db) > 0;
}

}  // namespace

bool Outbox::begin_send(const std::string& key, int64_t now_ms, std::string* error) {
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->begin_send.get());
  use.text(1, key).integer(2, now_ms).integer(3, impl_->policy.lease_ms);
  return run_change(impl_->db(), use, "outbox.begin_send", error);
}

bool Outbox::mark_sent(const std::string& key, const std::string& receipt_number, int64_t now_ms,
                       std::string* error) {
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->mark_sent.get());
  use.text(1, key).text(2, clip(receipt_number, kMaxItemBytes)).integer(3, now_ms);
  if (run_change(impl_->db(), use, "outbox.mark_sent", error)) return true;
  // Already sent is success (a duplicate response); an unknown key is not.
  StatementUse row(impl_->select_one.get());
  row.text(1, key);
  if (row.step() == SQLITE_ROW && row.column_text(3) == "sent") return true;
  if (error && error->empty()) *error = "outbox.mark_sent: no entry " + clip(key, kMaxKeyBytes);
  return false;
}

bool Outbox::mark_retry(const std::string& key, const std::string& reason, int64_t now_ms,
                        std::string* error) {
  std::lock_guard lock(impl_->database.connection_mutex());
  int attempts = 0;
  {
    StatementUse row(impl_->select_one.get());
    row.text(1, key);
    if (row.step() != SQLITE_ROW) {
      set_error(error, "outbox.mark_retry: no entry " + clip(key, kMaxKeyBytes));
      return false;
    }
    attempts = static_cast<int>(row.column_integer(4));
  }
  StatementUse use(impl_->mark_retry.get());
  use.text(1, key)
      .text(2, clip(reason, kMaxErrorBytes))
      .integer(3, now_ms + backoff_delay_ms(attempts, impl_->policy))
      .integer(4, now_ms);
  if (run_change(impl_->db(), use, "outbox.mark_retry", error)) return true;
  if (error && error->empty()) *error = "outbox.mark_retry: the entry is sent or failed";
  return false;
}

bool Outbox::mark_failed(const std::string& key, const std::string& reason, int64_t now_ms,
                         std::string* error) {
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->mark_failed.get());
  use.text(1, key).text(2, clip(reason, kMaxErrorBytes)).integer(3, now_ms);
  if (run_change(impl_->db(), use, "outbox.mark_failed", error)) return true;
  if (error && error->empty()) *error = "outbox.mark_failed: no unsent entry " + clip(key, 128);
  return false;
}

bool Outbox::remove(const std::string& key, std::string* error) {
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->remove.get());
  use.text(1, key);
  return run_change(impl_->db(), use, "outbox.remove", error);
}

}  // namespace haoban::store
