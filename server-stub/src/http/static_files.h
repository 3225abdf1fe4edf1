// Serving a folder of files (the H5 app at /, the wasm package at /core/) without ever
// letting a request read outside that folder.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::http {

// Maps the (already percent-decoded) URL path below a mount point to a file under root.
// Refuses — returns nullopt — any path with a "." or ".." segment, a hidden segment
// (".git"), a backslash, a NUL or other control byte, or more than 32 segments; it checks the
// text of the path only, so it never touches the file system. "" and "dir/" map to index.html.
std::optional<std::filesystem::path> resolve_static_path(const std::filesystem::path& root,
                                                         std::string_view url_path);

// Which precompressed sibling (".br", ".gz") a request's Accept-Encoding allows, best first:
// "br" before "gzip"; a coding with q=0 is refused. Returns "" for none.
std::string_view preferred_encoding(std::string_view accept_encoding, bool have_br, bool have_gz);

// The ETag of an encoded representation: a quoted etag with "-br" or "-gz" (encoding "br" or
// "gzip") inside the closing quote, so that a cache never takes one representation for another;
// unchanged for no encoding.
std::string etag_for_encoding(std::string etag, std::string_view encoding);

// True when an If-None-Match header lists etag, or is "*"; a weak form (W/"x") compares equal
// to the strong one, as RFC 9110 asks of If-None-Match.
bool if_none_match_lists(std::string_view header, std::string_view etag);

// Sets an already compressed body (Content-Encoding set by the caller) so that it is sent as it
// is: Debian's cpp-httplib would otherwise compress a text body again per request.
void set_encoded_content(httplib::Response& res, std::string body, const std::string& type);

// Answers a GET/HEAD for url_path below root: 200 with the file and its MIME type, or a
// JSON 404 (also for refused paths, so that probing learns nothing). When the file has a
// precompressed sibling (file.br / file.gz, written at build time) that accept_encoding allows,
// that sibling's bytes are sent with Content-Encoding and Vary: Accept-Encoding. Every answer
// carries an ETag from the sent file's size and modification time (a sibling's with "-br" /
// "-gz" inside the quotes) and Cache-Control: no-cache; an if_none_match that lists it gets a
// 304 without a body, so that revalidating the 554 KB wasm core costs a few hundred bytes.
void serve_static(const std::filesystem::path& root, std::string_view url_path,
                  httplib::Response& res, std::string_view accept_encoding = {},
                  std::string_view if_none_match = {});

}  // namespace haoban::http
