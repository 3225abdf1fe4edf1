// The back office's records, kept by the stub (server-stub) in the same SQLite file as the
// drafts: accepted submissions and their receipts (受理编号), 容缺 materials owed, 好差评
// ratings, and the follow-ups that bad ratings open. Every statement is prepared once, when the
// store is made; every read of a row says whose it is, so the caller can refuse others.
// Dates are ISO "YYYY-MM-DD" strings, compared as text (which orders them correctly).
//
// Submissions are group-committed: callers that arrive while a commit is under way queue up,
// and the next of them to get the writer writes the whole queue in ONE transaction (each
// submission in its own savepoint, so one that fails does not fail the others) and one fsync.
// Every caller returns only after the transaction holding its submission has committed.
// Reads go through a second connection to the same file (WAL), so they do not wait for a
// commit's fsync; an in-memory database has one connection for both.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "haoban/store/database.h"

namespace haoban::store {

struct DeferredMaterial {
  std::string material_id;
  std::string due_date;
  std::optional<std::string> supplied_on;
  std::optional<std::string> reference;
};

struct SubmissionRecord {
  std::string receipt_number;
  std::string owner;
  std::string idempotency_key;
  std::string item_id;
  std::string status;
  std::string received_on;
  int64_t day_sequence = 0;
  std::string promised_date;
  std::string package;  // the accepted package, JSON text kept verbatim
  std::string created;  // UTC timestamp of the insert
};

struct NewSubmission {
  std::string owner;
  std::string idempotency_key;
  std::string item_id;
  std::string status;
  std::string received_on;
  std::string promised_date;
  std::string package;
  std::vector<DeferredMaterial> deferred;  // 容缺 materials owed, with their due dates
};

struct CreateOutcome {
  bool ok = false;
  bool created = false;  // false: the key was seen before and `record` is the earlier receipt
  SubmissionRecord record;
  std::string error;
};

enum class SupplyOutcome { supplied, not_deferred, already_supplied, past_due, failed };

struct RatingRecord {
  std::string receipt_number;
  std::string owner;
  int level = 0;     // 5 非常满意 … 1 非常不满意
  std::string body;  // the rating's JSON text (indicators, tags, free text)
  std::string rated_on;
};

struct FollowUpRecord {
  std::string receipt_number;
  std::string owner;
  int level = 0;
  std::string opened_on;
  std::string due_date;
  std::string status;  // open / closed
};

enum class RateOutcome { rated, already_rated, failed };

class OfficeStore {
 public:
  // Bounds on what one call may store.
  static constexpr size_t kMaxPackageBytes = 4 * 1024 * 1024;
  static constexpr size_t kMaxTextBytes = 256;
  static constexpr size_t kMaxListed = 500;
  // At most this many submissions in one group commit (bounds the transaction and the time
  // the writer is held; the rest wait for the next one).
  static constexpr size_t kMaxGroup = 256;

  // How a commit reaches the disk (PRAGMA synchronous on the shared connection). In WAL mode
  // `full` fsyncs the WAL at every COMMIT, so a receipt the stub has answered with survives a
  // crash of the process and of the machine: the default, because an acknowledged submission
  // must never be lost. `normal` fsyncs only at checkpoints: it survives kill -9 (the WAL is
  // in the OS cache) but may lose the last commits on power loss; for measurements only.
  enum class Durability { full, normal };
  explicit OfficeStore(Database& database, Durability durability = Durability::full);
  ~OfficeStore();
  OfficeStore(const OfficeStore&) = delete;
  OfficeStore& operator=(const OfficeStore&) = delete;

  // Inserts the submission, or — when (owner, idempotency_key) exists, also written by a
  // concurrent caller in the same group — returns the earlier record and changes nothing.
  // The receipt number is made inside the transaction from the day's next sequence number
  // (1, 2, …) by `receipt_number_for`. Thread-safe; returns once the commit is durable.
  CreateOutcome create_submission(const NewSubmission& submission,
                                  const std::function<std::string(int64_t)>& receipt_number_for);

  // What group commit has done so far: groups written (one transaction each) and the
  // submissions in them; and now, how many callers wait unclaimed and whether one is writing.
  struct GroupCommitStats {
    uint64_t groups = 0;
    uint64_t submissions = 0;
    size_t waiting = 0;
    bool writing = false;
  };
  GroupCommitStats group_commit_stats();

  std::optional<SubmissionRecord> find_submission(const std::string& receipt_number);
  std::optional<SubmissionRecord> find_submission_by_key(const std::string& owner,
                                                         const std::string& idempotency_key);
  // The owner's submissions, newest first, at most kMaxListed.
  std::vector<SubmissionRecord> list_submissions(const std::string& owner);
  std::vector<DeferredMaterial> deferred_materials(const std::string& receipt_number);

  // Records a 容缺 material as supplied on `today` if it is owed and not past its due date.
  // When the last one is supplied the submission's status becomes `complete_status`.
  SupplyOutcome supply_material(const std::string& receipt_number, const std::string& material_id,
                                const std::string& today, const std::string& reference,
                                const std::string& complete_status);

  // Stores the rating and, when given, its follow-up, in one transaction; one per
  // (case, applicant): a second rating is refused.
  RateOutcome put_rating(const RatingRecord& rating, const std::optional<FollowUpRecord>& follow_up,
                         std::string* error);
  std::optional<RatingRecord> find_rating(const std::string& receipt_number,
                                          const std::string& owner);
  std::optional<FollowUpRecord> find_follow_up(const std::string& receipt_number,
                                               const std::string& owner);

 private:
  struct Statements;
  struct Pending;
  // The writer's loop: writes queued groups until the one holding `mine` is written, then
  // hands the writer's role to the next caller queued, if any.
  void write_queued(const Pending* mine);
  void write_group(std::span<const std::shared_ptr<Pending>> group) noexcept;
  void write_one(Pending& pending);
  // The connection and lock for reads: the reader when there is one, else the writer.
  std::mutex& read_mutex();

  Database& database_;
  std::unique_ptr<Statements> statements_;
  // Group commit: who waits, and whether someone is writing a group now (or has just been
  // handed the writer's role). Each caller waits on its own Pending, so a commit wakes only
  // the callers it wrote and the next writer, not everyone queued. Shared, because the writer
  // still holds a caller's Pending while it wakes it, and the caller may return at once.
  std::mutex group_mutex_;
  std::deque<std::shared_ptr<Pending>> queue_;
  bool writing_ = false;
  uint64_t groups_ = 0, grouped_submissions_ = 0;
};

}  // namespace haoban::store
