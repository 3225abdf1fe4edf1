// Hostile requests to the running stub (in-process, on a free port, through the same fixture
// as tests/server): what the back office answers to malformed and malicious bodies, headers
// and paths. Every answer is a 4xx with a JSON error body; nothing is stored.
#include <gtest/gtest.h>

#include <string>

#include "../server/office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

class StubInputsTest : public OfficeTest {
 protected:
  void SetUp() override {
    OfficeTest::SetUp();
    start();
  }

  httplib::Result post_raw(const std::string& path, const std::string& body,
                           const httplib::Headers& headers = {}) {
    auto c = client();
    return c.Post(path, headers, body, "application/json");
  }

  static std::string error_type(const httplib::Result& result) {
    const json body = json::parse(result->body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].value("type", "") : "";
  }
};

TEST_F(StubInputsTest, DuplicateKeysInABodyTakeTheLastValueLikeTheBrowser) {
  const auto result = post_raw(
      "/api/v1/session", R"({"identityId": "no-such-person", "identityId": "li-ming-migrant"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
  EXPECT_EQ(json::parse(result->body)["identity"]["id"], "li-ming-migrant");
}

TEST_F(StubInputsTest, ByteOrderMarkBeforeABodyIsAccepted) {
  const auto result =
      post_raw("/api/v1/session", "\xEF\xBB\xBF{\"identityId\": \"li-ming-migrant\"}");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
}

TEST_F(StubInputsTest, NulByteInABodyIsBadJsonNotATruncatedDocument) {
  const std::string body = std::string("{\"identityId\": \"li-ming-migrant\"}\0", 35) + "junk";
  for (const char* path : {"/api/v1/session", "/api/v1/validate"}) {
    const auto result = post_raw(path, body);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 400) << path;
    EXPECT_EQ(error_type(result), "bad_json") << path;
  }
}

TEST_F(StubInputsTest, InvalidUtf8InABodyIsBadJson) {
  const auto result = post_raw("/api/v1/session", "{\"identityId\": \"\xFF\xFE\"}");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(error_type(result), "bad_json");
}

TEST_F(StubInputsTest, NanInfinityAndOverflowingNumbersInABodyAreBadJson) {
  for (const char* body :
       {R"({"kind": "mobile", "value": NaN})", R"({"n": Infinity})", R"({"identityId": 1e400})"}) {
    const auto result = post_raw("/api/v1/session", body);
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body;
    EXPECT_EQ(error_type(result), "bad_json") << body;
  }
}

TEST_F(StubInputsTest, SqlMetacharactersInIdsAreJustUnknownIds) {
  const auto login = post_raw("/api/v1/session", R"({"identityId": "x' OR '1'='1"})");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 404);
  EXPECT_EQ(error_type(login), "unknown_identity");

  const std::string token = this->login("chen-fang-new-mother");
  const auto item = get("/api/v1/catalog/items/x'%20OR%201=1--", "");
  ASSERT_TRUE(item);
  EXPECT_GE(item->status, 400);
  EXPECT_LT(item->status, 500);
  const auto submission = get("/api/v1/submissions/GZ1'%3BDROP%20TABLE%20x", token);
  ASSERT_TRUE(submission);
  EXPECT_GE(submission->status, 400);
  EXPECT_LT(submission->status, 500);
  // The store is intact: the list still answers.
  const auto list = get("/api/v1/submissions", token);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
}

TEST_F(StubInputsTest, HostileIdempotencyKeysAreRefusedBeforeAnythingIsChecked) {
  const std::string token = login("chen-fang-new-mother");
  for (const std::string key : {std::string("'; DELETE FROM office_submissions; --"),
                                std::string(64, 'G'), std::string(100000, 'a'), std::string()}) {
    const auto result = submit(token, newborn_medical_insurance(), key);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400);
    // Over httplib's 8 KB header-line bound the request never reaches the route.
    EXPECT_EQ(error_type(result), key.size() > 8192 ? "bad_request" : "bad_idempotency_key");
  }
}

TEST_F(StubInputsTest, HugeAndMalformedTokensAre401) {
  for (const std::string header :
       {"Bearer " + std::string(100000, 'A'), std::string("Bearer \xFF\xFE"),
        std::string("Basic x"), std::string("Bearer ") + std::string(3, '.')}) {
    auto c = client();
    const auto result = c.Get("/api/v1/me", {{"Authorization", header}});
    ASSERT_TRUE(result);
    // Over httplib's 8 KB header-line bound the request is refused before routing (400).
    if (header.size() > 8192) {
      EXPECT_EQ(result->status, 400);
    } else {
      EXPECT_EQ(result->status, 401);
    }
  }
}

TEST_F(StubInputsTest, ABodyLargerThanTheLimitIsRefusedWhateverItClaims) {
  // 10 MB of a real JSON string: refused at the size bound (413), never parsed.
  const std::string body = "{\"identityId\": \"" + std::string(10u << 20, 'a') + "\"}";
  const auto result = post_raw("/api/v1/session", body);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 413);
  EXPECT_TRUE(json::accept(result->body));
}

TEST_F(StubInputsTest, EncodedNulAndControlCharactersInAPathAreNotFound) {
  for (const char* target : {"/api/v1/catalog/items/gz%00residence", "/index.html%00.js",
                             "/api/v1/submissions/%0d%0aSet-Cookie:x"}) {
    const int status = raw_get_status(target);
    EXPECT_GE(status, 400) << target;
    EXPECT_LT(status, 500) << target;
  }
}

}  // namespace
}  // namespace haoban::testing
