// Named functions callable from both syntaxes: in JsonLogic as operators ({"age":[…]}), in
// infix as calls (age(…)). Each family lives in its own file and contributes a table; adding
// a function is adding one entry. Functions are eager: they receive evaluated arguments.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include <memory>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/expr/limits.h"
#include "haoban/expr/value.h"
#include "haoban/time/civil_date.h"

namespace haoban::expr {

// What the host passes in: the engine never reads a clock or a file.
struct EvalEnv {
  std::optional<time::CivilDate> today;  // for today(), age(); absent → calling them fails
  // The official holiday calendar for working_days(); absent → weekends only.
  const calendar::HolidayCalendar* calendar = nullptr;
  uint64_t max_steps = 0;  // 0: the program's limit
};

// Static types for compile-time checking (typecheck.h). Date is a string "YYYY-MM-DD".
enum class Type : uint8_t { Any, Null, Bool, Number, String, Date, Array, Object };
const char* type_name(Type t);

struct CallContext {
  Arena& arena;
  const Limits& limits;
  const EvalEnv& env;
  // What the function's prepare hook made at compile time from a literal argument (a compiled
  // regex), or null when that argument was not a literal.
  const void* prepared = nullptr;
};

using NativeFunction = Value (*)(CallContext& ctx, const Value* args, size_t n);
// Runs once at compile time on the literal argument `prepare_arg`; throws EvalFailure to
// reject it (a bad pattern is an error at load, with its location).
using PrepareFunction = std::shared_ptr<const void> (*)(const Value& literal, const Limits& limits);

struct FunctionDef {
  std::string_view name;
  int min_args = 0;
  int max_args = 0;
  NativeFunction fn = nullptr;
  Type result = Type::Any;
  std::array<Type, 4> params{};  // types of the first arguments (Any beyond)
  bool pure = true;              // false: depends on the environment (today), never folded
  PrepareFunction prepare = nullptr;
  int prepare_arg = -1;
};

// Lookup by name; returns nullptr if unknown. Indices are stable for the process.
const FunctionDef* find_function(std::string_view name, uint32_t* index = nullptr);
const FunctionDef& function_at(uint32_t index);

// Families (one file each).
std::span<const FunctionDef> date_functions();
std::span<const FunctionDef> text_functions();
std::span<const FunctionDef> id_functions();
std::span<const FunctionDef> money_functions();

// Helpers for function implementations.
std::optional<time::CivilDate> arg_date(const Value& v);
time::CivilDate require_date(const Value& v, const char* function);
Value keep_string(CallContext& ctx, std::string s);

}  // namespace haoban::expr
