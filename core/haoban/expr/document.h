// A data document indexed once for many evaluations (an applicant checked against 40 rules,
// a draft against every field condition). Looking a key up in nlohmann's std::map costs
// several string comparisons per step on every evaluation; a Document keeps, for each object,
// its keys sorted by a hash that the compiler also stores in each path step (PathStep::hash),
// and each value already in the engine's Value form, so a lookup is a few integer compares
// and one key comparison. Arrays become Value arrays, so iterations do not re-view elements.
//
// The document owns its JSON (moved in) and is immutable: to change the data, build a new
// one. Not copyable or movable (values point into it); hold it by unique_ptr.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "haoban/expr/error.h"
#include "haoban/expr/ir.h"
#include "haoban/expr/value.h"

namespace haoban::expr {

class Document {
 public:
  // Fails (nullptr and *error set, "Nesting Too Deep") when the data is nested deeper than
  // max_depth: the engine walks values recursively (comparison, to_json).
  static std::unique_ptr<Document> make(json data, int max_depth, Error* error);

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const json& data() const { return data_; }
  const Value& root() const { return root_; }

  enum class Lookup { Found, Absent, NotIndexed };
  // The value under `step` in `object`. NotIndexed when `object` is not one of this document's
  // objects (a constant, something built during the evaluation): the caller then looks the
  // key up in the JSON itself.
  Lookup find(const Value& object, const PathStep& step, Value& out) const;

 private:
  struct Entry {
    uint64_t hash;
    const std::string* key;
    Value value;
  };
  struct Object {
    const json* source;
    uint32_t first;  // into entries_, sorted by hash
    uint32_t count;
  };

  explicit Document(json data) : data_(std::move(data)) {}
  bool build(int max_depth, Error* error);

  json data_;
  Value root_;
  std::vector<Object> objects_;
  std::vector<Entry> entries_;
  std::vector<Value> items_;  // elements of every array, each array contiguous
};

}  // namespace haoban::expr
