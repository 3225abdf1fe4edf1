// Date functions. "Today" comes from the host (EvalEnv::today), never from a clock, so every
// answer is reproducible. Dates are strings "YYYY-MM-DD".
#include <algorithm>
#include <cmath>
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

enum class Unit { Days, Weeks, Months, Years };

Unit unit_of(const Value* args, size_t n, size_t index, const char* function) {
  if (index >= n) return Unit::Days;
  const Value& v = args[index];
  if (v.kind == Kind::String) {
    const std::string_view u = v.str();
    if (u == "day" || u == "days") return Unit::Days;
    if (u == "week" || u == "weeks") return Unit::Weeks;
    if (u == "month" || u == "months") return Unit::Months;
    if (u == "year" || u == "years") return Unit::Years;
  }
  fail(error_type::kInvalidArguments,
       std::string(function) + ": the unit must be \"day\", \"week\", \"month\" or \"year\"");
}

int64_t whole_amount(const Value& v, double bound, const char* function) {
  const double amount = to_number(v);
  if (amount != std::trunc(amount) || std::fabs(amount) > bound) {
    fail(error_type::kInvalidArguments,
         std::string(function) + ": the amount must be a whole number");
  }
  return static_cast<int64_t>(amount);
}

Value fn_today(CallContext& ctx, const Value*, size_t) {
  return date_value(ctx, today_of(ctx, "today"));
}

// age(birthDate[, onDate]): whole years completed, the usual legal-age rule; null for null.
Value fn_age(CallContext& ctx, const Value* a, size_t n) {
  if (a[0].is_null() || (n > 1 && a[1].is_null())) return Value::null();
  const time::CivilDate birth = require_date(a[0], "age");
  const time::CivilDate on = n > 1 ? require_date(a[1], "age") : today_of(ctx, "age");
  return Value::of(static_cast<double>(time::full_years_between(birth, on)));
}

// date_add(date, amount[, unit]): months and years clamp to the end of the month.
Value fn_date_add(CallContext& ctx, const Value* a, size_t n) {
  if (a[0].is_null() || a[1].is_null()) return Value::null();
  const time::CivilDate d = require_date(a[0], "date_add");
  const int64_t k = whole_amount(a[1], 3e6, "date_add");
  time::CivilDate out;
  switch (unit_of(a, n, 2, "date_add")) {
    case Unit::Days:
      out = time::add_days(d, k);
      break;
    case Unit::Weeks:
      out = time::add_days(d, 7 * k);
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

// date_diff(from, to[, unit]): to − from in whole units (negative when to < from); null for null.
Value fn_date_diff(CallContext&, const Value* a, size_t n) {
  if (a[0].is_null() || a[1].is_null()) return Value::null();
  const time::CivilDate from = require_date(a[0], "date_diff");
  const time::CivilDate to = require_date(a[1], "date_diff");
  const int64_t days = time::to_days(to) - time::to_days(from);
  switch (unit_of(a, n, 2, "date_diff")) {
    case Unit::Days:
      return Value::of(static_cast<double>(days));
    case Unit::Weeks:
      return Value::of(static_cast<double>(days / 7));
    case Unit::Months:
      return Value::of(static_cast<double>(time::full_months_between(from, to)));
    case Unit::Years:
      return Value::of(static_cast<double>(time::full_years_between(from, to)));
  }
  return Value::null();
}

// Working days come from the official holiday calendar the host passes in (holidays and 调休
// make-up days are data); without one, Monday to Friday.
const calendar::HolidayCalendar& calendar_of(const CallContext& ctx) {
  static const calendar::HolidayCalendar kWeekendsOnly = calendar::HolidayCalendar::weekends_only();
  return ctx.env.calendar ? *ctx.env.calendar : kWeekendsOnly;
}

Value fn_is_working_day(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null()) return Value::null();
  return Value::of(calendar_of(ctx).is_working_day(require_date(a[0], "is_working_day")));
}

// working_days(from, to): working days after `from` up to and including `to`.
Value fn_working_days(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null() || a[1].is_null()) return Value::null();
  const time::CivilDate from = require_date(a[0], "working_days");
  const time::CivilDate to = require_date(a[1], "working_days");
  return Value::of(static_cast<double>(calendar_of(ctx).working_days_between(from, to).days));
}

// add_working_days(date, n): the n-th working day after `date` (the deadline of a 承诺件).
Value fn_add_working_days(CallContext& ctx, const Value* a, size_t) {
  if (a[0].is_null() || a[1].is_null()) return Value::null();
  const time::CivilDate d = require_date(a[0], "add_working_days");
  const int64_t k = whole_amount(a[1], 1e5, "add_working_days");
  const auto result = calendar_of(ctx).add_working_days(d, k);
  if (!result) fail(error_type::kInvalidArguments, "add_working_days: too many working days");
  return date_value(ctx, result->date);
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
