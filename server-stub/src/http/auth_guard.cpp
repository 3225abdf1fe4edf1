#include "http/auth_guard.h"

#include <cmath>
#include <string>

#include "http/json_response.h"

namespace haoban::http {

namespace {

void unauthorized(httplib::Response& res, std::string_view type, std::string_view message,
                  std::string_view zh) {
  res.set_header("WWW-Authenticate", "Bearer realm=\"haoban\"");
  send_error(res, 401, type, message, zh);
}

}  // namespace

std::optional<Caller> require_caller(BackOffice& office, const httplib::Request& req,
                                     httplib::Response& res) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) {
    unauthorized(res, "unauthenticated", "Log in first: Authorization: Bearer <token>.",
                 "请先登录。");
    return std::nullopt;
  }
  const auto check = auth::verify_token(office.session_key, std::string_view(header).substr(7),
                                        office.now_seconds());
  switch (check.problem) {
    case auth::TokenProblem::none:
      break;
    case auth::TokenProblem::expired:
      unauthorized(res, "token_expired", "The session has expired; log in again.",
                   "登录已过期，请重新登录。");
      return std::nullopt;
    default:
      unauthorized(res, "invalid_token", "The session token is not valid.", "登录凭证无效。");
      return std::nullopt;
  }
  const auto* identity = office.identities.find(check.claims->subject);
  if (!identity) {
    unauthorized(res, "invalid_token", "The identity of this token no longer exists.",
                 "登录凭证对应的身份不存在。");
    return std::nullopt;
  }
  double retry_after = 0;
  if (office.limiter &&
      !office.limiter->allow(identity->id, office.monotonic_seconds(), &retry_after)) {
    res.set_header("Retry-After", std::to_string(static_cast<long>(std::ceil(retry_after))));
    send_error(res, 429, "rate_limited", "Too many requests from this identity; slow down.",
               "请求过于频繁，请稍后再试。");
    return std::nullopt;
  }
  return Caller{*check.claims, identity};
}

}  // namespace haoban::http
