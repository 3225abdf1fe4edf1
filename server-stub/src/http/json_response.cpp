#include "http/json_response.h"

#include <string>

namespace haoban::http {

nlohmann::json error_body(std::string_view type, std::string_view message, std::string_view zh) {
  return {
      {"error",
       {{"type", std::string(type)}, {"message", std::string(message)}, {"zh", std::string(zh)}}}};
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  // Replace invalid UTF-8 rather than throw: a response must always be produced.
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view type, std::string_view message,
                std::string_view zh) {
  send_json(res, status, error_body(type, message, zh));
}

void send_error_for_status(httplib::Response& res, int status) {
  switch (status) {
    case 400:
      send_error(res, 400, "bad_request", "The request could not be understood.", "请求格式错误。");
      return;
    case 404:
      send_error(res, 404, "not_found", "Nothing here.", "未找到请求的资源。");
      return;
    case 405:
      send_error(res, 405, "method_not_allowed", "Method not allowed.", "不支持该请求方法。");
      return;
    case 413:
      send_error(res, 413, "payload_too_large", "The request body is too large.", "请求内容过大。");
      return;
    case 414:
      send_error(res, 414, "uri_too_long", "The request URI is too long.", "请求地址过长。");
      return;
    default:
      if (status >= 500) {
        send_error(res, status, "internal", "Internal error.", "服务器内部错误。");
      } else {
        send_error(res, status, "http_error", "HTTP error " + std::to_string(status) + ".",
                   "请求失败。");
      }
      return;
  }
}

}  // namespace haoban::http
