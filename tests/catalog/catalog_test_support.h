// Shared helpers for the catalogue tests: reading the sample files from the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace haoban::catalog::testing {

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace haoban::catalog::testing
