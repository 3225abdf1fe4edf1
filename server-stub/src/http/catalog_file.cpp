#include "http/catalog_file.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <system_error>

namespace haoban::http {

namespace {
// 花城事好办's 11,449 items are a few MB of JSON; anything far beyond that is a wrong file.
constexpr std::uintmax_t kMaxCatalogBytes = 64u * 1024u * 1024u;
}  // namespace

std::string content_hash_hex(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

CatalogFile::CatalogFile(std::filesystem::path path) : path_(std::move(path)) {}

std::shared_ptr<const CatalogFile::Snapshot> CatalogFile::load(std::string* error) {
  std::error_code ec;
  if (path_.empty() || !std::filesystem::is_regular_file(path_, ec)) {
    if (error) *error = "no catalogue file at " + path_.string();
    return nullptr;
  }
  const auto size = std::filesystem::file_size(path_, ec);
  const auto mtime =
      ec ? std::filesystem::file_time_type{} : std::filesystem::last_write_time(path_, ec);
  if (ec) {
    if (error) *error = "cannot stat " + path_.string() + ": " + ec.message();
    return nullptr;
  }
  if (size > kMaxCatalogBytes) {
    if (error) *error = "catalogue file too large: " + path_.string();
    return nullptr;
  }

  std::lock_guard lock(mutex_);
  if (cached_ && cached_size_ == size && cached_mtime_ == mtime) return cached_;

  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot open " + path_.string();
    return nullptr;
  }
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad() || snapshot->body.size() > kMaxCatalogBytes) {
    if (error) *error = "cannot read " + path_.string();
    return nullptr;
  }
  snapshot->etag = "\"" + content_hash_hex(snapshot->body) + "\"";
  cached_ = std::move(snapshot);
  cached_size_ = size;
  cached_mtime_ = mtime;
  return cached_;
}

}  // namespace haoban::http
