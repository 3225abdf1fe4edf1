// HMAC-SHA256 (RFC 2104) and a constant-time comparison, for signing session tokens.
#pragma once

#include <string>
#include <string_view>

#include "auth/sha256.h"

namespace haoban::auth {

Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Compares without an early exit, so that the time taken does not tell how many leading
// bytes of a forged signature were right.
bool constant_time_equal(std::string_view a, std::string_view b);

std::string to_hex(std::string_view bytes);

}  // namespace haoban::auth
