// The evaluator's value: a small tagged struct that views into the caller's JSON data, the
// program's constants or the evaluation arena, so reading variables and comparing them
// never allocates. Arrays the engine builds (map, filter, merge) live in the arena.
#pragma once

#include <cstdint>
#include <deque>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace haoban::expr {

using json = nlohmann::json;

enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object };

struct Value {
  Kind kind = Kind::Null;
  bool boolean = false;  // Kind::Bool
  bool is_view = false;  // Kind::Array / Kind::Object: `ref` views JSON (else arena items)
  uint32_t count = 0;    // string length in bytes, or element count of an arena array
  union {
    double number = 0;   // Kind::Number
    const char* chars;   // Kind::String
    const json* ref;     // JSON array or object
    const Value* items;  // arena array
  };

  static Value null() { return {}; }
  static Value of(bool b) {
    Value v;
    v.kind = Kind::Bool;
    v.boolean = b;
    return v;
  }
  static Value of(double n) {
    Value v;
    v.kind = Kind::Number;
    v.number = n;
    return v;
  }
  // The characters must outlive the Value (data, constants or arena). Callers bound sizes.
  static Value of(std::string_view s) {
    Value v;
    v.kind = Kind::String;
    v.chars = s.data();
    v.count = static_cast<uint32_t>(s.size());
    return v;
  }
  static Value array(const Value* items, size_t count) {
    Value v;
    v.kind = Kind::Array;
    v.items = items;
    v.count = static_cast<uint32_t>(count);
    return v;
  }
  // A view of a JSON value; the JSON must outlive the Value.
  static Value view(const json& j);

  bool is_null() const { return kind == Kind::Null; }
  bool is_array() const { return kind == Kind::Array; }
  std::string_view str() const { return {chars, count}; }
  size_t size() const { return is_view ? ref->size() : count; }              // arrays only
  Value at(size_t i) const { return is_view ? view((*ref)[i]) : items[i]; }  // i < size()
};
static_assert(sizeof(Value) == 16, "Value is meant to stay two words");

// Storage for values built during one evaluation. Cleared between runs; the arrays are kept
// (emptied, capacity kept) and handed out again, so a rule with map/filter does not allocate
// on every run once warmed up. What one run left very large is released (see clear()).
class Arena {
 public:
  std::string_view keep(std::string s) {
    used_ = true;
    string_bytes_ += s.size();
    return strings_.emplace_back(std::move(s));
  }
  // Bytes of the strings kept since clear(): bounded per evaluation (Limits).
  size_t string_bytes() const { return string_bytes_; }
  std::vector<Value>& new_array() {
    used_ = true;
    if (arrays_used_ < arrays_.size()) {
      std::vector<Value>& reused = arrays_[arrays_used_++];
      reused.clear();
      return reused;
    }
    ++arrays_used_;
    return arrays_.emplace_back();
  }
  const json& keep(json j) {
    used_ = true;
    return jsons_.emplace_back(std::move(j));
  }
  void clear() {
    // Most runs build nothing here (a condition over the data): one flag, not three deques
    // read (cache lines of an evaluator not touched since its rule last ran).
    if (!used_) return;
    used_ = false;
    if (!strings_.empty()) strings_.clear();
    if (!jsons_.empty()) jsons_.clear();
    // Keep a bounded pool: at most kPooledArrays arrays of at most kPooledCapacity elements
    // each, so one huge evaluation does not pin its memory in a long-lived evaluator.
    for (size_t i = 0; i < arrays_used_ && i < arrays_.size(); ++i) {
      if (arrays_[i].capacity() > kPooledCapacity) std::vector<Value>().swap(arrays_[i]);
    }
    if (arrays_.size() > kPooledArrays) arrays_.resize(kPooledArrays);
    arrays_used_ = 0;
    string_bytes_ = 0;
  }

 private:
  bool used_ = false;  // anything kept or handed out since clear()
  static constexpr size_t kPooledArrays = 64;
  static constexpr size_t kPooledCapacity = 1024;  // at most 1 MiB kept in all
  std::deque<std::string> strings_;
  std::deque<std::vector<Value>> arrays_;
  size_t arrays_used_ = 0;
  std::deque<json> jsons_;
  size_t string_bytes_ = 0;
};

// JsonLogic truthiness: null, false, 0, NaN, "" and [] are false; everything else (even {}) true.
bool truthy(const Value& v);

// Arithmetic coercion: null→0, bool→0/1, numeric strings ("" → 0); arrays, objects and
// non-numeric strings fail with "NaN".
double to_number(const Value& v);
// Like to_number but returns false instead of failing.
bool try_number(const Value& v, double& out);

// JavaScript's String(v): numbers in shortest round-trip form, arrays joined by ",".
void append_string(std::string& out, const Value& v);
std::string to_string(const Value& v);
std::string format_number(double n);

// Loose equality (==) with the suites' semantics; throws "NaN" for arrays, objects and
// non-numeric strings compared with numbers.
bool loose_equal(const Value& a, const Value& b);
// Strict equality (===): same kind and same value (arrays and objects compared deeply).
bool strict_equal(const Value& a, const Value& b);
// Ordering for < <= > >=: -1, 0, 1. Two strings compare as strings, everything else as numbers.
int compare(const Value& a, const Value& b);

// Converts back to JSON (integral numbers become JSON integers). Depth-bounded by construction:
// arena arrays are at most as deep as the rule, JSON views are copied iteratively by nlohmann.
json to_json(const Value& v);

const char* kind_name(Kind kind);

}  // namespace haoban::expr
