// Precompressed siblings (app-mobile/dist/x.js.br, x.js.gz written at build time): sent with
// Content-Encoding when Accept-Encoding allows, the original otherwise, always with the
// original's MIME type and Vary: Accept-Encoding.
#include <chrono>
#include <filesystem>

#include "http/static_files.h"
#include "server_fixture.h"

namespace haoban::testing {
namespace {

TEST(PreferredEncoding, BrotliFirstThenGzipAndQZeroRefuses) {
  EXPECT_EQ(http::preferred_encoding("gzip, deflate, br", true, true), "br");
  EXPECT_EQ(http::preferred_encoding("gzip, deflate, br", false, true), "gzip");
  EXPECT_EQ(http::preferred_encoding("gzip", true, true), "gzip");
  EXPECT_EQ(http::preferred_encoding("br;q=0, gzip;q=0.5", true, true), "gzip");
  EXPECT_EQ(http::preferred_encoding("br;q=0.000, gzip;q=0", true, true), "");
  EXPECT_EQ(http::preferred_encoding("BR", true, false), "br");
  EXPECT_EQ(http::preferred_encoding(" br ; q=1 ", true, false), "br");
  EXPECT_EQ(http::preferred_encoding("", true, true), "");
  EXPECT_EQ(http::preferred_encoding("identity", true, true), "");
  EXPECT_EQ(http::preferred_encoding("brotli, xgzip", true, true), "");  // whole tokens only
  EXPECT_EQ(http::preferred_encoding("br", false, false), "");
}

class PrecompressedTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    write_file(app_dir_ / "assets" / "index-abc123.js", "export const plain = 1;\n");
    write_file(app_dir_ / "assets" / "index-abc123.js.br", "BROTLI-BYTES");
    write_file(app_dir_ / "assets" / "index-abc123.js.gz", "GZIP-BYTES");
    write_file(app_dir_ / "assets" / "only-gz.css", "body{}\n");
    write_file(app_dir_ / "assets" / "only-gz.css.gz", "GZIP-CSS");
    start_server();
  }

  // The bytes exactly as sent: the client must not try to decode the test's stand-in bodies.
  httplib::Client raw_client() const {
    auto c = client();
    c.set_decompress(false);
    return c;
  }
};

TEST_F(PrecompressedTest, BrotliSiblingWhenAccepted) {
  auto c = raw_client();
  const auto r = c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "br");
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Vary"), "Accept-Encoding");
  EXPECT_EQ(r->body, "BROTLI-BYTES");
}

TEST_F(PrecompressedTest, GzipSiblingWhenBrotliIsNotAccepted) {
  auto c = raw_client();
  const auto r = c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(r->body, "GZIP-BYTES");
  const auto css = c.Get("/assets/only-gz.css", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "GZIP-CSS");
}

// Without a usable sibling the original is served. (cpp-httplib, built by Debian with zlib and
// brotli, may still compress it per request — it matches codings by substring and ignores q —
// so these tests let the client decode and compare the decoded bytes.)
TEST_F(PrecompressedTest, OriginalWithoutAcceptEncodingOrWhenRefused) {
  auto c = client();
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Accept-Encoding", "identity"}},
        httplib::Headers{{"Accept-Encoding", "br;q=0, gzip;q=0"}}}) {
    const auto r = c.Get("/assets/index-abc123.js", headers);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Vary"), "Accept-Encoding");
    EXPECT_EQ(r->body, "export const plain = 1;\n");  // never a sibling's bytes
  }
  const auto plain = raw_client().Get("/assets/index-abc123.js");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_header("Content-Encoding"));
  EXPECT_EQ(plain->body, "export const plain = 1;\n");
}

TEST_F(PrecompressedTest, AStaleSiblingIsIgnored) {
  // The original rebuilt after its .br/.gz were written: the siblings no longer describe it.
  const auto js = app_dir_ / "assets" / "index-abc123.js";
  write_file(js, "export const rebuilt = 2;\n");
  std::filesystem::last_write_time(
      js, std::filesystem::last_write_time(js.string() + ".br") + std::chrono::seconds(5));
  auto c = client();
  const auto r = c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "export const rebuilt = 2;\n");
}

