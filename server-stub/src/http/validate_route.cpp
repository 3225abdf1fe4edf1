#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "haoban/ids/validation_result.h"
#include "haoban/ids/validators.h"
#include "http/api_routes.h"
#include "http/host_clock.h"
#include "http/json_depth.h"
#include "http/json_response.h"

namespace haoban::http {

namespace {

// Reads a required string member; on failure answers 400 and returns nullopt.
std::optional<std::string> required_string(const nlohmann::json& body, const char* name,
                                           httplib::Response& res) {
  const auto found = body.find(name);
  if (found == body.end() || !found->is_string()) {
    send_error(res, 400, "bad_request",
               std::string("\"") + name + "\" is required and must be a string.",
               std::string("缺少字段“") + name + "”，或其类型不是字符串。");
    return std::nullopt;
  }
  return found->get<std::string>();
}

}  // namespace

void handle_validate(const httplib::Request& req, httplib::Response& res,
                     const std::function<time::CivilDate()>& today) {
  try {
    if (!nesting_depth_at_most(req.body, kMaxRequestJsonDepth)) {
      return send_error(res, 400, "bad_json", "The JSON body is nested too deeply.",
                        "请求内容嵌套层级过深。");
    }
    const auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    // A NUL byte would end nlohmann's input early ("{…}\0junk" parses as "{…}"): refuse it.
    if (body.is_discarded() || req.body.find('\0') != std::string::npos) {
      return send_error(res, 400, "bad_json", "The body is not valid JSON (UTF-8).",
                        "请求内容不是有效的 JSON。");
    }
    if (!body.is_object()) {
      return send_error(res, 400, "bad_request", "The body must be a JSON object.",
                        "请求内容必须是 JSON 对象。");
    }
    const auto kind = required_string(body, "kind", res);
    if (!kind) return;
    const auto value = required_string(body, "value", res);
    if (!value) return;

    time::CivilDate on = today ? today() : local_today();
    if (const auto given = body.find("today"); given != body.end() && !given->is_null()) {
      const auto parsed =
          given->is_string() ? time::parse_iso(given->get<std::string>()) : std::nullopt;
      if (!parsed) {
        return send_error(res, 400, "bad_request", "\"today\" must be a date \"YYYY-MM-DD\".",
                          "“today”必须是“YYYY-MM-DD”格式的日期。");
      }
      on = *parsed;
    }
    send_json(res, 200, ids::to_json(ids::validate(*kind, *value, on)));
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  }
}

}  // namespace haoban::http
