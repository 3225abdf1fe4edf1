// Limits of the back office: a rate per identity (token bucket, 429 JSON with Retry-After),
// JSON depth and malformed bodies answered 4xx in JSON on every private endpoint.
#include "office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

class LimitsTest : public OfficeTest {};

TEST_F(LimitsTest, EachIdentityHasItsOwnRate) {
  rate_burst_ = 3;
  rate_per_second_ = 0.5;
  start();
  const std::string busy = login("li-ming-migrant");
  const std::string calm = login("zhang-wei-flexible");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/api/v1/me", busy)->status, 200);
  const auto limited = get("/api/v1/me", busy);
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_EQ(body_of(limited)["error"]["type"], "rate_limited");
  EXPECT_EQ(limited->get_header_value("Retry-After"), "2");
  EXPECT_EQ(get("/api/v1/me", calm)->status, 200);  // someone else is not slowed down
  monotonic_ += 2.0;                                // one token back
  EXPECT_EQ(get("/api/v1/me", busy)->status, 200);
  EXPECT_EQ(get("/api/v1/me", busy)->status, 429);
}

TEST_F(LimitsTest, MalformedBodiesAre4xxJsonNever5xx) {
  start();
  const std::string token = login("chen-fang-new-mother");
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  const std::vector<std::string> bodies = {
      "",
      "{",
      "null",
      "[]",
      "\"text\"",
      "{\"a\":",
      deep,
      std::string("{\"x\":\"\xff\xfe\"}"),
      R"({"itemId":null,"answers":{}})",
      R"({"itemId":"gz-resident-medical-insurance"})",
      R"({"itemId":"gz-resident-medical-insurance","answers":{},"materials":{}})",
      R"({"itemId":"gz-resident-medical-insurance","answers":{},"materials":[1,"x",null]})"};
  const std::vector<std::string> paths = {"/api/v1/session", "/api/v1/submissions",
                                          "/api/v1/submissions/GZX/materials",
                                          "/api/v1/submissions/GZX/rating"};
  for (const auto& path : paths) {
    for (const auto& body : bodies) {
      SCOPED_TRACE(path + " " + body.substr(0, 40));
      const auto result = post(path, token, body, {{"Idempotency-Key", key_for(1)}});
      ASSERT_TRUE(result);
      EXPECT_GE(result->status, 400);
      EXPECT_LT(result->status, 500);
      const json answer = json::parse(result->body, nullptr, false);
      ASSERT_TRUE(answer.is_object()) << result->body;
      EXPECT_TRUE(answer.contains("error")) << result->body;
    }
  }
}

TEST_F(LimitsTest, HostileAnswersAreAnsweredNotCrashedOn) {
  start();
  const std::string token = login("chen-fang-new-mother");
  json package = newborn_medical_insurance();
  package["answers"]["insuredName"] = std::string(200'000, 'x');
  package["answers"]["unknownField"] = json::array({1, 2, 3});
  package["answers"]["bankAccount"] = json::object({{"a", 1}});
  const auto result = submit(token, package, key_for(1));
  ASSERT_TRUE(result);
  EXPECT_GE(result->status, 400);
  EXPECT_LT(result->status, 500);
}

TEST_F(LimitsTest, AnItemDetailIsServedFromTheCatalogue) {
  start();
  auto result = get("/api/v1/catalog/items/gz-marriage-registration", "");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json item = body_of(result);
  EXPECT_EQ(item["id"], "gz-marriage-registration");
  EXPECT_EQ(item["name"]["zh"], "内地居民结婚登记");
  EXPECT_FALSE(result->get_header_value("ETag").empty());
  result = get("/api/v1/catalog/items/no-such-item", "");
  EXPECT_EQ(result->status, 404);
  EXPECT_EQ(body_of(result)["error"]["type"], "unknown_item");
  EXPECT_EQ(get("/api/v1/catalog/items/..%2f..%2fsecret.txt", "")->status, 404);
}

}  // namespace
}  // namespace haoban::testing
