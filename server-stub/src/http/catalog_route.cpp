#include <string>

#include "http/api_routes.h"
#include "http/json_response.h"
#include "http/static_files.h"

namespace haoban::http {

void handle_catalog(CatalogFile& catalog, const httplib::Request& req, httplib::Response& res) {
  std::string error;
  const auto snapshot = catalog.load(&error);
  if (!snapshot) {
    return send_error(res, 404, "catalog_not_found", error, "未找到事项目录文件。");
  }
  // ?format=pack: the packed catalogue (docs/catalog-format.md), for wasm hosts with large
  // catalogues; anything else but json is refused rather than answered with JSON.
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
  if (format != "json" && format != "pack")
    return send_error(res, 400, "bad_format", "format must be json or pack",
                      "format 只能是 json 或 pack。");
  const bool pack = format == "pack";
  const CatalogFile::Representation* chosen = snapshot.get();
  if (pack) {
    const auto& packed = snapshot->packed();
    if (packed.body.empty())
      return send_error(res, 422, "catalog_error", packed.error, "事项目录无法加载，不能打包。");
    chosen = &packed;
  }
  const std::string& body = chosen->body;
  const std::string& br = chosen->br;
  const std::string& gzip = chosen->gzip;
  // Brotli or gzip when the client takes it (the encodings are made once per file version).
  // Each encoding is a representation of its own with its own strong ETag (the identity's with
  // "-br" / "-gz" inside the quotes), so that a cache never takes one for another; a 304 is
  // given for the ETag of the representation this request would get.
  const std::string_view encoding =
      preferred_encoding(req.get_header_value("Accept-Encoding"), !br.empty(), !gzip.empty());
  const std::string etag = etag_for_encoding(chosen->etag, encoding);
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");
  if (!br.empty() || !gzip.empty()) res.set_header("Vary", "Accept-Encoding");
  if (if_none_match_lists(req.get_header_value("If-None-Match"), etag)) {
    res.status = 304;
    return;
  }
  res.status = 200;
  const std::string type =
      pack ? "application/vnd.haoban.catalog-pack" : "application/json; charset=utf-8";
  if (encoding.empty()) return res.set_content(body, type);
  res.set_header("Content-Encoding", std::string(encoding));
  set_encoded_content(res, encoding == "br" ? br : gzip, type);
}

}  // namespace haoban::http
