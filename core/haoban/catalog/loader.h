// Loads a catalogue from its JSON text: bounded parse, structure checks, every expression
// compiled and every reference checked (docs/catalog-format.md, "What the loader checks").
// A broken item, bundle or policy is reported and skipped; in strict mode any error fails
// the whole load.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/catalog/load_error.h"
#include "haoban/catalog/model.h"

namespace haoban::catalog {

struct LoadOptions {
  bool strict = false;
  // Compile each item's form and materials on first use instead of at load (for large
  // catalogues on phones, see bench/catalog/). At load, the whole text is still checked to be
  // valid JSON within the depth bound (a validating scanner, lazy_document.h); item metadata,
  // acceptance conditions (against the form's top-level field ids, which the scanner picks out),
  // fees, bundles and policies are still compiled and every reference checked. Deferred to
  // Catalog::form(): parsing each form and material list, compiling their expressions and
  // checking their references (fields, materials, licence types, templates, divisions): those
  // errors surface when the item is first opened. Ignored in strict mode, which compiles every
  // form at load, so that strict still checks everything.
  bool lazy_forms = false;
  size_t max_bytes = size_t{256} << 20;  // the synthetic 11,449-item catalogue is ~40 MB
  int max_depth = 160;                   // JSON nesting, expressions included
};

struct LoadResult {
  std::shared_ptr<const Catalog> catalog;  // null when the file is unusable or strict failed
  std::vector<LoadError> errors;
  std::vector<std::string> skipped;  // ids of items, bundles and policies left out
  bool ok() const { return catalog != nullptr; }
};

LoadResult load_catalog(std::string_view text, const LoadOptions& options = {});

// The same for a host that no longer needs its text (the wasm binding's copy of the JS string):
// a lazy load keeps `text` itself for the forms it parses later, instead of a copy of it.
LoadResult load_catalog_keeping(std::string text, const LoadOptions& options = {});

// A packed catalogue (pack_format.h, written by pack_catalog): its items' metadata is read
// field by field with no JSON document in between, and every form and material list is kept as
// text until first use, as with lazy_forms. The same value checks, expression compiles and
// reference checks run as for a JSON load; a damaged pack is refused (code bad_pack).
LoadResult load_catalog_pack(std::string bytes, const LoadOptions& options = {});

// {"ok":…, "catalogVersion":…, "items":N, "bundles":N, "policies":N, "skipped":[…], "errors":[…]}
nlohmann::json summary_json(const LoadResult& result);

}  // namespace haoban::catalog
