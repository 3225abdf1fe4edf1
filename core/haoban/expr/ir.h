// The one compiled form both surface syntaxes produce: a flat array of nodes whose children
// are index ranges into a shared list, constants folded and stored once, variable paths split
// at compile time. A Program is immutable after compilation and can be evaluated from many
// threads at once (each evaluation has its own Evaluator state).
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/expr/error.h"
#include "haoban/expr/limits.h"
#include "haoban/expr/value.h"

namespace haoban::expr {

enum class Op : uint8_t {
  Const,   // aux = constant index
  Array,   // a literal array holding expressions: children are its elements
  Var,     // JsonLogic "var": aux = path; flags kDynamic (child 0 computes the path), kDefault
  Val,     // "val": aux = path; kDynamic
  Exists,  // "exists": aux = path; kDynamic
  And,
  Or,
  Not,       // "!"
  NotNot,    // "!!"
  If,        // "if" and "?:"
  Coalesce,  // "??"
  Eq,
  Ne,
  StrictEq,
  StrictNe,
  Lt,
  Le,
  Gt,
  Ge,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Max,
  Min,
  Cat,
  Substr,
  In,
  Merge,
  Missing,
  MissingSome,
  Map,
  Filter,
  Reduce,
  All,
  Some,
  None,
  Throw,
  Try,
  Call,  // a registered function: aux = function index
};

// Node flags.
inline constexpr uint8_t kSpread = 1;   // eager args given as one expression: spread its array
inline constexpr uint8_t kDynamic = 2;  // var/val/exists path computed at run time by child 0
inline constexpr uint8_t kDefault = 4;  // var has a default (last child)

struct Node {
  Op op = Op::Const;
  uint8_t flags = 0;
  uint16_t prepared = 0;  // Call: 1 + index into Program::prepared, 0 for none
  uint32_t first = 0;     // first child in Program::kids
  uint32_t count = 0;     // number of children
  uint32_t aux = 0;       // constant, path or function index
};

struct PathStep {
  std::string key;
  int64_t index = -1;  // key as an array index when it is a canonical non-negative integer
  uint64_t hash = 0;   // key_hash(key), set by make_step: Document lookups compare it first
};

// FNV-1a over the key's bytes: computed once per path step at compile time and once per key
// when a Document is built, so a lookup compares integers before it compares a string.
inline uint64_t key_hash(std::string_view key) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

struct Path {
  std::vector<PathStep> steps;  // empty: the whole current value
  uint32_t scope_up = 0;        // val's [[n], …]: levels up the scope stack
  bool var_style = false;       // written as "var" (dotted) rather than "val" (key list)
  json source;                  // the path as written, for printing back
};

struct Program {
  std::vector<Node> nodes;
  std::vector<uint32_t> kids;
  std::deque<json> constants;       // stable addresses: constant values view into them
  std::vector<Value> const_values;  // Value::view of each constant, made once
  std::vector<Path> paths;
  std::vector<std::shared_ptr<const void>> prepared;  // made by functions' prepare hooks
  std::vector<SourceLocation> where;                  // per node; empty when not recorded
  uint32_t root = 0;
  Limits limits;

  const Node& node(uint32_t i) const { return nodes[i]; }
  uint32_t child(const Node& n, uint32_t k) const { return kids[n.first + k]; }
};

// Splits a JsonLogic "var" path ("a.b.0") into steps; "" is the whole value.
std::vector<PathStep> split_var_path(std::string_view dotted);
PathStep make_step(std::string key);

}  // namespace haoban::expr
