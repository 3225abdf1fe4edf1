// The back office's records, kept by the stub (server-stub) in the same SQLite file as the
// drafts: accepted submissions and their receipts (受理编号), 容缺 materials owed, 好差评
// ratings, and the follow-ups that bad ratings open. Every write is one transaction through
// prepared statements; every read of a row says whose it is, so the caller can refuse others.
// Dates are ISO "YYYY-MM-DD" strings, compared as text (which orders them correctly).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
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

  // How a commit reaches the disk (PRAGMA synchronous on the shared connection). In WAL mode
  // `full` fsyncs the WAL at every COMMIT, so a receipt the stub has answered with survives a
  // crash of the process and of the machine: the default, because an acknowledged submission
  // must never be lost. `normal` fsyncs only at checkpoints: it survives kill -9 (the WAL is
  // in the OS cache) but may lose the last commits on power loss; for measurements only.
  enum class Durability { full, normal };
  explicit OfficeStore(Database& database, Durability durability = Durability::full);

  // Inserts the submission, or — when (owner, idempotency_key) exists — returns the earlier
  // record and changes nothing. The receipt number is made inside the transaction from the
  // day's next sequence number (1, 2, …) by `receipt_number_for`.
  CreateOutcome create_submission(const NewSubmission& submission,
                                  const std::function<std::string(int64_t)>& receipt_number_for);

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
  Database& database_;
};

}  // namespace haoban::store
