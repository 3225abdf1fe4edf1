// HMAC-SHA256 of the session tokens, against the RFC 4231 test vectors.
#include "auth/hmac.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string hmac_hex(const std::string& key, const std::string& message) {
  const auto mac = haoban::auth::hmac_sha256(key, message);
  return haoban::auth::to_hex(std::string(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

TEST(Hmac, Rfc4231Case1) {
  EXPECT_EQ(hmac_hex(std::string(20, '\x0b'), "Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(Hmac, Rfc4231Case2ShortKey) {
  EXPECT_EQ(hmac_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Hmac, Rfc4231Case6KeyLongerThanBlockIsHashedFirst) {
  EXPECT_EQ(
      hmac_hex(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(Hmac, ConstantTimeEqual) {
  EXPECT_TRUE(haoban::auth::constant_time_equal("abc", "abc"));
  EXPECT_FALSE(haoban::auth::constant_time_equal("abc", "abd"));
  EXPECT_FALSE(haoban::auth::constant_time_equal("abc", "ab"));
}

}  // namespace