TEST_F(PrecompressedTest, FilesWithoutSiblingsAreUnchangedAndSiblingsAreNotAFolderEscape) {
  auto c = client();
  const auto r = c.Get("/app.js", {{"Accept-Encoding", "br, gzip"}});
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->has_header("Vary"));
  EXPECT_EQ(r->body, "export const x = 1;\n");
  // A sibling is looked up next to the resolved file only: refused paths stay 404.
  EXPECT_EQ(c.Get("/../secret.txt", {{"Accept-Encoding", "br"}})->status, 404);
}

TEST(IfNoneMatchLists, ListsWeakFormsAndStar) {
  EXPECT_TRUE(http::if_none_match_lists("\"a-1\"", "\"a-1\""));
  EXPECT_TRUE(http::if_none_match_lists(" \"x\" , W/\"a-1\" ", "\"a-1\""));
  EXPECT_TRUE(http::if_none_match_lists("*", "\"a-1\""));
  EXPECT_FALSE(http::if_none_match_lists("\"a-1-br\"", "\"a-1\""));
  EXPECT_FALSE(http::if_none_match_lists("", "\"a-1\""));
  EXPECT_FALSE(http::if_none_match_lists(" , ,", "\"a-1\""));
  EXPECT_FALSE(http::if_none_match_lists("a-1", "\"a-1\""));  // unquoted is another tag
}

// Revalidation (Cache-Control: no-cache) answered 304 while the file is unchanged: the service
// worker's network-first fetch of the wasm core then costs headers, not 554 KB.
TEST_F(PrecompressedTest, EachRepresentationHasAnETagAndAMatchGets304) {
  auto c = raw_client();
  const auto br = c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "br"}});
  const auto gz = c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "gzip"}});
  const auto plain = c.Get("/assets/index-abc123.js");
  ASSERT_TRUE(br && gz && plain);
  const std::string br_tag = br->get_header_value("ETag");
  const std::string gz_tag = gz->get_header_value("ETag");
  const std::string plain_tag = plain->get_header_value("ETag");
  EXPECT_EQ(br->get_header_value("Cache-Control"), "no-cache");
  EXPECT_NE(br_tag.find("-br\""), std::string::npos) << br_tag;
  EXPECT_NE(gz_tag.find("-gz\""), std::string::npos) << gz_tag;
  EXPECT_EQ(plain_tag.front(), '"');
  EXPECT_NE(br_tag, plain_tag);

  const auto again =
      c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "br"}, {"If-None-Match", br_tag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->get_header_value("ETag"), br_tag);
  EXPECT_EQ(again->get_header_value("Vary"), "Accept-Encoding");
  // The brotli tag does not revalidate the gzip representation, nor the plain one.
  EXPECT_EQ(
      c.Get("/assets/index-abc123.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", br_tag}})
          ->status,
      200);
  EXPECT_EQ(c.Get("/assets/index-abc123.js", {{"If-None-Match", br_tag}})->status, 200);
  EXPECT_EQ(c.Get("/app.js", {{"If-None-Match", "W/" + c.Get("/app.js")->get_header_value("ETag")}})
                ->status,
            304);
}

TEST_F(PrecompressedTest, ARebuiltFileGetsANewETagAndItsBytes) {
  auto c = raw_client();
  const auto before = c.Get("/app.js");
  ASSERT_TRUE(before);
  const std::string tag = before->get_header_value("ETag");
  const auto file = app_dir_ / "app.js";
  write_file(file, "export const x = 2;\n");
  std::filesystem::last_write_time(
      file, std::filesystem::last_write_time(file) + std::chrono::seconds(5));
  const auto after = c.Get("/app.js", {{"If-None-Match", tag}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(after->body, "export const x = 2;\n");
  EXPECT_NE(after->get_header_value("ETag"), tag);
  // A missing file is still a 404 whatever the validator says.
  EXPECT_EQ(c.Get("/nope.js", {{"If-None-Match", "*"}})->status, 404);
}

}  // namespace
}  // namespace haoban::testing
