// The JSON API of `haoban serve`: /healthz, /api/v1/validate, /api/v1/catalog, and the
// JSON error bodies for everything that goes wrong.
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>

#include "haoban/catalog/loader.h"
#include "http/catalog_file.h"
#include "server_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

constexpr const char* kJson = "application/json";

json parse_body(const httplib::Result& result) {
  return json::parse(result->body, nullptr, /*allow_exceptions=*/false);
}

void expect_json_error(const httplib::Result& result, int status, const std::string& type) {
  ASSERT_TRUE(result) << "no answer";
  EXPECT_EQ(result->status, status);
  EXPECT_EQ(result->get_header_value("Content-Type").rfind("application/json", 0), 0u);
  const json body = parse_body(result);
  ASSERT_TRUE(body.is_object()) << result->body;
  ASSERT_TRUE(body.contains("error")) << result->body;
  EXPECT_EQ(body["error"]["type"], type) << result->body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["zh"].get<std::string>().empty());
}

class ApiTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    start_server();
  }

  httplib::Result post_validate(const std::string& body) {
    auto c = client();
    return c.Post("/api/v1/validate", body, kJson);
  }
};

TEST_F(ApiTest, HealthzReportsOkAndTheSchemaVersion) {
  auto c = client();
  const auto result = c.Get("/healthz");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json body = parse_body(result);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["service"], "haoban");
  EXPECT_EQ(body["schemaVersion"], database_->schema_version());
  EXPECT_GE(body["schemaVersion"].get<int>(), 1);
}

