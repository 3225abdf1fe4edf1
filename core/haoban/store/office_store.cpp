#include "haoban/store/office_store.h"

#include <array>
#include <condition_variable>
#include <mutex>
#include <string_view>

#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {
namespace {

std::string text_at(sqlite3_stmt* stmt, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
  const int bytes = sqlite3_column_bytes(stmt, column);
  return text ? std::string(text, static_cast<size_t>(bytes)) : std::string();
}

constexpr const char* kSubmissionColumns =
    "receipt_number, owner, idempotency_key, item_id, status, received_on, day_sequence, "
    "promised_date, package, created";

SubmissionRecord read_submission(sqlite3_stmt* stmt) {
  SubmissionRecord record;
  record.receipt_number = text_at(stmt, 0);
  record.owner = text_at(stmt, 1);
  record.idempotency_key = text_at(stmt, 2);
  record.item_id = text_at(stmt, 3);
  record.status = text_at(stmt, 4);
  record.received_on = text_at(stmt, 5);
  record.day_sequence = sqlite3_column_int64(stmt, 6);
  record.promised_date = text_at(stmt, 7);
  record.package = text_at(stmt, 8);
  record.created = text_at(stmt, 9);
  return record;
}

bool too_long(const std::string& text) { return text.size() > OfficeStore::kMaxTextBytes; }

// Runs a statement that returns no rows (savepoints); true when it did.
bool run(sqlite3_stmt* stmt) {
  StatementUse use(stmt);
  return use.step() == SQLITE_DONE;
}

// A second connection to the database file, for reads only: in WAL mode it reads the last
// committed state while the writer is inside a commit. Null for an in-memory database (a
// second connection would open a different, empty one) or when it cannot be opened.
Connection open_reader(sqlite3* writer) {
  const char* file = sqlite3_db_filename(writer, "main");
  if (file == nullptr || *file == '\0') return nullptr;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file, &raw, SQLITE_OPEN_READWRITE, nullptr);
  Connection reader(raw);
  if (rc != SQLITE_OK) return nullptr;
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  if (!run_script(raw, "PRAGMA query_only = 1;", nullptr)) return nullptr;
  return reader;
}

}  // namespace

struct OfficeStore::Statements {
  // On the writer (the Database's connection, under its mutex).
  Statement key_on_writer, next_sequence, insert, insert_deferred, savepoint, release, rollback_to,
      find_deferred, supply, complete, insert_rating, insert_follow_up;
  // On the reader, or on the writer when there is no reader.
  Connection reader;
  std::mutex reader_mutex;
  Statement by_key, by_receipt, list, deferred, rating, follow_up;
  bool ready = false;
  std::string error;  // why not ready: then every call fails with it
};

struct OfficeStore::Pending {
  const NewSubmission* submission = nullptr;
  const std::function<std::string(int64_t)>* receipt_number_for = nullptr;
  CreateOutcome outcome;

  // What the caller is told: its group has been written (committed or failed: see outcome), or
  // it is to write the next group.
  enum class Turn { wait, written, write };
  void tell(Turn now) {
    {
      std::lock_guard lock(mutex);
      turn = now;
    }
    changed.notify_one();
  }
  Turn await() {
    std::unique_lock lock(mutex);
    changed.wait(lock, [this] { return turn != Turn::wait; });
    return turn;
  }

 private:
  std::mutex mutex;
  std::condition_variable changed;
  Turn turn = Turn::wait;
};

