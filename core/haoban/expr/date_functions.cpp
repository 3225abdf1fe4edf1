// Date functions. "Today" comes from the host (EvalEnv::today), never from a clock, so every
// answer is reproducible. Dates are strings "YYYY-MM-DD".
#include <algorithm>
#include <string>

#include "haoban/expr/error.h"
#include "haoban/expr/functions.h"

namespace haoban::expr {

namespace {

time::CivilDate today_of(CallContext& ctx, const char* function) {
  if (!ctx.env.today) {
    fail(error_type::kInvalidArguments,
         std::string(function) + ": the host did not give today's date");
  }
  return *ctx.env.today;
}

Value date_value(CallContext& ctx, const time::CivilDate& d) {
  return keep_string(ctx, time::to_iso(d));
}

enum class Unit { Days, Months, Years };

Unit unit_of(const Value* args, size_t n, size_t index, const char* function) {
  if (index >= n) return Unit::Days;
  const Value& v = args[index];
  if (v.kind == Kind::String) {
    const std::string_view u = v.str();
    if (u == "days" || u == "day") return Unit::Days;
    if (u == "months" || u == "month") return Unit::Months;
    if (u == "years" || u == "year") return Unit::Years;
  }
  fail(error_type::kInvalidArguments,
       std::string(function) + ": the unit must be \"days\", \"months\" or \"years\"");
}

Value fn_today(CallContext& ctx, const Value*, size_t) {
  return date_value(ctx, today_of(ctx, "today"));
}

// age(birthDate[, onDate]): whole years completed, the usual legal-age rule.
Value fn_age(CallContext& ctx, const Value* a, size_t n) {
  const time::CivilDate birth = require_date(a[0], "age");
  const time::CivilDate on = n > 1 ? require_date(a[1], "age") : today_of(ctx, "age");
  return Value::of(static_cast<double>(time::full_years_between(birth, on)));
}

// date_add(date, amount[, unit]): months and years clamp to the end of the month.
Value fn_date_add(CallContext& ctx, const Value* a, size_t n) {
  const time::CivilDate d = require_date(a[0], "date_add");
  const double amount = to_number(a[1]);
  if (amount != static_cast<double>(static_cast<int64_t>(amount)) || std::abs(amount) > 3e6) {
    fail(error_type::kInvalidArguments, "date_add: the amount must be a whole number of units");
  }
  const auto k = static_cast<int64_t>(amount);
  time::CivilDate out;
  switch (unit_of(a, n, 2, "date_add")) {
    case Unit::Days:
      out = time::add_days(d, k);
      break;
    case Unit::Months:
      out = time::add_months(d, k);
      break;
    case Unit::Years:
      out = time::add_years(d, k);
      break;
  }
  if (out.year < 1 || out.year > 9999)
    fail(error_type::kInvalidArguments, "date_add: out of range");
  return date_value(ctx, out);
}

// date_diff(from, to[, unit]): to − from in whole units (negative when to < from).
Value fn_date_diff(CallContext&, const Value* a, size_t n) {
  const time::CivilDate from = require_date(a[0], "date_diff");
  const time::CivilDate to = require_date(a[1], "date_diff");
  switch (unit_of(a, n, 2, "date_diff")) {
    case Unit::Days:
      return Value::of(static_cast<double>(time::to_days(to) - time::to_days(from)));
    case Unit::Months:
      return Value::of(static_cast<double>(time::full_months_between(from, to)));
    case Unit::Years:
      return Value::of(static_cast<double>(time::full_years_between(from, to)));
  }
  return Value::null();
}

// The working-day calendar is data from the host: {"holidays":[dates],"workdays":[dates]}
// (workdays are the weekend make-up days, 调休). Without one, Monday–Friday are working days.
bool listed(const json* calendar, const char* key, const std::string& iso) {
  if (!calendar || !calendar->is_object()) return false;
  auto it = calendar->find(key);
  if (it == calendar->end() || !it->is_array()) return false;
  for (const auto& d : *it) {
    if (d.is_string() && d.get_ref<const std::string&>() == iso) return true;
  }
  return false;
}

bool is_working_day(CallContext& ctx, const time::CivilDate& d) {
  const std::string iso = time::to_iso(d);
  if (listed(ctx.env.calendar, "holidays", iso)) return false;
  if (listed(ctx.env.calendar, "workdays", iso)) return true;
  return time::weekday(d) < 5;
}

constexpr int64_t kMaxCalendarSpan = 20 * 366;  // days walked at most: bounds the loop

Value fn_is_working_day(CallContext& ctx, const Value* a, size_t) {
  return Value::of(is_working_day(ctx, require_date(a[0], "is_working_day")));
}

// working_days(from, to): working days after `from` up to and including `to`, as 承诺时限 count.
Value fn_working_days(CallContext& ctx, const Value* a, size_t) {
  const time::CivilDate from = require_date(a[0], "working_days");
  const time::CivilDate to = require_date(a[1], "working_days");
  const int64_t span = time::to_days(to) - time::to_days(from);
  if (std::abs(span) > kMaxCalendarSpan)
    fail(error_type::kInvalidArguments, "working_days: span too long");
  int64_t count = 0;
  const int64_t step = span >= 0 ? 1 : -1;
  for (int64_t i = 1; i <= std::abs(span); ++i) {
    if (is_working_day(ctx, time::add_days(from, i * step))) ++count;
  }
  return Value::of(static_cast<double>(count * step));
}

// add_working_days(date, n): the date n working days after `date` (the deadline of a 承诺件).
Value fn_add_working_days(CallContext& ctx, const Value* a, size_t) {
  time::CivilDate d = require_date(a[0], "add_working_days");
  const double amount = to_number(a[1]);
  if (amount != static_cast<double>(static_cast<int64_t>(amount)) || std::abs(amount) > 3650) {
    fail(error_type::kInvalidArguments, "add_working_days: the amount must be a whole number");
  }
  int64_t left = static_cast<int64_t>(std::abs(amount));
  const int64_t step = amount >= 0 ? 1 : -1;
  for (int64_t walked = 0; left > 0; ++walked) {
    if (walked > kMaxCalendarSpan)
      fail(error_type::kInvalidArguments, "add_working_days: span too long");
    d = time::add_days(d, step);
    if (is_working_day(ctx, d)) --left;
  }
  return date_value(ctx, d);
}

constexpr Type D = Type::Date;
constexpr Type N = Type::Number;
constexpr Type S = Type::String;

const FunctionDef kDateFunctions[] = {
    {"today", 0, 0, fn_today, Type::Date, {}, false},
    {"age", 1, 2, fn_age, Type::Number, {D, D}, false},
    {"date_add", 2, 3, fn_date_add, Type::Date, {D, N, S}, true},
    {"date_diff", 2, 3, fn_date_diff, Type::Number, {D, D, S}, true},
    {"is_working_day", 1, 1, fn_is_working_day, Type::Bool, {D}, false},
    {"working_days", 2, 2, fn_working_days, Type::Number, {D, D}, false},
    {"add_working_days", 2, 2, fn_add_working_days, Type::Date, {D, N}, false},
};

}  // namespace

std::span<const FunctionDef> date_functions() { return kDateFunctions; }

}  // namespace haoban::expr
