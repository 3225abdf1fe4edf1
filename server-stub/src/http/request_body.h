// Reading a JSON request body the same careful way in every route: depth first, then a
// non-throwing parse, then "must be an object". On failure the 400 is already sent.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>

namespace haoban::http {

std::optional<nlohmann::json> read_json_object(const httplib::Request& req, httplib::Response& res);

}  // namespace haoban::http