OfficeStore::OfficeStore(Database& database, Durability durability)
    : database_(database), statements_(std::make_unique<Statements>()) {
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* writer = database_.connection();
  run_script(writer,
             durability == Durability::full ? "PRAGMA synchronous = FULL;"
                                            : "PRAGMA synchronous = NORMAL;",
             nullptr);
  Statements& st = *statements_;
  st.reader = open_reader(writer);
  sqlite3* reader = st.reader ? st.reader.get() : writer;
  const std::string select =
      std::string("SELECT ") + kSubmissionColumns + " FROM office_submissions";
  struct {
    Statement* slot;
    sqlite3* db;
    std::string sql;
  } statements[] = {
      {&st.key_on_writer, writer, select + " WHERE owner = ?1 AND idempotency_key = ?2;"},
      {&st.next_sequence, writer,
       "SELECT COALESCE(MAX(day_sequence), 0) + 1 FROM office_submissions WHERE received_on = ?1;"},
      {&st.insert, writer,
       "INSERT INTO office_submissions (receipt_number, owner, idempotency_key, item_id, status, "
       "received_on, day_sequence, promised_date, package, created) VALUES (?1, ?2, ?3, ?4, ?5, "
       "?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) RETURNING created;"},
      {&st.insert_deferred, writer,
       "INSERT INTO office_deferred_materials (receipt_number, material_id, due_date) "
       "VALUES (?1, ?2, ?3);"},
      {&st.savepoint, writer, "SAVEPOINT office_submission;"},
      {&st.release, writer, "RELEASE office_submission;"},
      {&st.rollback_to, writer, "ROLLBACK TO office_submission;"},
      {&st.find_deferred, writer,
       "SELECT due_date, supplied_on FROM office_deferred_materials "
       "WHERE receipt_number = ?1 AND material_id = ?2;"},
      {&st.supply, writer,
       "UPDATE office_deferred_materials SET supplied_on = ?3, reference = ?4 "
       "WHERE receipt_number = ?1 AND material_id = ?2;"},
      {&st.complete, writer,
       "UPDATE office_submissions SET status = ?2 WHERE receipt_number = ?1 AND NOT EXISTS "
       "(SELECT 1 FROM office_deferred_materials WHERE receipt_number = ?1 AND supplied_on IS "
       "NULL);"},
      {&st.insert_rating, writer,
       "INSERT INTO office_ratings (receipt_number, owner, level, body, rated_on) "
       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING;"},
      {&st.insert_follow_up, writer,
       "INSERT INTO office_follow_ups (receipt_number, owner, level, opened_on, due_date, status) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6);"},
      {&st.by_key, reader, select + " WHERE owner = ?1 AND idempotency_key = ?2;"},
      {&st.by_receipt, reader, select + " WHERE receipt_number = ?1;"},
      {&st.list, reader,
       select + " WHERE owner = ?1 ORDER BY created DESC, receipt_number DESC LIMIT " +
           std::to_string(kMaxListed) + ";"},
      {&st.deferred, reader,
       "SELECT material_id, due_date, supplied_on, reference FROM office_deferred_materials "
       "WHERE receipt_number = ?1 ORDER BY material_id;"},
      {&st.rating, reader,
       "SELECT level, body, rated_on FROM office_ratings WHERE receipt_number = ?1 AND owner = "
       "?2;"},
      {&st.follow_up, reader,
       "SELECT level, opened_on, due_date, status FROM office_follow_ups "
       "WHERE receipt_number = ?1 AND owner = ?2;"},
  };
  for (auto& s : statements) {
    *s.slot = prepare(s.db, s.sql, &st.error);
    if (!*s.slot) return;
  }
  st.ready = true;
}

OfficeStore::~OfficeStore() = default;

std::mutex& OfficeStore::read_mutex() {
  return statements_->reader ? statements_->reader_mutex : database_.connection_mutex();
}

CreateOutcome OfficeStore::create_submission(
    const NewSubmission& submission,
    const std::function<std::string(int64_t)>& receipt_number_for) {
  if (submission.package.size() > kMaxPackageBytes || too_long(submission.owner) ||
      too_long(submission.idempotency_key) || too_long(submission.item_id) ||
      submission.deferred.size() > kMaxListed) {
    CreateOutcome outcome;
    outcome.error = "create_submission: input exceeds the store's bounds";
    return outcome;
  }
  auto mine = std::make_shared<Pending>();
  mine->submission = &submission;
  mine->receipt_number_for = &receipt_number_for;
  {
    std::unique_lock lock(group_mutex_);
    queue_.push_back(mine);
    if (writing_) {
      lock.unlock();
      if (mine->await() == Pending::Turn::written) return std::move(mine->outcome);
      // Handed the writer's role: writing_ was left set for this caller.
    } else {
      writing_ = true;
    }
  }
  write_queued(mine.get());
  return std::move(mine->outcome);
}

void OfficeStore::write_queued(const Pending* mine) {
  std::array<std::shared_ptr<Pending>, kMaxGroup> group{};
  std::unique_lock lock(group_mutex_);
  for (bool mine_written = false; !mine_written;) {
    // Everything queued so far, this caller's own submission among it unless more than
    // kMaxGroup are ahead (then it writes again afterwards).
    size_t size = 0;
    while (!queue_.empty() && size < kMaxGroup) {
      group[size++] = std::move(queue_.front());
      queue_.pop_front();
    }
    lock.unlock();
    const std::span<const std::shared_ptr<Pending>> written(group.data(), size);
    write_group(written);
    for (const auto& pending : written) mine_written = mine_written || pending.get() == mine;
    lock.lock();
    ++groups_;
    grouped_submissions_ += size;
    std::shared_ptr<Pending> next;
    if (mine_written) {
      if (queue_.empty()) {
        writing_ = false;
      } else {
        next = queue_.front();
      }
    }
    lock.unlock();
    for (size_t i = 0; i < size; ++i) {
      if (group[i].get() != mine) group[i]->tell(Pending::Turn::written);
      group[i].reset();
    }
    if (next) next->tell(Pending::Turn::write);
    lock.lock();
  }
}

OfficeStore::GroupCommitStats OfficeStore::group_commit_stats() {
  std::lock_guard lock(group_mutex_);
  return {groups_, grouped_submissions_, queue_.size(), writing_};
}

void OfficeStore::write_group(std::span<const std::shared_ptr<Pending>> group) noexcept {
  const auto fail_all = [&](const std::string& error) {
    for (const auto& pending : group) {
      pending->outcome = CreateOutcome{};
      pending->outcome.error = error;
    }
  };
  try {
    std::lock_guard lock(database_.connection_mutex());
    if (!statements_->ready) return fail_all(statements_->error);
    sqlite3* db = database_.connection();
    // IMMEDIATE takes the write lock at once, so the reads inside (idempotency key, day
    // sequence) cannot race another writer, even one in another process.
    WriteTransaction transaction(db);
    if (!transaction.began()) return fail_all(transaction.error());
    for (const auto& pending : group) {
      write_one(*pending);
      // An I/O error or a full disk can end the whole transaction; then nothing of the group
      // is kept, and nothing after it may run outside a transaction.
      if (sqlite3_get_autocommit(db)) return fail_all(describe_error(db, "group commit"));
    }
    if (!transaction.commit()) return fail_all(transaction.error());
  } catch (...) {  // out of memory: the transaction has rolled back, nothing was kept
    for (const auto& pending : group) pending->outcome.ok = pending->outcome.created = false;
  }
}

// One submission of a group, inside its own savepoint: a failure rolls back only its rows.
void OfficeStore::write_one(Pending& pending) {
  Statements& st = *statements_;
  sqlite3* db = database_.connection();
  const NewSubmission& submission = *pending.submission;
  CreateOutcome& outcome = pending.outcome;
  {
    StatementUse find(st.key_on_writer.get());
    find.text(1, submission.owner).text(2, submission.idempotency_key);
    const int rc = find.step();
    if (rc == SQLITE_ROW) {  // committed earlier, or written earlier in this group
      outcome.ok = true;
      outcome.record = read_submission(st.key_on_writer.get());
      return;
    }
    if (rc != SQLITE_DONE) {
      outcome.error = describe_error(db, "find submission");
      return;
    }
  }
  if (!run(st.savepoint.get())) {
    outcome.error = describe_error(db, "savepoint");
    return;
  }
  SubmissionRecord record;
  const auto undo = [&](const char* what) {
    outcome.error = describe_error(db, what);
    run(st.rollback_to.get());
    run(st.release.get());
  };
  {
    StatementUse next(st.next_sequence.get());
    next.text(1, submission.received_on);
    if (next.step() != SQLITE_ROW) return undo("next day sequence");
    record.day_sequence = next.column_integer(0);
  }
  record.receipt_number = (*pending.receipt_number_for)(record.day_sequence);
  {
    StatementUse insert(st.insert.get());
    insert.text(1, record.receipt_number)
        .text(2, submission.owner)
        .text(3, submission.idempotency_key)
        .text(4, submission.item_id)
        .text(5, submission.status)
        .text(6, submission.received_on)
        .integer(7, record.day_sequence)
        .text(8, submission.promised_date)
        .text(9, submission.package);
    if (insert.step() != SQLITE_ROW) return undo("insert submission");
    record.created = insert.column_text(0);
  }  // reset here: a RETURNING statement must finish before the savepoint is released
  for (const auto& material : submission.deferred) {
    StatementUse owed(st.insert_deferred.get());
    owed.text(1, record.receipt_number).text(2, material.material_id).text(3, material.due_date);
    if (owed.step() != SQLITE_DONE) return undo("insert deferred material");
  }
  if (!run(st.release.get())) return undo("release savepoint");
  record.owner = submission.owner;
  record.idempotency_key = submission.idempotency_key;
  record.item_id = submission.item_id;
  record.status = submission.status;
  record.received_on = submission.received_on;
  record.promised_date = submission.promised_date;
  record.package = submission.package;
  outcome.ok = true;
  outcome.created = true;
  outcome.record = std::move(record);
}

std::optional<SubmissionRecord> OfficeStore::find_submission(const std::string& receipt_number) {
  if (too_long(receipt_number) || !statements_->ready) return std::nullopt;
  std::lock_guard lock(read_mutex());
  StatementUse row(statements_->by_receipt.get());
  row.text(1, receipt_number);
  if (row.step() != SQLITE_ROW) return std::nullopt;
  return read_submission(statements_->by_receipt.get());
}

std::optional<SubmissionRecord> OfficeStore::find_submission_by_key(
    const std::string& owner, const std::string& idempotency_key) {
  if (too_long(owner) || too_long(idempotency_key) || !statements_->ready) return std::nullopt;
  std::lock_guard lock(read_mutex());
  StatementUse row(statements_->by_key.get());
  row.text(1, owner).text(2, idempotency_key);
  if (row.step() != SQLITE_ROW) return std::nullopt;
  return read_submission(statements_->by_key.get());
}

std::vector<SubmissionRecord> OfficeStore::list_submissions(const std::string& owner) {
  std::vector<SubmissionRecord> records;
  if (too_long(owner) || !statements_->ready) return records;
  std::lock_guard lock(read_mutex());
  StatementUse rows(statements_->list.get());
  rows.text(1, owner);
  while (rows.step() == SQLITE_ROW) records.push_back(read_submission(statements_->list.get()));
  return records;
}

std::vector<DeferredMaterial> OfficeStore::deferred_materials(const std::string& receipt_number) {
  std::vector<DeferredMaterial> materials;
  if (too_long(receipt_number) || !statements_->ready) return materials;
  std::lock_guard lock(read_mutex());
  StatementUse rows(statements_->deferred.get());
  rows.text(1, receipt_number);
  while (rows.step() == SQLITE_ROW) {
    materials.push_back({rows.column_text(0), rows.column_text(1), rows.column_optional_text(2),
                         rows.column_optional_text(3)});
  }
  return materials;
}

SupplyOutcome OfficeStore::supply_material(const std::string& receipt_number,
                                           const std::string& material_id, const std::string& today,
                                           const std::string& reference,
                                           const std::string& complete_status) {
  if (too_long(receipt_number) || too_long(material_id) || too_long(reference)) {
    return SupplyOutcome::not_deferred;
  }
  if (!statements_->ready) return SupplyOutcome::failed;
  Statements& st = *statements_;
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* db = database_.connection();
  WriteTransaction transaction(db);
  if (!transaction.began()) return SupplyOutcome::failed;
  {
    StatementUse find(st.find_deferred.get());
    find.text(1, receipt_number).text(2, material_id);
    if (find.step() != SQLITE_ROW) return SupplyOutcome::not_deferred;
    const std::string due_date = find.column_text(0);
    if (find.column_optional_text(1)) return SupplyOutcome::already_supplied;
    if (today > due_date) return SupplyOutcome::past_due;
  }
  {
    StatementUse update(st.supply.get());
    update.text(1, receipt_number).text(2, material_id).text(3, today).text(4, reference);
    if (update.step() != SQLITE_DONE) return SupplyOutcome::failed;
  }
  {
    StatementUse complete(st.complete.get());
    complete.text(1, receipt_number).text(2, complete_status);
    if (complete.step() != SQLITE_DONE) return SupplyOutcome::failed;
  }
  return transaction.commit() ? SupplyOutcome::supplied : SupplyOutcome::failed;
}

RateOutcome OfficeStore::put_rating(const RatingRecord& rating,
                                    const std::optional<FollowUpRecord>& follow_up,
                                    std::string* error) {
  if (rating.body.size() > kMaxPackageBytes || too_long(rating.receipt_number) ||
      too_long(rating.owner)) {
    if (error) *error = "put_rating: input exceeds the store's bounds";
    return RateOutcome::failed;
  }
  Statements& st = *statements_;
  if (!st.ready) {
    if (error) *error = st.error;
    return RateOutcome::failed;
  }
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* db = database_.connection();
  WriteTransaction transaction(db);
  if (!transaction.began()) {
    if (error) *error = transaction.error();
    return RateOutcome::failed;
  }
  {
    StatementUse insert(st.insert_rating.get());
    insert.text(1, rating.receipt_number)
        .text(2, rating.owner)
        .integer(3, rating.level)
        .text(4, rating.body)
        .text(5, rating.rated_on);
    if (insert.step() != SQLITE_DONE) {
      if (error) *error = describe_error(db, "insert rating");
      return RateOutcome::failed;
    }
    if (sqlite3_changes(db) == 0) return RateOutcome::already_rated;
  }
  if (follow_up) {
    StatementUse open(st.insert_follow_up.get());
    open.text(1, follow_up->receipt_number)
        .text(2, follow_up->owner)
        .integer(3, follow_up->level)
        .text(4, follow_up->opened_on)
        .text(5, follow_up->due_date)
        .text(6, follow_up->status);
    if (open.step() != SQLITE_DONE) {
      if (error) *error = describe_error(db, "insert follow-up");
      return RateOutcome::failed;
    }
  }
  if (!transaction.commit()) {
    if (error) *error = transaction.error();
    return RateOutcome::failed;
  }
  return RateOutcome::rated;
}

std::optional<RatingRecord> OfficeStore::find_rating(const std::string& receipt_number,
                                                     const std::string& owner) {
  if (too_long(receipt_number) || too_long(owner) || !statements_->ready) return std::nullopt;
  std::lock_guard lock(read_mutex());
  StatementUse row(statements_->rating.get());
  row.text(1, receipt_number).text(2, owner);
  if (row.step() != SQLITE_ROW) return std::nullopt;
  return RatingRecord{receipt_number, owner, static_cast<int>(row.column_integer(0)),
                      row.column_text(1), row.column_text(2)};
}

std::optional<FollowUpRecord> OfficeStore::find_follow_up(const std::string& receipt_number,
                                                          const std::string& owner) {
  if (too_long(receipt_number) || too_long(owner) || !statements_->ready) return std::nullopt;
  std::lock_guard lock(read_mutex());
  StatementUse row(statements_->follow_up.get());
  row.text(1, receipt_number).text(2, owner);
  if (row.step() != SQLITE_ROW) return std::nullopt;
  return FollowUpRecord{receipt_number,
                        owner,
                        static_cast<int>(row.column_integer(0)),
                        row.column_text(1),
                        row.column_text(2),
                        row.column_text(3)};
}

}  // namespace haoban::store
