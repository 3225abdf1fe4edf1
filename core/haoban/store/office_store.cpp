#include "haoban/store/office_store.h"

#include <initializer_list>
#include <mutex>
#include <string_view>

#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {
namespace {

// Not called bind(): with a std::string argument, ADL would pick std::bind for non-const lvalues.
void bind_text(sqlite3_stmt* stmt, int index, std::string_view text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string text_at(sqlite3_stmt* stmt, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
  const int bytes = sqlite3_column_bytes(stmt, column);
  return text ? std::string(text, static_cast<size_t>(bytes)) : std::string();
}

std::optional<std::string> optional_text_at(sqlite3_stmt* stmt, int column) {
  if (sqlite3_column_type(stmt, column) == SQLITE_NULL) return std::nullopt;
  return text_at(stmt, column);
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

// A query of at most one row, with text parameters ?1, ?2, …: the row as `read` makes it.
template <class Read>
auto query_one(sqlite3* db, const std::string& sql, std::initializer_list<std::string_view> params,
               Read read) -> std::optional<decltype(read(nullptr))> {
  Statement stmt = prepare(db, sql, nullptr);
  if (!stmt) return std::nullopt;
  int index = 0;
  for (const auto param : params) bind_text(stmt.get(), ++index, param);
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) return std::nullopt;
  return read(stmt.get());
}

std::optional<SubmissionRecord> find_by_key(sqlite3* db, const std::string& owner,
                                            const std::string& key) {
  return query_one(db,
                   std::string("SELECT ") + kSubmissionColumns +
                       " FROM office_submissions WHERE owner = ?1 AND idempotency_key = ?2;",
                   {owner, key}, read_submission);
}

bool too_long(const std::string& text) { return text.size() > OfficeStore::kMaxTextBytes; }

}  // namespace

OfficeStore::OfficeStore(Database& database, Durability durability) : database_(database) {
  std::lock_guard lock(database_.connection_mutex());
  run_script(database_.connection(),
             durability == Durability::full ? "PRAGMA synchronous = FULL;"
                                            : "PRAGMA synchronous = NORMAL;",
             nullptr);
}

CreateOutcome OfficeStore::create_submission(
    const NewSubmission& submission,
    const std::function<std::string(int64_t)>& receipt_number_for) {
  CreateOutcome outcome;
  if (submission.package.size() > kMaxPackageBytes || too_long(submission.owner) ||
      too_long(submission.idempotency_key) || too_long(submission.item_id) ||
      submission.deferred.size() > kMaxListed) {
    outcome.error = "create_submission: input exceeds the store's bounds";
    return outcome;
  }
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* db = database_.connection();
  // IMMEDIATE takes the write lock at once, so the reads inside (idempotency key, day sequence)
  // cannot race another writer, even one in another process.
  WriteTransaction transaction(db);
  if (!transaction.began()) {
    outcome.error = transaction.error();
    return outcome;
  }
  std::string error;
  if (auto existing = find_by_key(db, submission.owner, submission.idempotency_key)) {
    outcome.ok = true;
    outcome.record = std::move(*existing);
    return outcome;  // the transaction rolls back: nothing was written
  }
  Statement next = prepare(db,
                           "SELECT COALESCE(MAX(day_sequence), 0) + 1 FROM office_submissions "
                           "WHERE received_on = ?1;",
                           &error);
  if (!next) {
    outcome.error = error;
    return outcome;
  }
  bind_text(next.get(), 1, submission.received_on);
  if (sqlite3_step(next.get()) != SQLITE_ROW) {
    outcome.error = describe_error(db, "next day sequence");
    return outcome;
  }
  SubmissionRecord record;
  record.day_sequence = sqlite3_column_int64(next.get(), 0);
  record.receipt_number = receipt_number_for(record.day_sequence);

  Statement insert = prepare(db,
                             "INSERT INTO office_submissions (receipt_number, owner, "
                             "idempotency_key, item_id, status, received_on, day_sequence, "
                             "promised_date, package, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                             "?8, ?9, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) RETURNING created;",
                             &error);
  if (!insert) {
    outcome.error = error;
    return outcome;
  }
  bind_text(insert.get(), 1, record.receipt_number);
  bind_text(insert.get(), 2, submission.owner);
  bind_text(insert.get(), 3, submission.idempotency_key);
  bind_text(insert.get(), 4, submission.item_id);
  bind_text(insert.get(), 5, submission.status);
  bind_text(insert.get(), 6, submission.received_on);
  sqlite3_bind_int64(insert.get(), 7, record.day_sequence);
  bind_text(insert.get(), 8, submission.promised_date);
  bind_text(insert.get(), 9, submission.package);
  if (sqlite3_step(insert.get()) != SQLITE_ROW) {
    outcome.error = describe_error(db, "insert submission");
    return outcome;
  }
  record.created = text_at(insert.get(), 0);
  insert.reset();  // a RETURNING statement must finish before COMMIT