TEST_F(ApiTest, ValidateAcceptsTheWorkedExampleOfTheDesign) {
  const auto result =
      post_validate(R"({"kind":"resident_id","value":"11010519491231002X","today":"2026-11-27"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  const json body = parse_body(result);
  EXPECT_EQ(body["valid"], true);
  EXPECT_EQ(body["kind"], "resident_id");
  EXPECT_EQ(body["normalized"], "11010519491231002X");
  EXPECT_TRUE(body["error"].is_null());
  EXPECT_EQ(body["facts"]["birthDate"], "1949-12-31");
  EXPECT_EQ(body["facts"]["sex"], "female");
  EXPECT_EQ(body["facts"]["division"], "110105");
}

TEST_F(ApiTest, ValidateNormalisesFullWidthAndLowerCaseX) {
  const auto result = post_validate(
      json{{"kind", "resident_id"}, {"value", " １１０１０５１９４９１２３１００２ｘ "}}.dump());
  ASSERT_TRUE(result);
  const json body = parse_body(result);
  EXPECT_EQ(body["valid"], true) << result->body;
  EXPECT_EQ(body["normalized"], "11010519491231002X");
}

TEST_F(ApiTest, ValidateReportsTheCheckDigitErrorInChineseAndEnglish) {
  const auto result = post_validate(R"({"kind":"resident_id","value":"110105194912310021"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);  // an invalid ID is a valid request
  const json body = parse_body(result);
  EXPECT_EQ(body["valid"], false);
  EXPECT_EQ(body["error"]["code"], "checksum");
  EXPECT_NE(body["error"]["zh"].get<std::string>().find("校验"), std::string::npos);
  EXPECT_FALSE(body["error"]["en"].get<std::string>().empty());
}

TEST_F(ApiTest, ValidateUsesTheHostDateWhenTodayIsMissing) {
  // The fixture's host date is 2026-11-27; the request's date wins when it is given.
  const auto without_today =
      parse_body(post_validate(R"({"kind":"resident_id","value":"11010519491231002X"})"));
  EXPECT_EQ(without_today["valid"], true);
  EXPECT_EQ(without_today["facts"]["age"], 76);

  const auto before_birth = parse_body(
      post_validate(R"({"kind":"resident_id","value":"11010519491231002X","today":"1949-12-30"})"));
  EXPECT_EQ(before_birth["valid"], false);
  EXPECT_EQ(before_birth["error"]["code"], "future_date");
}

TEST_F(ApiTest, ValidateCoversTheOtherKinds) {
  EXPECT_EQ(parse_body(post_validate(R"({"kind":"uscc","value":"91350100M000100Y43"})"))["valid"],
            true);
  EXPECT_EQ(parse_body(post_validate(R"({"kind":"mobile","value":"+86 138 0013 8000"})"))["valid"],
            true);
  EXPECT_EQ(parse_body(post_validate(R"({"kind":"passport","value":"E12345678"})"))["valid"], true);
  const auto unknown = parse_body(post_validate(R"({"kind":"library_card","value":"1"})"));
  EXPECT_EQ(unknown["valid"], false);
  EXPECT_EQ(unknown["error"]["code"], "unknown_kind");
}

TEST_F(ApiTest, MalformedJsonIsA400WithAJsonBody) {
  expect_json_error(post_validate(R"({"kind":"resident_id","value":)"), 400, "bad_json");
  expect_json_error(post_validate(""), 400, "bad_json");
  expect_json_error(post_validate("not json"), 400, "bad_json");
  // Invalid UTF-8 inside a string is not JSON either.
  expect_json_error(post_validate("{\"kind\":\"mobile\",\"value\":\"\xff\xfe\"}"), 400, "bad_json");
}

TEST_F(ApiTest, DeeplyNestedJsonIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  expect_json_error(post_validate(deep), 400, "bad_json");
}

TEST_F(ApiTest, WrongTypesAreA400) {
  expect_json_error(post_validate("[1,2]"), 400, "bad_request");
  expect_json_error(post_validate(R"({"value":"11010519491231002X"})"), 400, "bad_request");
  expect_json_error(post_validate(R"({"kind":7,"value":"11010519491231002X"})"), 400,
                    "bad_request");
  expect_json_error(post_validate(R"({"kind":"resident_id","value":null})"), 400, "bad_request");
  expect_json_error(post_validate(R"({"kind":"resident_id","value":"1","today":20261127})"), 400,
                    "bad_request");
  expect_json_error(post_validate(R"({"kind":"resident_id","value":"1","today":"2026-02-30"})"),
                    400, "bad_request");
}

TEST_F(ApiTest, AHugeValueInsideTheLimitIsAnsweredNotCrashed) {
  // Just under the 1 MiB body limit: the validator bounds its own input.
  const std::string value(1024 * 1024 - 64, '1');
  const auto result = post_validate(json{{"kind", "resident_id"}, {"value", value}}.dump());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(parse_body(result)["valid"], false);
}

TEST_F(ApiTest, ABodyOverTheLimitIsA413WithAJsonBody) {
  const std::string value(1024 * 1024 + 1, '1');
  expect_json_error(post_validate(R"({"kind":"mobile","value":")" + value + "\"}"), 413,
                    "payload_too_large");
}

TEST_F(ApiTest, UnknownApiRoutesAndMethodsGetJsonErrors) {
  auto c = client();
  expect_json_error(c.Get("/api/v1/nothing"), 404, "not_found");
  expect_json_error(c.Post("/api/v1/nothing", "{}", kJson), 404, "not_found");
  expect_json_error(c.Get("/api/v1/validate"), 404, "not_found");
}

TEST_F(ApiTest, CatalogIsServedWithAnETagAndRevalidates) {
  auto c = client();
  const auto first = c.Get("/api/v1/catalog");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(parse_body(first)["formatVersion"], 1);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 18u) << etag;  // "\"" + 16 hex digits + "\""
  EXPECT_EQ(etag.front(), '"');

  const auto again = c.Get("/api/v1/catalog", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());

  const auto stale = c.Get("/api/v1/catalog", {{"If-None-Match", "\"0000000000000000\""}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);
}

TEST_F(ApiTest, CatalogETagChangesWithTheFile) {
  auto c = client();
  const std::string before = c.Get("/api/v1/catalog")->get_header_value("ETag");
  write_file(catalog_, R"({"formatVersion":1,"items":[{"id":"x"}]})");
  const auto after = c.Get("/api/v1/catalog");
  EXPECT_NE(after->get_header_value("ETag"), before);
  EXPECT_EQ(parse_body(after)["items"][0]["id"], "x");
}

TEST_F(ApiTest, CatalogIsServedPackedOnRequest) {
  std::ifstream sample(std::string(HAOBAN_SOURCE_DIR) + "/data/catalog/guangzhou.json");
  write_file(catalog_, std::string(std::istreambuf_iterator<char>(sample), {}));
  auto c = client();
  const auto packed = c.Get("/api/v1/catalog?format=pack");
  ASSERT_TRUE(packed);
  ASSERT_EQ(packed->status, 200) << packed->body;
  EXPECT_EQ(packed->get_header_value("Content-Type"), "application/vnd.haoban.catalog-pack");
  const std::string etag = packed->get_header_value("ETag");
  EXPECT_NE(etag.find("-pack\""), std::string::npos) << etag;
  EXPECT_NE(etag, c.Get("/api/v1/catalog")->get_header_value("ETag"));
  const catalog::LoadResult loaded = catalog::load_catalog_pack(packed->body);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.errors.empty());
  EXPECT_EQ(loaded.catalog->items.size(), 8u);
  const auto again = c.Get("/api/v1/catalog?format=pack", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);

  expect_json_error(c.Get("/api/v1/catalog?format=xml"), 400, "bad_format");
  // A file that is not a loadable catalogue is still served as JSON, but cannot be packed.
  write_file(catalog_, R"({"formatVersion":1,"items":[{"id":"x"}]})");
  EXPECT_EQ(c.Get("/api/v1/catalog")->status, 200);
  expect_json_error(c.Get("/api/v1/catalog?format=pack"), 422, "catalog_error");
}

