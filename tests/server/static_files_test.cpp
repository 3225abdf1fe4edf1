// Static files: the app at /, the wasm package at /core/, the right MIME types, and no way
// out of either folder.
#include "http/static_files.h"
#include "http/mime_types.h"
#include "server_fixture.h"

namespace haoban::testing {
namespace {

TEST(MimeTypes, KnowsWhatBrowsersInsistOn) {
  EXPECT_EQ(http::mime_type_for("haoban-core.wasm"), "application/wasm");
  EXPECT_EQ(http::mime_type_for("index.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("index.cjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("INDEX.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("package.json"), "application/json; charset=utf-8");
  EXPECT_EQ(http::mime_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(http::mime_type_for("logo.png"), "image/png");
  EXPECT_EQ(http::mime_type_for("README"), "application/octet-stream");
  EXPECT_EQ(http::mime_type_for("a.b/README"), "application/octet-stream");
  EXPECT_EQ(http::mime_type_for("x.unknown"), "application/octet-stream");
}

TEST(ResolveStaticPath, MapsOrdinaryPathsBelowTheRoot) {
  const std::filesystem::path root = "/srv/app";
  EXPECT_EQ(http::resolve_static_path(root, ""), root / "index.html");
  EXPECT_EQ(http::resolve_static_path(root, "app.js"), root / "app.js");
  EXPECT_EQ(http::resolve_static_path(root, "dist/haoban-core.wasm"),
            root / "dist" / "haoban-core.wasm");
  EXPECT_EQ(http::resolve_static_path(root, "sub/"), root / "sub" / "index.html");
  EXPECT_EQ(http::resolve_static_path(root, "a//b"), root / "a" / "b");
  EXPECT_EQ(http::resolve_static_path(root, "身份证.html"), root / "身份证.html");
}

TEST(ResolveStaticPath, RefusesEverythingThatCouldLeaveTheRoot) {
  const std::filesystem::path root = "/srv/app";
  for (const std::string_view bad :
       {"..", "../secret.txt", "a/../../secret.txt", "a/..", "./app.js", "a/./b", ".hidden",
        ".git/config", "a\\..\\b", "..\\secret.txt"}) {
    EXPECT_FALSE(http::resolve_static_path(root, bad)) << bad;
  }
  EXPECT_FALSE(http::resolve_static_path(root, std::string_view("a\0b", 3)));
  EXPECT_FALSE(http::resolve_static_path(root, "a\nb"));
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "d/";
  EXPECT_FALSE(http::resolve_static_path(root, deep + "x"));
}

class StaticFilesTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    start_server();
  }
};

TEST_F(StaticFilesTest, RootServesIndexHtml) {
  auto c = client();
  const auto result = c.Get("/");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(result->body.find("好办"), std::string::npos);
  EXPECT_EQ(c.Get("/sub/")->body, "<p>sub</p>");
  EXPECT_EQ(c.Get("/sub")->body, "<p>sub</p>");  // a folder means its index.html
}

TEST_F(StaticFilesTest, AppFilesHaveTheirMimeTypes) {
  auto c = client();
  const auto js = c.Get("/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->body, "export const x = 1;\n");
  EXPECT_EQ(js->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(c.Get("/app.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, CoreIsMountedAtCoreWithApplicationWasm) {
  auto c = client();
  const auto module = c.Get("/core/index.mjs");
  ASSERT_TRUE(module);
  EXPECT_EQ(module->status, 200);
  EXPECT_EQ(module->get_header_value("Content-Type"), "text/javascript; charset=utf-8");

  const auto wasm = c.Get("/core/dist/haoban-core.wasm");
  ASSERT_TRUE(wasm);
  EXPECT_EQ(wasm->status, 200);
  EXPECT_EQ(wasm->get_header_value("Content-Type"), "application/wasm");
  EXPECT_EQ(wasm->body, std::string("\0asm\1\0\0\0", 8));  // binary-safe

  EXPECT_EQ(c.Get("/core/package.json")->get_header_value("Content-Type"),
            "application/json; charset=utf-8");
  // The app folder is not reachable under /core/, nor the core under /.
  EXPECT_EQ(c.Get("/core/app.js")->status, 404);
  EXPECT_EQ(c.Get("/index.mjs")->status, 404);
}

TEST_F(StaticFilesTest, MissingFilesAreJson404s) {
  auto c = client();
  const auto result = c.Get("/nope.html");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 404);
  EXPECT_NE(result->body.find("\"not_found\""), std::string::npos);
  EXPECT_EQ(c.Get("/.hidden")->status, 404);
}

TEST_F(StaticFilesTest, PathTraversalIsRejectedPlainAndEncoded) {
  ASSERT_EQ(raw_get_status("/app.js"), 200);  // the raw client itself works
  for (const std::string target :
       {"/../secret.txt", "/core/../secret.txt", "/core/../../secret.txt", "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt", "/core/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/core/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
        "/.%2e/secret.txt", "/app.js%00.html", "/sub/%2e%2e/%2e%2e/secret.txt",
        "//../secret.txt"}) {
    const int status = raw_get_status(target);
    EXPECT_TRUE(status == 404 || status == 400) << target << " → " << status;
    EXPECT_EQ(last_raw_answer_.find("TOP SECRET"), std::string::npos) << target;
  }
}

TEST_F(StaticFilesTest, HeadRequestsGetHeadersOnly) {
  auto c = client();
  const auto result = c.Head("/core/dist/haoban-core.wasm");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/wasm");
  EXPECT_TRUE(result->body.empty());
}

}  // namespace
}  // namespace haoban::testing
