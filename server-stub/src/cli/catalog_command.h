#pragma once

#include <string>
#include <vector>

namespace haoban::cli {

// `haoban catalog check FILE [--strict] [--lazy]`: load a catalogue with the core's loader.
int run_catalog(const std::vector<std::string>& args);

// Reads a whole file; false with *error set when it cannot be read or exceeds max_bytes.
bool read_text_file(const std::string& path, size_t max_bytes, std::string* out,
                    std::string* error);

}  // namespace haoban::cli
