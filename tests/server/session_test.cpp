// Test identities and session tokens: login, /me, e-licences, and every way a token can be
// wrong (missing, malformed, forged, signed with another key, expired) answered 401 in JSON.
#include "auth/base64url.h"
#include "auth/hmac.h"
#include "auth/session_token.h"
#include "office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

void expect_401(const httplib::Result& result, const std::string& type) {
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 401);
  EXPECT_EQ(result->get_header_value("WWW-Authenticate").rfind("Bearer", 0), 0u);
  const json body = json::parse(result->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << result->body;
  EXPECT_EQ(body["error"]["type"], type) << result->body;
  EXPECT_FALSE(body["error"]["zh"].get<std::string>().empty());
}

class SessionTest : public OfficeTest {
 protected:
  void SetUp() override {
    OfficeTest::SetUp();
    start();
  }
};

TEST_F(SessionTest, LoginGivesASignedExpiringTokenForTheIdentity) {
  auto c = client();
  const auto result =
      c.Post("/api/v1/session", R"({"identityId":"li-ming-migrant"})", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 201);
  const json body = body_of(result);
  EXPECT_EQ(body["tokenType"], "Bearer");
  EXPECT_EQ(body["issuedAt"], now_);
  EXPECT_EQ(body["expiresAt"], now_ + 8 * 3600);
  EXPECT_EQ(body["identity"]["id"], "li-ming-migrant");
  EXPECT_EQ(body["identity"]["kind"], "自然人");
  EXPECT_EQ(body["identity"]["number"], "430524199506123411");
  const auto check = auth::verify_token(session_key_, body["token"].get<std::string>(), now_);
  ASSERT_TRUE(check.claims);
  EXPECT_EQ(check.claims->subject, "li-ming-migrant");
}

TEST_F(SessionTest, MeAnswersWithTheCallersOwnIdentity) {
  const auto token = login("huang-ji-noodles");
  const auto result = get("/api/v1/me", token);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json body = body_of(result);
  EXPECT_EQ(body["id"], "huang-ji-noodles");
  EXPECT_EQ(body["kind"], "法人");
  EXPECT_EQ(body["number"], "92440106MA5D123456");
  EXPECT_EQ(body["applicant"]["uscc"], "92440106MA5D123456");
}

TEST_F(SessionTest, UnknownIdentityAndBadLoginBodies) {
  auto c = client();
  auto result = c.Post("/api/v1/session", R"({"identityId":"nobody"})", "application/json");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_EQ(body_of(result)["error"]["type"], "unknown_identity");
  result = c.Post("/api/v1/session", R"({"identityId":42})", "application/json");
  EXPECT_EQ(result->status, 400);
  result = c.Post("/api/v1/session", "{not json", "application/json");
  EXPECT_EQ(result->status, 400);
  EXPECT_EQ(body_of(result)["error"]["type"], "bad_json");
}

TEST_F(SessionTest, ThePublicListNamesEveryFixtureIdentity) {
  const auto result = get("/api/v1/session/identities", "");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json list = body_of(result)["identities"];
  ASSERT_EQ(list.size(), 6u);
  EXPECT_EQ(list[0]["id"], "li-ming-migrant");
}

TEST_F(SessionTest, PrivateEndpointsRefuseRequestsWithoutAToken) {
  for (const char* path : {"/api/v1/me", "/api/v1/me/licences", "/api/v1/submissions",
                           "/api/v1/submissions/GZ1/rating"}) {
    SCOPED_TRACE(path);
    expect_401(get(path, ""), "unauthenticated");
  }
  expect_401(post("/api/v1/submissions", "", "{}"), "unauthenticated");
  auto c = client();
  expect_401(c.Get("/api/v1/me", {{"Authorization", "Basic dXNlcjpwYXNz"}}), "unauthenticated");
}

TEST_F(SessionTest, ForgedMalformedAndForeignTokensAre401) {
  const std::string token = login("li-ming-migrant");
  ASSERT_FALSE(token.empty());
  // Claim to be someone else by swapping the payload, keeping the old signature.
  const auto dot = token.rfind('.');
  const std::string forged_payload = auth::base64url_encode(json{
      {"sub", "chen-fang-new-mother"},
      {"kind", "自然人"},
      {"iat", now_},
      {"exp", now_ + 99}}.dump());
  expect_401(get("/api/v1/me", "v1." + forged_payload + token.substr(dot)), "invalid_token");
  // Flip one character of the signature.
  std::string flipped = token;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  expect_401(get("/api/v1/me", flipped), "invalid_token");
  // A well-formed token signed with a different key.
  const auto other =
      auth::issue_token(std::string(32, 'x'), {"li-ming-migrant", "自然人", now_, now_ + 3600});
  expect_401(get("/api/v1/me", other), "invalid_token");
  const std::vector<std::string> junk_tokens = {
      "abc", "v1.", "v1..", "v1.!!!.???", "v2.e30.AAAA", std::string(5000, 'a')};
  for (const std::string& junk : junk_tokens) {
    SCOPED_TRACE(junk.substr(0, 20));
    expect_401(get("/api/v1/me", junk), "invalid_token");
  }
}

TEST_F(SessionTest, AnExpiredTokenIs401UntilTheUserLogsInAgain) {
  const std::string token = login("li-ming-migrant");
  now_ += 8 * 3600 - 1;
  EXPECT_EQ(get("/api/v1/me", token)->status, 200);
  now_ += 1;
  expect_401(get("/api/v1/me", token), "token_expired");
  const std::string fresh = login("li-ming-migrant");
  EXPECT_EQ(get("/api/v1/me", fresh)->status, 200);
}

TEST_F(SessionTest, LicencesComeInTheProfileShapeWithTheirCatalogueTypes) {
  const auto result = get("/api/v1/me/licences", login("chen-fang-new-mother"));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(body["identityId"], "chen-fang-new-mother");
  const json& licences = body["licences"];
  EXPECT_EQ(licences["resident_id_card"]["idNumber"], "440106199208152342");
  EXPECT_EQ(licences["marriage_certificate"]["spouseName"], "林伟");
  EXPECT_EQ(licences["birth_certificate"]["childName"], "林小雨");
  EXPECT_TRUE(licences.contains("household_register"));
  std::map<std::string, json> types;
  for (const auto& type : body["types"]) types[type["id"].get<std::string>()] = type;
  ASSERT_EQ(types.size(), 4u);
  EXPECT_EQ(types["marriage_certificate"]["declared"], true);
  EXPECT_EQ(types["marriage_certificate"]["name"]["zh"], "结婚证");
  EXPECT_EQ(types["birth_certificate"]["name"]["zh"], "出生医学证明");
  EXPECT_FALSE(types["household_register"]["fields"].empty());
}

TEST_F(SessionTest, ABusinessHoldsItsBusinessLicence) {
  const json body = body_of(get("/api/v1/me/licences", login("nanfeng-manufacturing")));
  ASSERT_TRUE(body["licences"].contains("business_licence")) << body.dump();
  EXPECT_EQ(body["types"][0]["name"]["zh"], "营业执照");
}

TEST_F(SessionTest, EveryFixtureIdentityCanLogIn) {
  const json list = body_of(get("/api/v1/session/identities", ""));
  for (const auto& identity : list["identities"]) {
    SCOPED_TRACE(identity["id"].get<std::string>());
    const auto token = login(identity["id"].get<std::string>());
    EXPECT_EQ(get("/api/v1/me", token)->status, 200);
  }
}

}  // namespace
}  // namespace haoban::testing
