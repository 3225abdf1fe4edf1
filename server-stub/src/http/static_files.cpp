#include "http/static_files.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <system_error>

#include "http/json_response.h"
#include "http/mime_types.h"

namespace haoban::http {

namespace {

constexpr size_t kMaxSegments = 32;
// The largest file served (the wasm core with SQLite is about 1 MB); bigger is a mistake.
constexpr std::uintmax_t kMaxFileBytes = 64u * 1024u * 1024u;

bool is_acceptable_segment(std::string_view segment) {
  if (segment.empty() || segment.front() == '.') return false;  // ".", "..", ".git"
  for (const char c : segment) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return false;
  }
  return true;
}

void send_not_found(httplib::Response& res) {
  send_error(res, 404, "not_found", "No such file.", "未找到该文件。");
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// True when Accept-Encoding lists coding with a q-value above zero ("gzip;q=0" refuses it).
bool accepts(std::string_view header, std::string_view coding) {
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view entry = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    size_t semicolon = entry.find(';');
    if (!iequals(trim(entry.substr(0, semicolon)), coding)) continue;
    if (semicolon == std::string_view::npos) return true;
    std::string_view param = trim(entry.substr(semicolon + 1));
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return true;
    // q=0, q=0.0, q=0.000 refuse; any non-zero digit accepts.
    return trim(param.substr(2)).find_first_of("123456789") != std::string_view::npos;
  }
  return false;
}

bool read_file(const std::filesystem::path& file, std::string* body) {
  std::ifstream in(file, std::ios::binary);
  body->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return in.good() || in.eof();
}

// What identifies one version of a file on disk: the ETag is made of it, and a precompressed
// sibling is compared with its original by it. Read once per file and request.
struct FileVersion {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type modified;
};

// The version of a regular file of at most kMaxFileBytes, or nullopt for anything else (missing,
// a folder, too big).
std::optional<FileVersion> regular_file_version(const std::filesystem::path& file) {
  std::error_code error;
  FileVersion version;
  version.size = std::filesystem::file_size(file, error);
  if (error || !std::filesystem::is_regular_file(file, error) || version.size > kMaxFileBytes)
    return std::nullopt;
  version.modified = std::filesystem::last_write_time(file, error);
  if (error) return std::nullopt;
  return version;
}

// A sibling counts only if it is a regular file no older than the original: a stale .br left
// behind by an earlier build must never stand in for a newer file.
std::optional<FileVersion> fresh_sibling_version(const FileVersion& original,
                                                 const std::filesystem::path& sibling) {
  auto version = regular_file_version(sibling);
  if (version && version->modified < original.modified) return std::nullopt;
  return version;
}

// The validator of one file version: its size and modification time, as nginx makes it, so that a
// request costs a few stat calls and no read or hash; a rebuild (the build rewrites every file it
// changes) gives a new one.
std::string file_etag(const FileVersion& version, std::string_view encoding) {
  char text[64];
  std::snprintf(text, sizeof text, "\"%jx-%jx\"", version.size,
                static_cast<std::uintmax_t>(version.modified.time_since_epoch().count()));
  return etag_for_encoding(text, encoding);
}

}  // namespace

std::string etag_for_encoding(std::string etag, std::string_view encoding) {
  if (encoding.empty() || etag.size() < 2 || etag.back() != '"') return etag;
  etag.insert(etag.size() - 1, encoding == "br" ? std::string_view("-br") : "-gz");
  return etag;
}

bool if_none_match_lists(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view candidate = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);
    if (candidate == "*" || (!candidate.empty() && candidate == etag)) return true;
  }
  return false;
}

std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root,
                                                         std::string_view url_path) {
  std::filesystem::path resolved = root;
  size_t segments = 0;
  size_t start = 0;
  while (start <= url_path.size()) {
    size_t end = url_path.find('/', start);
    if (end == std::string_view::npos) end = url_path.size();
    const std::string_view segment = url_path.substr(start, end - start);
    start = end + 1;
    if (segment.empty()) continue;  // leading, trailing or doubled slashes
    if (!is_acceptable_segment(segment) || ++segments > kMaxSegments) return std::nullopt;
    resolved /= std::string(segment);
  }
  if (url_path.empty() || url_path.back() == '/') resolved /= "index.html";
  return resolved;
}

std::string_view preferred_encoding(std::string_view accept_encoding, bool have_br, bool have_gz) {
  if (have_br && accepts(accept_encoding, "br")) return "br";
  if (have_gz && accepts(accept_encoding, "gzip")) return "gzip";
  return {};
}

void serve_static(const std::filesystem::path& root, std::string_view url_path,
                  httplib::Response& res, std::string_view accept_encoding,
                  std::string_view if_none_match) {
  auto file = resolve_static_path(root, url_path);
  if (!file) return send_not_found(res);

  std::error_code error;
  if (std::filesystem::is_directory(*file, error)) *file /= "index.html";
  const auto original = regular_file_version(*file);
  if (!original) return send_not_found(res);

  // Precompressed siblings from the build (app-mobile/dist): sent as they are, never
  // compressed per request.
  const auto br = std::filesystem::path(file->string() + ".br");
  const auto gz = std::filesystem::path(file->string() + ".gz");
  const auto br_version = fresh_sibling_version(*original, br);
  const auto gz_version = fresh_sibling_version(*original, gz);
  const std::string_view encoding =
      preferred_encoding(accept_encoding, br_version.has_value(), gz_version.has_value());

  const bool is_br = encoding == "br";
  const bool is_gz = encoding == "gzip";
  const auto& sent = is_br ? br : is_gz ? gz : *file;
  const FileVersion& sent_version = is_br ? *br_version : is_gz ? *gz_version : *original;
  const std::string etag = file_etag(sent_version, encoding);

  // A 304 answers without reading the file; the headers go on only once the answer is not a 404
  // (the file can vanish between the stat and the read).
  std::string body;
  const bool unchanged = if_none_match_lists(if_none_match, etag);
  if (!unchanged && !read_file(sent, &body)) return send_not_found(res);
  if (br_version || gz_version) res.set_header("Vary", "Accept-Encoding");
  // During development the files change under a running stub: always revalidate.
  res.set_header("Cache-Control", "no-cache");
  res.set_header("ETag", etag);
  if (unchanged) {
    res.status = 304;
    return;
  }
  res.status = 200;
  if (!encoding.empty()) res.set_header("Content-Encoding", std::string(encoding));
  res.set_header("X-Content-Type-Options", "nosniff");
  const std::string type(mime_type_for(file->filename().string()));
  if (encoding.empty()) return res.set_content(std::move(body), type);
  set_encoded_content(res, std::move(body), type);
}

void set_encoded_content(httplib::Response& res, std::string body, const std::string& type) {
  // Debian's cpp-httplib (built with zlib and brotli) compresses a text body per request, which
  // would encode these bytes twice. A fixed-length content provider is sent as it is.
  auto bytes = std::make_shared<const std::string>(std::move(body));
  res.set_content_provider(
      bytes->size(), type, [bytes](size_t offset, size_t length, httplib::DataSink& sink) {
        if (offset < bytes->size())
          sink.write(bytes->data() + offset, std::min(length, bytes->size() - offset));
        return true;
      });
}

}  // namespace haoban::http
