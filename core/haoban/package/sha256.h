// SHA-256 (FIPS 180-4), written by hand: the canonical package's digest must be the same
// natively and in wasm, and OpenSSL is not available in the Emscripten build. The algorithm is
// small (one compression function), so carrying our own is cheaper than any dependency; it is
// tested against the NIST vectors (tests/package/sha256_test.cpp).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace haoban::package {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  // Finishes the hash; the object must not be updated afterwards.
  std::array<uint8_t, 32> finish();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

std::array<uint8_t, 32> sha256(std::string_view bytes);
// Lower-case hexadecimal, 64 characters.
std::string sha256_hex(std::string_view bytes);
std::string to_hex(const uint8_t* bytes, size_t n);

}  // namespace haoban::package
