// The catalogue file the stub serves at GET /api/v1/catalog. It is re-read only when its
// size or modification time changes, and carries a strong ETag (a hash of its bytes) so
// that clients can revalidate with If-None-Match instead of downloading it again. Each version
// is compressed once, when read (brotli and gzip, ~8× smaller for catalogue JSON), never per
// request. Its packed form (GET /api/v1/catalog?format=pack, docs/catalog-format.md) is made by
// the first request that asks for it, once per version.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace haoban::http {

class CatalogFile {
 public:
  // The catalogue in one format: its bytes, their ETag and their encodings.
  struct Representation {
    std::string body;
    std::string etag;  // quoted, e.g. "\"9f2c…\""
    // The body brotli- and gzip-encoded; empty when that coding failed or was not smaller.
    std::string br;
    std::string gzip;

    // Sets etag (the hash of body, then `tag`, e.g. "-pack") and the encodings from body.
    void encode(std::string_view tag = "");
  };

  // The file as JSON, with its packed form.
  struct Snapshot : Representation {
    struct Packed : Representation {
      std::string error;  // why body is empty: the catalogue does not load
    };
    // The packed catalogue (catalog::pack_catalog of body), made on first use. Thread-safe.
    const Packed& packed() const;

   private:
    mutable std::once_flag packed_once_;
    mutable Packed packed_;
  };

  explicit CatalogFile(std::filesystem::path path);

  // The current contents, or nullptr when the file is missing, unreadable or too large
  // (*error then says which). Thread-safe.
  std::shared_ptr<const Snapshot> load(std::string* error);

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  std::shared_ptr<const Snapshot> cached_;
  std::filesystem::file_time_type cached_mtime_{};
  std::uintmax_t cached_size_ = 0;
};

// 64-bit FNV-1a of the bytes as 16 hex digits: enough to tell versions apart, not a MAC.
std::string content_hash_hex(std::string_view bytes);

// The bytes brotli-encoded (quality 5: a few ms per 100 KB, within ~15 % of quality 11 on
// catalogue JSON) or gzip-encoded (level 6); "" if the encoder failed.
std::string brotli_encode(std::string_view bytes);
std::string gzip_encode(std::string_view bytes);

}  // namespace haoban::http