  Statement owed = prepare(db,
                           "INSERT INTO office_deferred_materials (receipt_number, material_id, "
                           "due_date) VALUES (?1, ?2, ?3);",
                           &error);
  if (!owed) {
    outcome.error = error;
    return outcome;
  }
  for (const auto& material : submission.deferred) {
    bind_text(owed.get(), 1, record.receipt_number);
    bind_text(owed.get(), 2, material.material_id);
    bind_text(owed.get(), 3, material.due_date);
    if (sqlite3_step(owed.get()) != SQLITE_DONE) {
      outcome.error = describe_error(db, "insert deferred material");
      return outcome;
    }
    sqlite3_reset(owed.get());
  }
  if (!transaction.commit()) {
    outcome.error = transaction.error();
    return outcome;
  }
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
  return outcome;
}

std::optional<SubmissionRecord> OfficeStore::find_submission(const std::string& receipt_number) {
  if (too_long(receipt_number)) return std::nullopt;
  std::lock_guard lock(database_.connection_mutex());
  return query_one(database_.connection(),
                   std::string("SELECT ") + kSubmissionColumns +
                       " FROM office_submissions WHERE receipt_number = ?1;",
                   {receipt_number}, read_submission);
}

std::optional<SubmissionRecord> OfficeStore::find_submission_by_key(
    const std::string& owner, const std::string& idempotency_key) {
  if (too_long(owner) || too_long(idempotency_key)) return std::nullopt;
  std::lock_guard lock(database_.connection_mutex());
  return find_by_key(database_.connection(), owner, idempotency_key);
}

std::vector<SubmissionRecord> OfficeStore::list_submissions(const std::string& owner) {
  std::vector<SubmissionRecord> records;
  if (too_long(owner)) return records;
  std::lock_guard lock(database_.connection_mutex());
  Statement stmt = prepare(database_.connection(),
                           std::string("SELECT ") + kSubmissionColumns +
                               " FROM office_submissions WHERE owner = ?1 "
                               "ORDER BY created DESC, receipt_number DESC LIMIT ?2;",
                           nullptr);
  if (!stmt) return records;
  bind_text(stmt.get(), 1, owner);
  sqlite3_bind_int64(stmt.get(), 2, static_cast<int64_t>(kMaxListed));
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) records.push_back(read_submission(stmt.get()));
  return records;
}

