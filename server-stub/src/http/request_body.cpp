#include "http/request_body.h"

#include "http/api_routes.h"
#include "http/json_depth.h"
#include "http/json_response.h"

namespace haoban::http {

std::optional<nlohmann::json> read_json_object(const httplib::Request& req,
                                               httplib::Response& res) {
  if (!nesting_depth_at_most(req.body, kMaxRequestJsonDepth)) {
    send_error(res, 400, "bad_json", "The JSON body is nested too deeply.",
               "请求内容嵌套层级过深。");
    return std::nullopt;
  }
  auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  // A NUL byte would end nlohmann's input early ("{…}\0junk" parses as "{…}"): refuse it.
  if (body.is_discarded() || req.body.find('\0') != std::string::npos) {
    send_error(res, 400, "bad_json", "The body is not valid JSON (UTF-8).",
               "请求内容不是有效的 JSON。");
    return std::nullopt;
  }
  if (!body.is_object()) {
    send_error(res, 400, "bad_request", "The body must be a JSON object.",
               "请求内容必须是 JSON 对象。");
    return std::nullopt;
  }
  return body;
}

}  // namespace haoban::http
