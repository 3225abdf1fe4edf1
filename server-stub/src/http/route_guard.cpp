#include "http/route_guard.h"

#include <string>

namespace haoban::http {

std::optional<Caller> require_office_caller(BackOffice& office, const httplib::Request& req,
                                            httplib::Response& res) {
  auto caller = require_caller(office, req, res);
  if (!caller) return std::nullopt;
  if (!office.office) {
    send_error(res, 503, "no_store", "The stub runs without a database.", "服务未配置数据库。");
    return std::nullopt;
  }
  return caller;
}

std::optional<OwnCase> require_own_case(BackOffice& office, const httplib::Request& req,
                                        httplib::Response& res) {
  auto caller = require_office_caller(office, req, res);
  if (!caller) return std::nullopt;
  const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
  auto record = office.office->find_submission(id);
  if (!record || record->owner != caller->identity->id) {
    send_error(res, 404, "not_found", "No such submission.", "未找到该办件。");
    return std::nullopt;
  }
  return OwnCase{std::move(*caller), std::move(*record)};
}

}  // namespace haoban::http
