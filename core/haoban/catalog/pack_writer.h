// Writes a packed catalogue (pack_format.h) from a JSON one: the server side of
// load_catalog_pack. `haoban catalog pack` and the stub use it; the engine never does.
#pragma once

#include <string>
#include <string_view>

#include "haoban/catalog/loader.h"

namespace haoban::catalog {

struct PackResult {
  LoadResult load;    // the JSON load the pack was written from: its errors and skipped ids
  std::string bytes;  // empty when the catalogue did not load
};

// Loads `json_text` eagerly (every form compiled and checked; strict if options.strict) and packs
// what loaded: skipped items, bundles and policies are left out, so the pack loads clean.
PackResult pack_catalog(std::string_view json_text, const LoadOptions& options = {});

}  // namespace haoban::catalog
