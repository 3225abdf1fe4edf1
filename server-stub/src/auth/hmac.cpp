#include "auth/hmac.h"

#include <array>

namespace haoban::auth {

Sha256Digest hmac_sha256(std::string_view key, std::string_view message) {
  constexpr size_t kBlock = 64;
  std::array<char, kBlock> block_key{};
  if (key.size() > kBlock) {
    const auto hashed = package::sha256(key);
    std::copy(hashed.begin(), hashed.end(), block_key.begin());
  } else {
    std::copy(key.begin(), key.end(), block_key.begin());
  }
  std::array<char, kBlock> inner_pad{}, outer_pad{};
  for (size_t i = 0; i < kBlock; ++i) {
    inner_pad[i] = static_cast<char>(block_key[i] ^ 0x36);
    outer_pad[i] = static_cast<char>(block_key[i] ^ 0x5c);
  }
  package::Sha256 inner;
  inner.update(std::string_view(inner_pad.data(), kBlock));
  inner.update(message);
  const auto inner_digest = inner.finish();
  package::Sha256 outer;
  outer.update(std::string_view(outer_pad.data(), kBlock));
  outer.update(std::string_view(reinterpret_cast<const char*>(inner_digest.data()), 32));
  return outer.finish();
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

std::string to_hex(std::string_view bytes) {
  return package::to_hex(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace haoban::auth
