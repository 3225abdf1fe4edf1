// The merged form of a 一件事 bundle: each fact shared by several items (the same field
// `shareKey`) is asked once; fields without a key stay per item. Two fields sharing a key must
// agree in type and, for option fields, in their option codes; otherwise the bundle cannot be
// offered, and the merge reports a load error with the JSON paths of both fields.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "haoban/catalog/model.h"

namespace haoban::bundle {

struct FieldRef {
  std::string item;
  const catalog::Field* field = nullptr;
};

struct MergedField {
  std::string share_key;          // empty: a per-item field
  std::vector<FieldRef> members;  // the first is the one asked
};

struct MergeError {
  std::string code;  // share_type_conflict, share_options_conflict, unknown_item, form_unavailable
  std::string path;  // JSON path of the conflicting field
  std::string other_path;
  std::string zh;
  std::string en;
};

struct MergedForm {
  std::vector<std::string> items;  // member items, in bundle order
  std::vector<MergedField> fields;
  int fields_total = 0;  // Σ top-level fields of the items (a group counts once)
  int fields_saved() const { return fields_total - static_cast<int>(fields.size()); }
  std::vector<MergeError> errors;
  bool ok() const { return errors.empty(); }

  // The share key of an item's field ("" when none).
  std::string share_key_of(const std::string& item, const std::string& field_id) const;
};

// items: the member item ids to merge (a bundle's entries, or those that apply).
MergedForm merge_forms(const catalog::Catalog& catalog, const std::vector<std::string>& items);

nlohmann::json to_json(const MergedForm& form);

}  // namespace haoban::bundle
