// Shared by the tests/hardening suites: the sample catalogue, read once from the source tree.
// These tests back the rows of docs/bad-inputs.md that no other suite covers.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "haoban/catalog/loader.h"

namespace haoban::hardening {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline const std::string& sample_catalog_text() {
  static const std::string text = read_source_file("data/catalog/guangzhou.json");
  return text;
}

inline std::shared_ptr<const catalog::Catalog> sample_catalog() {
  static const auto loaded = catalog::load_catalog(sample_catalog_text()).catalog;
  return loaded;
}

// The first load error's code, or "" when there is none.
inline std::string first_error_code(const catalog::LoadResult& result) {
  return result.errors.empty() ? std::string() : result.errors.front().code;
}

}  // namespace haoban::hardening
