#include "haoban/expr/functions.h"

#include <string>
#include <vector>

#include "haoban/expr/error.h"

namespace haoban::expr {

namespace {

const std::vector<FunctionDef>& registry() {
  static const std::vector<FunctionDef> all = [] {
    std::vector<FunctionDef> v;
    for (auto family : {date_functions(), text_functions(), id_functions(), money_functions()}) {
      v.insert(v.end(), family.begin(), family.end());
    }
    return v;
  }();
  return all;
}

}  // namespace

const char* type_name(Type t) {
  switch (t) {
    case Type::Any:
      return "any";
    case Type::Null:
      return "null";
    case Type::Bool:
      return "boolean";
    case Type::Number:
      return "number";
    case Type::String:
      return "string";
    case Type::Date:
      return "date";
    case Type::Array:
      return "array";
    case Type::Object:
      return "object";
  }
  return "?";
}

const FunctionDef* find_function(std::string_view name, uint32_t* index) {
  const auto& all = registry();
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].name == name) {
      if (index) *index = static_cast<uint32_t>(i);
      return &all[i];
    }
  }
  return nullptr;
}

const FunctionDef& function_at(uint32_t index) { return registry()[index]; }

std::optional<time::CivilDate> arg_date(const Value& v) {
  if (v.kind != Kind::String) return std::nullopt;
  return time::parse_iso(v.str());
}

time::CivilDate require_date(const Value& v, const char* function) {
  if (auto d = arg_date(v)) return *d;
  fail(error_type::kInvalidArguments,
       std::string(function) + ": expected a date \"YYYY-MM-DD\", got " + kind_name(v.kind));
}

Value keep_string(CallContext& ctx, std::string s) {
  if (s.size() > ctx.limits.max_string_bytes) {
    fail_limit(error_type::kStringTooLong,
               "string longer than " + std::to_string(ctx.limits.max_string_bytes) + " bytes");
  }
  if (ctx.arena.string_bytes() + s.size() > ctx.limits.max_total_string_bytes) {
    fail_limit(error_type::kStringTooLong, "the strings built by one evaluation exceed " +
                                               std::to_string(ctx.limits.max_total_string_bytes) +
                                               " bytes");
  }
  return Value::of(ctx.arena.keep(std::move(s)));
}

}  // namespace haoban::expr