std::vector<DeferredMaterial> OfficeStore::deferred_materials(const std::string& receipt_number) {
  std::vector<DeferredMaterial> materials;
  if (too_long(receipt_number)) return materials;
  std::lock_guard lock(database_.connection_mutex());
  Statement stmt = prepare(database_.connection(),
                           "SELECT material_id, due_date, supplied_on, reference FROM "
                           "office_deferred_materials WHERE receipt_number = ?1 "
                           "ORDER BY material_id;",
                           nullptr);
  if (!stmt) return materials;
  bind_text(stmt.get(), 1, receipt_number);
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    materials.push_back({text_at(stmt.get(), 0), text_at(stmt.get(), 1),
                         optional_text_at(stmt.get(), 2), optional_text_at(stmt.get(), 3)});
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
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* db = database_.connection();
  WriteTransaction transaction(db);
  if (!transaction.began()) return SupplyOutcome::failed;
  Statement find = prepare(db,
                           "SELECT due_date, supplied_on FROM office_deferred_materials "
                           "WHERE receipt_number = ?1 AND material_id = ?2;",
                           nullptr);
  if (!find) return SupplyOutcome::failed;
  bind_text(find.get(), 1, receipt_number);
  bind_text(find.get(), 2, material_id);
  if (sqlite3_step(find.get()) != SQLITE_ROW) return SupplyOutcome::not_deferred;
  const std::string due_date = text_at(find.get(), 0);
  if (sqlite3_column_type(find.get(), 1) != SQLITE_NULL) return SupplyOutcome::already_supplied;
  if (today > due_date) return SupplyOutcome::past_due;
  find.reset();

  Statement update =
      prepare(db,
              "UPDATE office_deferred_materials SET supplied_on = ?3, reference = ?4 "
              "WHERE receipt_number = ?1 AND material_id = ?2;",
              nullptr);
  if (!update) return SupplyOutcome::failed;
  bind_text(update.get(), 1, receipt_number);
  bind_text(update.get(), 2, material_id);
  bind_text(update.get(), 3, today);
  bind_text(update.get(), 4, reference);
  if (sqlite3_step(update.get()) != SQLITE_DONE) return SupplyOutcome::failed;

  Statement complete =
      prepare(db,
              "UPDATE office_submissions SET status = ?2 WHERE receipt_number = ?1 "
              "AND NOT EXISTS (SELECT 1 FROM office_deferred_materials WHERE "
              "receipt_number = ?1 AND supplied_on IS NULL);",
              nullptr);
  if (!complete) return SupplyOutcome::failed;
  bind_text(complete.get(), 1, receipt_number);
  bind_text(complete.get(), 2, complete_status);
  if (sqlite3_step(complete.get()) != SQLITE_DONE) return SupplyOutcome::failed;
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
  std::lock_guard lock(database_.connection_mutex());
  sqlite3* db = database_.connection();
  WriteTransaction transaction(db);
  if (!transaction.began()) {
    if (error) *error = transaction.error();
    return RateOutcome::failed;
  }
  Statement insert = prepare(db,
                             "INSERT INTO office_ratings (receipt_number, owner, level, body, "
                             "rated_on) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING;",
                             error);
  if (!insert) return RateOutcome::failed;
  bind_text(insert.get(), 1, rating.receipt_number);
  bind_text(insert.get(), 2, rating.owner);
  sqlite3_bind_int(insert.get(), 3, rating.level);
  bind_text(insert.get(), 4, rating.body);
  bind_text(insert.get(), 5, rating.rated_on);
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    if (error) *error = describe_error(db, "insert rating");
    return RateOutcome::failed;
  }
  if (sqlite3_changes(db) == 0) return RateOutcome::already_rated;
  if (follow_up) {
    Statement open = prepare(db,
                             "INSERT INTO office_follow_ups (receipt_number, owner, level, "
                             "opened_on, due_date, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6);",
                             error);
    if (!open) return RateOutcome::failed;
    bind_text(open.get(), 1, follow_up->receipt_number);
    bind_text(open.get(), 2, follow_up->owner);
    sqlite3_bind_int(open.get(), 3, follow_up->level);
    bind_text(open.get(), 4, follow_up->opened_on);
    bind_text(open.get(), 5, follow_up->due_date);
    bind_text(open.get(), 6, follow_up->status);
    if (sqlite3_step(open.get()) != SQLITE_DONE) {
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
  if (too_long(receipt_number) || too_long(owner)) return std::nullopt;
  std::lock_guard lock(database_.connection_mutex());
  return query_one(database_.connection(),
                   "SELECT level, body, rated_on FROM office_ratings "
                   "WHERE receipt_number = ?1 AND owner = ?2;",
                   {receipt_number, owner}, [&](sqlite3_stmt* row) {
                     return RatingRecord{receipt_number, owner, sqlite3_column_int(row, 0),
                                         text_at(row, 1), text_at(row, 2)};
                   });
}

std::optional<FollowUpRecord> OfficeStore::find_follow_up(const std::string& receipt_number,
                                                          const std::string& owner) {
  if (too_long(receipt_number) || too_long(owner)) return std::nullopt;
  std::lock_guard lock(database_.connection_mutex());
  return query_one(database_.connection(),
                   "SELECT level, opened_on, due_date, status FROM office_follow_ups "
                   "WHERE receipt_number = ?1 AND owner = ?2;",
                   {receipt_number, owner}, [&](sqlite3_stmt* row) {
                     return FollowUpRecord{
                         receipt_number,  owner,           sqlite3_column_int(row, 0),
                         text_at(row, 1), text_at(row, 2), text_at(row, 3)};
                   });
}

}  // namespace haoban::store
