// Identity functions over the ids module's validators: the same checks the forms show.
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/functions.h"
#include "haoban/ids/divisions.h"
#include "haoban/ids/validators.h"

namespace haoban::expr {

namespace {

// The resident-ID check needs "today" (a birth date may not be in the future). Without one
// from the host, only dates after 9999-12-31 would count as future: every other check applies.
time::CivilDate today_or_max(const CallContext& ctx) {
  return ctx.env.today ? *ctx.env.today : time::CivilDate{9999, 12, 31};
}

bool string_arg(const Value& v, std::string_view& out) {
  if (v.kind != Kind::String) return false;
  out = v.str();
  return true;
}

Value fn_id_valid(CallContext& ctx, const Value* a, size_t) {
  std::string_view s;
  if (!string_arg(a[0], s)) return Value::of(false);
  return Value::of(ids::validate_resident_id(s, today_or_max(ctx)).valid);
}

// The fact `key` of a valid resident ID, or null.
Value id_fact(CallContext& ctx, const Value& v, const char* key) {
  std::string_view s;
  if (!string_arg(v, s)) return Value::null();
  const ids::ValidationResult r = ids::validate_resident_id(s, today_or_max(ctx));
  if (!r.valid || !r.facts.contains(key) || !r.facts[key].is_string()) return Value::null();
  return keep_string(ctx, r.facts[key].get<std::string>());
}

Value fn_id_birth_date(CallContext& ctx, const Value* a, size_t) {
  return id_fact(ctx, a[0], "birthDate");
}
Value fn_id_sex(CallContext& ctx, const Value* a, size_t) { return id_fact(ctx, a[0], "sex"); }
Value fn_id_division(CallContext& ctx, const Value* a, size_t) {
  return id_fact(ctx, a[0], "division");
}

Value fn_uscc_valid(CallContext&, const Value* a, size_t) {
  std::string_view s;
  if (!string_arg(a[0], s)) return Value::of(false);
  return Value::of(ids::validate_uscc(s).valid);
}

Value fn_mobile_valid(CallContext&, const Value* a, size_t) {
  std::string_view s;
  if (!string_arg(a[0], s)) return Value::of(false);
  return Value::of(ids::validate_mobile(s).valid);
}

// Division codes may arrive as numbers (440106) from loosely typed data.
std::string code_of(const Value& v) {
  return v.kind == Kind::Number ? format_number(v.number) : to_string(v);
}

Value fn_division_name(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null()) return Value::null();
  const auto name = ids::division_name(code_of(a[0]));
  if (!name) return Value::null();
  return Value::of(*name);  // the table is static: no copy needed
}

Value fn_division_contains(CallContext&, const Value* a, size_t) {
  if (a[0].is_null() || a[1].is_null()) return Value::of(false);
  return Value::of(ids::division_contains(code_of(a[0]), code_of(a[1])));
}

constexpr Type Str = Type::String;

const FunctionDef kIdFunctions[] = {
    {"id_valid", 1, 1, fn_id_valid, Type::Bool, {Str}, false},
    {"id_birth_date", 1, 1, fn_id_birth_date, Type::Date, {Str}, false},
    {"id_sex", 1, 1, fn_id_sex, Type::String, {Str}, false},
    {"id_division", 1, 1, fn_id_division, Type::String, {Str}, false},
    {"uscc_valid", 1, 1, fn_uscc_valid, Type::Bool, {Str}, true},
    {"mobile_valid", 1, 1, fn_mobile_valid, Type::Bool, {Str}, true},
    {"division_name", 1, 1, fn_division_name, Type::String, {Str}, true},
    {"division_contains", 2, 2, fn_division_contains, Type::Bool, {Str, Str}, true},
};

}  // namespace

std::span<const FunctionDef> id_functions() { return kIdFunctions; }

}  // namespace haoban::expr
