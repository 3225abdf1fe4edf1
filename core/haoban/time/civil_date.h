// A calendar date with no time zone and no clock: "today" is always passed in by the host,
// so every result of the engine is reproducible.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::time {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  auto operator<=>(const CivilDate&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(int year, int month, int day);

// Days since 1970-01-01 (negative before); exact for the proleptic Gregorian calendar.
int64_t to_days(const CivilDate& date);
CivilDate from_days(int64_t days);

// 0 = Monday … 6 = Sunday (ISO order).
int weekday(const CivilDate& date);

// Strict "YYYY-MM-DD" (also accepts "YYYYMMDD"); nullopt for anything else or an impossible date.
std::optional<CivilDate> parse_iso(std::string_view text);
std::string to_iso(const CivilDate& date);

CivilDate add_days(const CivilDate& date, int64_t days);
// Adds calendar months, clamping the day to the end of the target month (Jan 31 + 1 month = Feb 28/29).
CivilDate add_months(const CivilDate& date, int64_t months);
CivilDate add_years(const CivilDate& date, int64_t years);

// Whole years completed between birth and on (the usual "age" rule); negative if on < birth.
int full_years_between(const CivilDate& from, const CivilDate& to);
// Whole months completed between the two dates.
int full_months_between(const CivilDate& from, const CivilDate& to);

}  // namespace haoban::time
