// SHA-256 (FIPS 180-4) for the session tokens' HMAC. A stand-in: the core's own SHA-256
// (core/haoban/package/sha256.h, for package digests) had not landed when this was written;
// once it has, hmac.cpp should use it and this file should go.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace haoban::auth {

using Sha256Digest = std::array<uint8_t, 32>;

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  Sha256Digest finish();  // the object must not be used afterwards

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);

}  // namespace haoban::auth
