// A cheap pre-check before parsing a request body: nlohmann's parser would accept
// 1 MiB of '[' and build a million-level tree. Bodies nested deeper than any real
// request are refused first.
#pragma once

#include <string_view>

namespace haoban::http {

// True when no array/object in `text` is nested deeper than max_depth (brackets inside JSON
// strings are ignored). Works on any bytes; does not validate the JSON otherwise.
bool nesting_depth_at_most(std::string_view text, int max_depth);

}  // namespace haoban::http