// A catalogue of some size (the fixture's is too small to gain from compression).
std::string sizeable_catalog() {
  json items = json::array();
  for (int i = 0; i < 200; ++i)
    items.push_back({{"id", "item-" + std::to_string(i)}, {"name", {{"zh", "广东省居住证申领"}}}});
  return json{{"formatVersion", 1}, {"items", items}}.dump();
}

TEST_F(ApiTest, CatalogIsSentBrotliOrGzipEncodedWithAnETagPerEncoding) {
  const std::string text = sizeable_catalog();
  write_file(catalog_, text);
  auto c = client();
  c.set_decompress(false);  // the bytes as sent

  const auto plain = c.Get("/api/v1/catalog", {{"Accept-Encoding", "identity"}});
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(plain->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(plain->body, text);
  const std::string etag = plain->get_header_value("ETag");
  ASSERT_EQ(etag.size(), 18u) << etag;

  const auto br = c.Get("/api/v1/catalog", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(br);
  EXPECT_EQ(br->status, 200);
  EXPECT_EQ(br->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(br->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(br->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(br->get_header_value("ETag"), etag.substr(0, 17) + "-br\"");
  EXPECT_EQ(br->body, http::brotli_encode(text));
  EXPECT_LT(br->body.size(), text.size() / 4);

  const auto gz = c.Get("/api/v1/catalog", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(gz->get_header_value("ETag"), etag.substr(0, 17) + "-gz\"");
  EXPECT_EQ(gz->body, http::gzip_encode(text));

  // A client that decodes gets the catalogue back.
  auto decoding = client();
  const auto decoded = decoding.Get("/api/v1/catalog", {{"Accept-Encoding", "br"}});
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->body, text);
  const auto gunzipped = decoding.Get("/api/v1/catalog", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(gunzipped);
  EXPECT_EQ(gunzipped->body, text);
}

TEST_F(ApiTest, CatalogRevalidatesPerEncoding) {
  write_file(catalog_, sizeable_catalog());
  auto c = client();
  c.set_decompress(false);
  const std::string br_etag =
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "br"}})->get_header_value("ETag");
  const std::string plain_etag =
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "identity"}})->get_header_value("ETag");
  ASSERT_NE(br_etag, plain_etag);

  const auto same =
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "br"}, {"If-None-Match", br_etag}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 304);
  EXPECT_EQ(same->get_header_value("ETag"), br_etag);
  EXPECT_EQ(same->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_TRUE(same->body.empty());
  // The brotli representation's tag does not validate the gzip one, nor the identity's the brotli
  // one.
  EXPECT_EQ(
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "gzip"}, {"If-None-Match", br_etag}})->status,
      200);
  EXPECT_EQ(
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "br"}, {"If-None-Match", plain_etag}})->status,
      200);
  EXPECT_EQ(c.Get("/api/v1/catalog",
                  {{"Accept-Encoding", "identity"}, {"If-None-Match", "W/" + plain_etag}})
                ->status,
            304);

  // A new version of the file: new tags for every encoding.
  write_file(catalog_, sizeable_catalog() + " ");
  const auto changed =
      c.Get("/api/v1/catalog", {{"Accept-Encoding", "br"}, {"If-None-Match", br_etag}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_NE(changed->get_header_value("ETag"), br_etag);
}

TEST_F(ApiTest, AMissingCatalogIsA404JsonError) {
  std::filesystem::remove(catalog_);
  auto c = client();
  expect_json_error(c.Get("/api/v1/catalog"), 404, "catalog_not_found");
}

}  // namespace
}  // namespace haoban::testing
