#include "http/catalog_file.h"

#include "haoban/catalog/pack_writer.h"

#include <brotli/encode.h>
#include <zlib.h>

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

std::string brotli_encode(std::string_view bytes) {
  size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  if (size == 0) return {};
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    return {};
  out.resize(size);
  return out;
}

std::string gzip_encode(std::string_view bytes) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer around the deflate stream.
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const size_t written = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) return {};
  out.resize(written);
  return out;
}

void CatalogFile::Representation::encode(std::string_view tag) {
  etag = "\"" + content_hash_hex(body) + std::string(tag) + "\"";
  br = brotli_encode(body);
  if (br.size() >= body.size()) br.clear();
  gzip = gzip_encode(body);
  if (gzip.size() >= body.size()) gzip.clear();
}

const CatalogFile::Snapshot::Packed& CatalogFile::Snapshot::packed() const {
  std::call_once(packed_once_, [this] {
    catalog::PackResult result = catalog::pack_catalog(body);
    if (result.bytes.empty()) {
      packed_.error = result.load.errors.empty()
                          ? "the catalogue does not load"
                          : result.load.errors.front().path + ": " + result.load.errors.front().en;
      return;
    }
    packed_.body = std::move(result.bytes);
    packed_.encode("-pack");
  });
  return packed_;
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
  snapshot->encode();
  cached_ = std::move(snapshot);
  cached_size_ = size;
  cached_mtime_ = mtime;
  return cached_;
}

}  // namespace haoban::http
