// Signed, expiring session tokens, standing in for 在线可信身份认证: after a fixture login
// the client carries `Authorization: Bearer v1.<payload>.<signature>`, where payload is
// base64url JSON {"sub","kind","iat","exp"} and signature is base64url HMAC-SHA256 over
// "v1.<payload>" with the stub's key. Stateless: nothing is stored per session.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::auth {

struct SessionClaims {
  std::string subject;  // the identity id
  std::string kind;     // 自然人 / 法人
  int64_t issued_at = 0;
  int64_t expires_at = 0;  // seconds since the epoch
};

enum class TokenProblem { none, malformed, bad_signature, expired };

struct TokenCheck {
  std::optional<SessionClaims> claims;  // set when problem == none
  TokenProblem problem = TokenProblem::none;
};

inline constexpr size_t kMaxTokenBytes = 2048;

std::string issue_token(std::string_view key, const SessionClaims& claims);

// Verifies the signature first (constant time) and only then reads the payload.
TokenCheck verify_token(std::string_view key, std::string_view token, int64_t now_seconds);

}  // namespace haoban::auth
