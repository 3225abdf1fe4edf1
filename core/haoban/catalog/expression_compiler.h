// Compiles one catalogue expression (an infix string, or JsonLogic as any other JSON value)
// and checks the names it reads against what is in scope where it was written.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "haoban/catalog/expression.h"
#include "haoban/catalog/load_error.h"

namespace haoban::catalog {

class Catalog;

// What names an expression may use (docs/catalog-format.md, "Names").
struct NameScope {
  const Catalog* catalog = nullptr;                              // applicant.*, licences.*
  const std::unordered_set<std::string>* form_fields = nullptr;  // top-level ids; null: none
  const std::unordered_set<std::string>* row_fields = nullptr;   // inside a group only
};

// Compiles `source` (written at `path`) into *out. On failure appends errors and returns false.
bool compile_expression(const nlohmann::json& source, const std::string& path,
                        const NameScope& scope, Expression* out, std::vector<LoadError>* errors);

// A flag: true/false literal or an expression.
bool compile_flag(const nlohmann::json& source, const std::string& path, const NameScope& scope,
                  bool default_value, struct Flag* out, std::vector<LoadError>* errors);

}  // namespace haoban::catalog
