// JSON bodies for the stub's API: every answer, including every error, is JSON with a
// stable machine-readable type, so that clients never have to parse an HTML error page.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string_view>

namespace haoban::http {

// {"error":{"type":…,"message":…(en),"zh":…}}
nlohmann::json error_body(std::string_view type, std::string_view message, std::string_view zh);

void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_error(httplib::Response& res, int status, std::string_view type, std::string_view message,
                std::string_view zh);

// The error body for a status that httplib produced itself (no route, body too large, a
// request it could not parse) or a handler left without a body.
void send_error_for_status(httplib::Response& res, int status);

}  // namespace haoban::http
