#include "http/mime_types.h"

#include <array>
#include <string>
#include <utility>

namespace haoban::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"cjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"wasm", "application/wasm"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"ico", "image/x-icon"},
    {"txt", "text/plain; charset=utf-8"},
    {"ts", "text/plain; charset=utf-8"},  // .d.ts: for reading, never executed
    {"webmanifest", "application/manifest+json"},
}};

}  // namespace

std::string_view mime_type_for(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  const auto slash = file_name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [known, type] : kTypes) {
    if (known == extension) return type;
  }
  return "application/octet-stream";
}

}  // namespace haoban::http
