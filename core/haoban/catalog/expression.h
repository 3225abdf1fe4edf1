// A compiled catalogue expression with what it reads: the loader records, from the compiled
// program's variable paths, which form fields an expression mentions. The form session builds
// its dependency graph from these sets, and rule gating ("checked only when every field it
// mentions is visible and non-empty") uses the same sets.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "haoban/expr/engine.h"

namespace haoban::catalog {

struct Expression {
  std::shared_ptr<const expr::Program> program;  // null: no expression
  std::string json_path;                         // where it was written in the catalogue
  std::vector<std::string> reads;                // top-level field and group ids, sorted, distinct
  std::vector<std::string> row_reads;            // row.<id> names inside a group, sorted, distinct
  bool reads_everything = false;                 // a computed variable path: depends on all fields
  bool form_prefix = false;                      // some name is written form.<id>

  explicit operator bool() const { return program != nullptr; }
};

// required / visible / enabled / readonly: a literal boolean or an expression.
struct Flag {
  bool value = false;  // used when expr is empty
  Expression expr;

  Flag() = default;
  Flag(bool v) : value(v) {}
  bool is_constant() const { return !expr.program; }
};

}  // namespace haoban::catalog
