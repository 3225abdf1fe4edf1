// Compiles one item's form and materials: fields, groups, pages, rules, 情形, with every
// expression compiled against the form's names and every reference checked.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "haoban/catalog/load_error.h"
#include "haoban/catalog/model.h"

namespace haoban::catalog {

// Limits on a form (docs/catalog-format.md, loader check 8).
inline constexpr size_t kMaxPages = 100;
inline constexpr size_t kMaxFieldsPerPage = 500;
inline constexpr size_t kMaxFieldsPerForm = 2000;
inline constexpr size_t kMaxOptions = 1000;
inline constexpr size_t kMaxRules = 500;
inline constexpr size_t kMaxMaterials = 200;
inline constexpr int kMaxGroupRows = 1000;

// `item` carries the metadata already read (id, domains, json_path). Returns null and appends
// errors (with `item.id`) when anything is wrong.
std::shared_ptr<const Form> compile_form(const Catalog& catalog, const Item& item,
                                         const nlohmann::json& form,
                                         const nlohmann::json& materials,
                                         std::vector<LoadError>* errors);

}  // namespace haoban::catalog
