#include <gtest/gtest.h>

#include <limits>

#include "haoban/package/canonical_json.h"

using haoban::package::canonical_json;
using haoban::package::CanonicalLimits;
using json = nlohmann::json;

namespace {
std::string canon(const json& v) {
  auto r = canonical_json(v);
  EXPECT_TRUE(r.ok) << r.error;
  return r.text;
}
}  // namespace

TEST(CanonicalJson, SortsKeysByUtf8BytesWithoutWhitespace) {
  const json v = json::parse(R"({"b":1,"a":{"z":[1, 2],"y":null},"中":true,"A":false,"é":0})");
  // 'A' (0x41) < 'a' (0x61) < 'b' < 'é' (0xC3 0xA9) < '中' (0xE4 0xB8 0xAD)
  EXPECT_EQ(canon(v), R"({"A":false,"a":{"y":null,"z":[1,2]},"b":1,"é":0,"中":true})");
}

TEST(CanonicalJson, IntegersHaveOneForm) {
  EXPECT_EQ(canon(json::parse("[1.0, -0.0, 100, 1e3, 2.5e1, -7]")), "[1,0,100,1000,25,-7]");
  EXPECT_EQ(canon(json(int64_t{-9007199254740993})), "-9007199254740993");
  EXPECT_EQ(canon(json(uint64_t{18446744073709551615u})), "18446744073709551615");
}

TEST(CanonicalJson, NonIntegersUseTheShortestRoundTripForm) {
  EXPECT_EQ(canon(json(0.5)), "0.5");
  EXPECT_EQ(canon(json(0.1)), "0.1");
  EXPECT_EQ(canon(json(1.25e-7)), "1.25e-07");
}

TEST(CanonicalJson, RefusesNonFiniteNumbers) {
  auto r = canonical_json(json(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "not_finite");
}

TEST(CanonicalJson, MinimalStringEscaping) {
  const json v = std::string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f 中文 \xF0\x9F\x98\x80");
  EXPECT_EQ(canon(v), "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f 中文 \xF0\x9F\x98\x80\"");
}

TEST(CanonicalJson, RefusesInvalidUtf8) {
  EXPECT_EQ(canonical_json(json(std::string("\xC0\xAF"))).error, "invalid_utf8");      // overlong
  EXPECT_EQ(canonical_json(json(std::string("\xED\xA0\x80"))).error, "invalid_utf8");  // surrogate
  EXPECT_EQ(canonical_json(json(std::string("a\xE4\xB8"))).error, "invalid_utf8");     // truncated
}

TEST(CanonicalJson, BoundsDepth) {
  json deep = json::array();
  for (int i = 0; i < 100; ++i) deep = json::array({deep});
  auto r = canonical_json(deep);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "too_deep");
  CanonicalLimits roomy;
  roomy.max_depth = 200;
  EXPECT_TRUE(canonical_json(deep, roomy).ok);
}

TEST(CanonicalJson, SameValueSameBytesWhateverTheInputOrder) {
  const json a = json::parse(R"({"x":{"b":[{"d":1,"c":2}],"a":"v"},"w":1.0})");
  const json b = json::parse(R"({"w":1,"x":{"a":"v","b":[{"c":2,"d":1}]}})");
  EXPECT_EQ(canon(a), canon(b));
}
