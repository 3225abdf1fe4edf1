#include "http/static_files.h"

#include <fstream>
#include <iterator>
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

}  // namespace

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

void serve_static(const std::filesystem::path& root, std::string_view url_path,
                  httplib::Response& res) {
  auto file = resolve_static_path(root, url_path);
  if (!file) return send_not_found(res);

  std::error_code error;
  if (std::filesystem::is_directory(*file, error)) *file /= "index.html";
  const auto size = std::filesystem::file_size(*file, error);
  if (error || !std::filesystem::is_regular_file(*file, error) || size > kMaxFileBytes) {
    return send_not_found(res);
  }

  std::ifstream in(*file, std::ios::binary);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return send_not_found(res);

  res.status = 200;
  // During development the files change under a running stub: always revalidate.
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(std::move(body), std::string(mime_type_for(file->filename().string())));
}

}  // namespace haoban::http
