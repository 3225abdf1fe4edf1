#include "haoban/store/catalog_cache.h"

#include <mutex>

#include "haoban/store/sqlite_handles.h"
#include "haoban/store/statement_use.h"

namespace haoban::store {

struct CatalogCache::Impl {
  Database& database;
  Statement put, get, head;
  explicit Impl(Database& db) : database(db) {}
};

CatalogCache::CatalogCache(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CatalogCache::~CatalogCache() = default;

std::unique_ptr<CatalogCache> CatalogCache::open(Database& database, std::string* error) {
  auto impl = std::make_unique<Impl>(database);
  std::lock_guard lock(database.connection_mutex());
  sqlite3* db = database.connection();
  impl->put = prepare(db,
                      "INSERT INTO cached_catalogs (slot, version, etag, body, stored_ms) "
                      "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (slot) DO UPDATE SET "
                      "version = excluded.version, etag = excluded.etag, body = excluded.body, "
                      "stored_ms = excluded.stored_ms;",
                      error);
  if (impl->put)
    impl->get = prepare(
        db, "SELECT slot, version, etag, body, stored_ms FROM cached_catalogs WHERE slot = ?1;",
        error);
  if (impl->get)
    impl->head = prepare(
        db, "SELECT slot, version, etag, '', stored_ms FROM cached_catalogs WHERE slot = ?1;",
        error);
  if (!impl->head) return nullptr;
  return std::unique_ptr<CatalogCache>(new CatalogCache(std::move(impl)));
}

bool CatalogCache::put(const CachedCatalog& c, std::string* error) {
  const auto fits = [](const std::string& s) { return !s.empty() && s.size() <= kMaxTextBytes; };
  if (!fits(c.slot) || !fits(c.version) || c.etag.size() > kMaxTextBytes ||
      c.body.size() > kMaxBodyBytes) {
    if (error)
      *error = "cachedCatalog.put: slot and version must be 1 to " + std::to_string(kMaxTextBytes) +
               " bytes, the ETag at most that, the body at most " + std::to_string(kMaxBodyBytes);
    return false;
  }
  std::lock_guard lock(impl_->database.connection_mutex());
  StatementUse use(impl_->put.get());
  use.text(1, c.slot).text(2, c.version).text(3, c.etag).text(4, c.body).integer(5, c.stored_ms);
  if (use.step() == SQLITE_DONE) return true;
  if (error) *error = describe_error(impl_->database.connection(), "cachedCatalog.put");
  return false;
}

namespace {

std::optional<CachedCatalog> read_one(Database& database, sqlite3_stmt* stmt,
                                      const std::string& slot) {
  if (slot.size() > CatalogCache::kMaxTextBytes) return std::nullopt;
  std::lock_guard lock(database.connection_mutex());
  StatementUse row(stmt);
  row.text(1, slot);
  if (row.step() != SQLITE_ROW) return std::nullopt;
  return CachedCatalog{row.column_text(0), row.column_text(1), row.column_text(2),
                       row.column_text(3), row.column_integer(4)};
}

}  // namespace

std::optional<CachedCatalog> CatalogCache::get(const std::string& slot) {
  return read_one(impl_->database, impl_->get.get(), slot);
}

std::optional<CachedCatalog> CatalogCache::head(const std::string& slot) {
  return read_one(impl_->database, impl_->head.get(), slot);
}

}  // namespace haoban::store
