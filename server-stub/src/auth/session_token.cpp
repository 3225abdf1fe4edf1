#include "auth/session_token.h"

#include <nlohmann/json.hpp>

#include "auth/base64url.h"
#include "auth/hmac.h"

namespace haoban::auth {

namespace {

constexpr std::string_view kVersion = "v1.";

std::string signature_of(std::string_view key, std::string_view signed_part) {
  const auto mac = hmac_sha256(key, signed_part);
  return std::string(reinterpret_cast<const char*>(mac.data()), mac.size());
}

}  // namespace

std::string issue_token(std::string_view key, const SessionClaims& claims) {
  const nlohmann::json payload = {{"sub", claims.subject},
                                  {"kind", claims.kind},
                                  {"iat", claims.issued_at},
                                  {"exp", claims.expires_at}};
  std::string signed_part = std::string(kVersion) + base64url_encode(payload.dump());
  const std::string signature = base64url_encode(signature_of(key, signed_part));
  return signed_part + "." + signature;
}

TokenCheck verify_token(std::string_view key, std::string_view token, int64_t now_seconds) {
  TokenCheck check;
  check.problem = TokenProblem::malformed;
  if (token.size() > kMaxTokenBytes || token.substr(0, kVersion.size()) != kVersion) return check;
  const auto dot = token.rfind('.');
  if (dot <= kVersion.size() - 1 || dot + 1 >= token.size()) return check;
  const std::string_view signed_part = token.substr(0, dot);
  const auto given_signature = base64url_decode(token.substr(dot + 1));
  if (!given_signature) return check;
  if (!constant_time_equal(*given_signature, signature_of(key, signed_part))) {
    check.problem = TokenProblem::bad_signature;
    return check;
  }
  // Signed by us: the payload is our own JSON, but read it defensively all the same.
  const auto payload_text = base64url_decode(signed_part.substr(kVersion.size()));
  if (!payload_text) return check;
  const auto payload = nlohmann::json::parse(*payload_text, nullptr, false);
  if (!payload.is_object() || !payload.contains("sub") || !payload["sub"].is_string() ||
      !payload.contains("kind") || !payload["kind"].is_string() || !payload.contains("exp") ||
      !payload["exp"].is_number_integer() || !payload.contains("iat") ||
      !payload["iat"].is_number_integer()) {
    return check;
  }
  SessionClaims claims{payload["sub"].get<std::string>(), payload["kind"].get<std::string>(),
                       payload["iat"].get<int64_t>(), payload["exp"].get<int64_t>()};
  if (now_seconds >= claims.expires_at) {
    check.problem = TokenProblem::expired;
    return check;
  }
  check.problem = TokenProblem::none;
  check.claims = std::move(claims);
  return check;
}

}  // namespace haoban::auth
