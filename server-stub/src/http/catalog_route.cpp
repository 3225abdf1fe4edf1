#include <string>

#include "http/api_routes.h"
#include "http/json_response.h"

namespace haoban::http {

namespace {

// True when an If-None-Match header lists `etag` (or is "*"); weak forms compare equal.
bool matches_if_none_match(const std::string& header, const std::string& etag) {
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string candidate = header.substr(start, end - start);
    start = end + 1;
    const auto first = candidate.find_first_not_of(" \t");
    const auto last = candidate.find_last_not_of(" \t");
    if (first == std::string::npos) continue;
    candidate = candidate.substr(first, last - first + 1);
    if (candidate.rfind("W/", 0) == 0) candidate.erase(0, 2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

void handle_catalog(CatalogFile& catalog, const httplib::Request& req, httplib::Response& res) {
  std::string error;
  const auto snapshot = catalog.load(&error);
  if (!snapshot) {
    return send_error(res, 404, "catalog_not_found", error, "未找到事项目录文件。");
  }
  res.set_header("ETag", snapshot->etag);
  res.set_header("Cache-Control", "no-cache");
  if (matches_if_none_match(req.get_header_value("If-None-Match"), snapshot->etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(snapshot->body, "application/json; charset=utf-8");
}

}  // namespace haoban::http
