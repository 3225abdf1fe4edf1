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
#include "haoban/expr/engine.h"

namespace haoban::catalog {

class Catalog;

// Compiled programs by infix source text, for one load: a catalogue repeats the same
// conditions across thousands of items ("applicant.creditStatus != \"serious\""). A compiled
// Program is immutable and shareable, and compiling it does not depend on the scope (names are
// checked afterwards, per use), so each distinct text is compiled once.
struct ProgramCache {
  std::unordered_map<std::string, expr::Compiled> by_source;
};

// What names an expression may use (docs/catalog-format.md, "Names").
struct NameScope {
  const Catalog* catalog = nullptr;                              // applicant.*, licences.*
  const std::unordered_set<std::string>* form_fields = nullptr;  // top-level ids; null: none
  const std::unordered_set<std::string>* row_fields = nullptr;   // inside a group only
  ProgramCache* cache = nullptr;  // optional: reuse programs compiled earlier in this load
};

// Compiles `source` (written at `path`) into *out. On failure appends errors and returns false.
bool compile_expression(const nlohmann::json& source, const std::string& path,
                        const NameScope& scope, Expression* out, std::vector<LoadError>* errors);

// A flag: true/false literal or an expression.
bool compile_flag(const nlohmann::json& source, const std::string& path, const NameScope& scope,
                  bool default_value, struct Flag* out, std::vector<LoadError>* errors);

}  // namespace haoban::catalog
