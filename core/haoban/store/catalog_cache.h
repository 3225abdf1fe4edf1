// The cached catalogue on the applicant's device: the last catalogue downloaded, with its
// version and HTTP ETag, so start-up is a conditional GET (If-None-Match) and works offline.
// One per slot (a region, "default"); storing again replaces it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "haoban/store/database.h"

namespace haoban::store {

struct CachedCatalog {
  std::string slot;
  std::string version;
  std::string etag;
  std::string body;  // the catalogue JSON, verbatim
  int64_t stored_ms = 0;
};

class CatalogCache {
 public:
  static constexpr size_t kMaxTextBytes = 256;
  // A catalogue of 11,449 items is tens of MB of JSON; leave room, refuse the absurd.
  static constexpr size_t kMaxBodyBytes = 64 * 1024 * 1024;

  static std::unique_ptr<CatalogCache> open(Database& database, std::string* error);
  ~CatalogCache();

  bool put(const CachedCatalog& catalog, std::string* error);
  std::optional<CachedCatalog> get(const std::string& slot);
  // Version and ETag only, without reading the body (what a conditional GET needs).
  std::optional<CachedCatalog> head(const std::string& slot);

 private:
  struct Impl;
  explicit CatalogCache(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace haoban::store
