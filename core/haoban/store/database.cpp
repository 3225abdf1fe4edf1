#include "haoban/store/database.h"

#include <mutex>
#include <utility>

#include "haoban/store/migrations.h"
#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {
namespace {

// Bounds on what a host may store, so a hostile or buggy caller cannot fill the disk
// (or a phone's IndexedDB quota) through one call.
constexpr size_t kMaxDraftIdBytes = 256;
constexpr size_t kMaxDraftBodyBytes = 8 * 1024 * 1024;
// A writer holding the lock (another stub process, a backup) is waited for this long.
constexpr int kBusyTimeoutMs = 5000;

}  // namespace

struct Database::Impl {
  Connection db;
  int schema_version = 0;
  // One connection and its cached statements are shared by the stub's worker threads.
  std::mutex mutex;
  Statement put_draft;
  Statement get_draft;
  Statement list_drafts;
  Statement delete_draft;
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& path, std::string* error) {
  if (path.empty()) {
    set_error(error, "open: empty database path");
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  impl->db.reset(raw);
  if (rc != SQLITE_OK) {
    set_error(error, describe_error(raw, "open " + path));
    return nullptr;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);

  // Reading the header is the first real access: a file that is not a database fails here.
  std::string step_error;
  if (read_schema_version(raw, &step_error) < 0) {
    set_error(error, "open " + path + ": " + step_error);
    return nullptr;
  }
#ifndef __EMSCRIPTEN__
  // Natively, WAL lets readers proceed during a commit. In wasm the file lives in MEMFS/IDBFS,
  // where WAL's shared memory cannot work (SQLite is built with SQLITE_OMIT_WAL there).
  // An in-memory database answers "memory" and keeps its journal mode; that is fine.
  if (!run_script(raw, "PRAGMA journal_mode = WAL;", &step_error)) {
    set_error(error, "open " + path + ": " + step_error);
    return nullptr;
  }
#endif
  if (!migrate(raw, &impl->schema_version, &step_error)) {
    set_error(error, "open " + path + ": " + step_error);
    return nullptr;
  }
  impl->put_draft =
      prepare(raw,
              "INSERT INTO drafts (id, body, updated) "
              "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
              "ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated = excluded.updated;",
              &step_error);
  if (impl->put_draft)
    impl->get_draft = prepare(raw, "SELECT body FROM drafts WHERE id = ?1;", &step_error);
  if (impl->get_draft)
    impl->list_drafts = prepare(raw,
                                "SELECT id, updated, length(CAST(body AS BLOB)) FROM drafts "
                                "ORDER BY updated DESC, id LIMIT " +
                                    std::to_string(kMaxListedDrafts) + ";",
                                &step_error);
  if (impl->list_drafts)
    impl->delete_draft = prepare(raw, "DELETE FROM drafts WHERE id = ?1;", &step_error);
  if (!impl->put_draft || !impl->get_draft || !impl->list_drafts || !impl->delete_draft) {
    set_error(error, "open " + path + ": " + step_error);
    return nullptr;
  }
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

int Database::schema_version() const { return impl_->schema_version; }

sqlite3* Database::connection() const { return impl_->db.get(); }
std::mutex& Database::connection_mutex() const { return impl_->mutex; }

bool Database::put_draft(const std::string& id, const std::string& json, std::string* error) {
  if (id.empty() || id.size() > kMaxDraftIdBytes) {
    set_error(error, "put_draft: id must be 1 to " + std::to_string(kMaxDraftIdBytes) + " bytes");
    return false;
  }
  if (json.size() > kMaxDraftBodyBytes) {
    set_error(error, "put_draft: body exceeds " + std::to_string(kMaxDraftBodyBytes) + " bytes");
    return false;
  }
  std::lock_guard lock(impl_->mutex);
  sqlite3_stmt* stmt = impl_->put_draft.get();
  // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's strings may go away.
  sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
  int rc = sqlite3_step(stmt);
  bool ok = rc == SQLITE_DONE;
  if (!ok) set_error(error, describe_error(impl_->db.get(), "put_draft"));
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return ok;
}

std::optional<std::string> Database::get_draft(const std::string& id) {
  if (id.empty() || id.size() > kMaxDraftIdBytes) return std::nullopt;
  std::lock_guard lock(impl_->mutex);
  sqlite3_stmt* stmt = impl_->get_draft.get();
  sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
  std::optional<std::string> body;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    // Ask for the text first, then its length: the byte count is exact even with NULs inside.
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    int bytes = sqlite3_column_bytes(stmt, 0);
    body.emplace(text ? text : "", static_cast<size_t>(bytes));
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return body;
}

std::vector<Database::DraftInfo> Database::list_drafts() {
  std::vector<DraftInfo> out;
  std::lock_guard lock(impl_->mutex);
  StatementUse rows(impl_->list_drafts.get());
  while (rows.step() == SQLITE_ROW)
    out.push_back(
        {rows.column_text(0), rows.column_text(1), static_cast<size_t>(rows.column_integer(2))});
  return out;
}

bool Database::delete_draft(const std::string& id, std::string* error) {
  if (id.empty() || id.size() > kMaxDraftIdBytes) return false;
  std::lock_guard lock(impl_->mutex);
  StatementUse use(impl_->delete_draft.get());
  use.text(1, id);
  if (use.step() != SQLITE_DONE) {
    set_error(error, describe_error(impl_->db.get(), "delete_draft"));
    return false;
  }
  return sqlite3_changes(impl_->db.get()) > 0;
}

}  // namespace haoban::store
