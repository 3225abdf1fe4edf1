// The SQLite store that hosts (the stub, the wasm package, the workbench) use beside the
// engine: drafts now; outbox, receipts and the cached catalogue in later migrations.
// The same code runs natively (a file, WAL journal) and in wasm (MEMFS/IDBFS, rollback journal).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace haoban::store {

class Database {
 public:
  // Opens (creating if needed) the database at `path` (":memory:" allowed) and applies every
  // pending migration, each in its own transaction. On failure returns nullptr and describes
  // the problem in *error (when error is not null); it never throws for an unusable file.
  static std::unique_ptr<Database> open(const std::string& path, std::string* error);

  // The schema version after migrations (PRAGMA user_version).
  int schema_version() const;

  // Inserts or replaces the draft `id` with `json` (stored verbatim) and stamps `updated`.
  // Ids and bodies are bounded (see database.cpp); oversized input is refused, not truncated.
  bool put_draft(const std::string& id, const std::string& json, std::string* error);
  // The stored body of draft `id`, or nullopt when there is none (or the read failed).
  std::optional<std::string> get_draft(const std::string& id);

  struct DraftInfo {
    std::string id;
    std::string updated;  // UTC, ISO 8601 with milliseconds
    size_t bytes = 0;
  };
  // Every draft's id, last update and size (not the bodies), most recently updated first,
  // at most kMaxListedDrafts.
  static constexpr size_t kMaxListedDrafts = 1000;
  std::vector<DraftInfo> list_drafts();
  // True when a draft was deleted; false (error empty) when there was none.
  bool delete_draft(const std::string& id, std::string* error);

  // For the back-office tables (office_store.h), which share this connection: the handle,
  // and the mutex that every use of it must hold (the stub's handlers run on a thread pool).
  sqlite3* connection() const;
  std::mutex& connection_mutex() const;

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace haoban::store
