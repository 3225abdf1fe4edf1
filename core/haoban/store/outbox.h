// The submission outbox of an applicant's device. A checked package is queued under its
// idempotency key (the package's SHA-256 digest), so queueing it twice queues it once, and the
// back office, which dedupes on the same key, accepts it once however often it is resent.
//   queued ──begin_send──▶ sending ──mark_sent──▶ sent
//     ▲                      │ mark_retry (network down, 5xx): queued again, later
//     └──────────────────────┘ mark_failed (refused for good, e.g. 422): failed
// A send that never reported back (the tab was closed) is due again once its lease expires.
// Times are the host's clock (ms since the epoch), passed in: the store reads no clock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "haoban/store/database.h"

namespace haoban::store {

struct BackoffPolicy {
  int64_t base_ms = 2'000;    // the first retry waits this long
  int64_t max_ms = 600'000;   // the wait doubles per attempt up to this cap (10 min)
  int64_t lease_ms = 60'000;  // a "sending" entry with no outcome after this is due again
};

// The wait before retry number `attempts` (1 after the first failed attempt): base · 2^(n−1),
// capped at max_ms. Deterministic, so tests and hosts can rely on it.
int64_t backoff_delay_ms(int attempts, const BackoffPolicy& policy);

struct OutboxEntry {
  std::string idempotency_key;
  std::string item_id;
  std::string body;   // what the host will POST, kept verbatim
  std::string state;  // queued / sending / sent / failed
  int attempts = 0;   // sends begun
  int64_t next_attempt_ms = 0;
  std::optional<std::string> last_error;
  std::optional<std::string> receipt_number;
  int64_t created_ms = 0;
  int64_t updated_ms = 0;
};

struct EnqueueOutcome {
  bool ok = false;
  bool created = false;  // false: the key was queued before and `entry` is that entry
  OutboxEntry entry;
  std::string error;
};

class Outbox {
 public:
  static constexpr size_t kMaxKeyBytes = 128;
  static constexpr size_t kMaxItemBytes = 256;
  static constexpr size_t kMaxBodyBytes = 4 * 1024 * 1024;
  static constexpr size_t kMaxErrorBytes = 1024;
  // Unsent entries a device may hold: far above any real use, low enough to bound storage.
  static constexpr int64_t kMaxUnsent = 500;
  static constexpr size_t kMaxListed = 500;

  // Prepares the statements; null with *error when the schema lacks the outbox.
  static std::unique_ptr<Outbox> open(Database& database, const BackoffPolicy& policy,
                                      std::string* error);
  ~Outbox();

  EnqueueOutcome enqueue(const std::string& key, const std::string& item_id,
                         const std::string& body, int64_t now_ms);
  // Queued entries whose next attempt is due, and sends whose lease expired, oldest first.
  std::vector<OutboxEntry> due(int64_t now_ms, size_t limit);
  // Every entry that is not sent (queued, sending, failed), oldest first.
  std::vector<OutboxEntry> pending();
  std::optional<OutboxEntry> find(const std::string& key);

  // queued (or lease-expired sending) → sending, attempts + 1. False when the entry is not due
  // (another tab is sending it, or its backoff has not elapsed) or does not exist.
  bool begin_send(const std::string& key, int64_t now_ms, std::string* error);
  // sending/queued → sent, with the back office's receipt number. Idempotent: a sent entry
  // stays sent (a duplicate response changes nothing).
  bool mark_sent(const std::string& key, const std::string& receipt_number, int64_t now_ms,
                 std::string* error);
  // sending → queued, next attempt after backoff_delay_ms(attempts).
  bool mark_retry(const std::string& key, const std::string& reason, int64_t now_ms,
                  std::string* error);
  // → failed (kept for the applicant to see and fix); not retried.
  bool mark_failed(const std::string& key, const std::string& reason, int64_t now_ms,
                   std::string* error);
  // Deletes an entry (a sent one once its receipt is stored, or a failed one given up).
  bool remove(const std::string& key, std::string* error);

 private:
  struct Impl;
  explicit Outbox(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace haoban::store
