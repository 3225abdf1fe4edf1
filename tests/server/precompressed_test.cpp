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

}  // namespace
}  // namespace haoban::testing
