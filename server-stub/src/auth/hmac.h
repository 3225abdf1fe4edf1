// HMAC-SHA256 (RFC 2104) and a constant-time comparison, for signing session tokens.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "haoban/package/sha256.h"

namespace haoban::auth {

// The core's SHA-256 (the one that makes package digests) serves the tokens too.
using Sha256Digest = std::array<uint8_t, 32>;

Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Compares without an early exit, so that the time taken does not tell how many leading
// bytes of a forged signature were right.
bool constant_time_equal(std::string_view a, std::string_view b);

std::string to_hex(std::string_view bytes);

}  // namespace haoban::auth
