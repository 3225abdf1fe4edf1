// The document of a lazy catalogue load: everything parsed except each item's "form" and
// "materials", which stay as (validated) JSON text until the item is first opened. What the
// load still needs from a form — its top-level field ids, which acceptance conditions and
// bundles may read — is picked out of the text by the scanner without building the form.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "haoban/catalog/json_scan.h"

namespace haoban::catalog {

struct LazyItemText {
  bool scanned = false;  // false: the item was not an object; its JSON is complete in the doc
  bool has_form = false;
  bool has_materials = false;
  // Where "form" and "materials" are in the scanned text (valid JSON, checked by the scanner):
  // spans, not copies, since the catalogue keeps one copy of the whole text for them.
  json_scan::Span form;
  json_scan::Span materials;
  std::unordered_set<std::string> top_ids;  // the form's top-level field ids
};

struct LazyDocument {
  nlohmann::json doc;               // items without their form and materials
  std::vector<LazyItemText> items;  // per element of doc["items"] (empty if no such array)
};

enum class LazyScan { Ok, BadJson, NotApplicable };

// A parsed form's top-level field ids (pages[*].fields[*].id, for the shapes that are objects,
// arrays and strings where expected), which conditions on answers may read: what an eager load
// reads, and what the lazy scan must find in the text without parsing it.
void collect_top_ids(const nlohmann::json& form, std::unordered_set<std::string>* out);

// Scans `text` (bounded by max_depth like parse_bounded_json). BadJson: not valid JSON or too
// deep (the caller reports it exactly as for an eager load). NotApplicable: a shape the lazy
// path does not handle (not an object, a byte-order mark): the caller loads it eagerly.
LazyScan scan_lazy_document(std::string_view text, int max_depth, LazyDocument* out);

}  // namespace haoban::catalog
