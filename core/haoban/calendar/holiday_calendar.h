// Working days on an official holiday calendar. 承诺办结时限 are counted in 工作日, which in
// mainland China are not simply Monday to Friday: the State Council publishes each year the
// public holidays and the 调休 make-up working days (usually a Saturday or Sunday). That list
// is data (data/holidays/cn-mainland.json, described in docs/holidays.md), loaded here from
// JSON text or parsed JSON; the host reads the file, this module never touches files or clocks.
//
// For a date in a year the data does not cover, the calendar falls back to weekends only and
// says so (`covered == false`), so that a host can warn that a deadline may be off.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "haoban/time/civil_date.h"

namespace haoban::calendar {

enum class DayKind {
  workday,         // an ordinary working day (Monday to Friday, no holiday)
  weekend,         // an ordinary rest day
  holiday,         // a public holiday (including the weekend days inside a holiday period)
  makeup_workday,  // 调休: a weekend day worked in exchange for a holiday
};

// "workday", "weekend", "holiday", "makeup_workday".
std::string_view day_kind_name(DayKind kind);

struct DayInfo {
  DayKind kind = DayKind::workday;
  bool working = true;
  bool covered = false;  // the date's year is in the calendar data
  std::string name_zh;   // holiday name; for a make-up day, the holiday it makes up for
  std::string name_en;
};

struct DateResult {
  time::CivilDate date;
  bool covered = false;  // every day counted lies in a covered year
};

struct CountResult {
  int64_t days = 0;
  bool covered = false;
};

// A problem in the calendar data, with where it is: "$.years[1].workdays[0].date".
struct LoadError {
  std::string code;  // invalid_json, too_large, unsupported_format, wrong_type, missing_field,
                     // invalid_date, date_outside_year, range_reversed, range_too_long,
                     // duplicate_year, overlap, makeup_not_weekend, too_many_entries
  std::string path;
  std::string zh;
  std::string en;
};

class HolidayCalendar;
class LoadResult;

class HolidayCalendar {
 public:
  // Bounds on the data, so that a hostile file cannot make loading slow or large.
  static constexpr size_t kMaxTextBytes = 1 << 20;
  static constexpr size_t kMaxYears = 500;
  static constexpr size_t kMaxEntriesPerYear = 200;
  static constexpr int kMaxHolidayDays = 31;
  // Larger counts are refused (nullopt): no 时限 is centuries long.
  static constexpr int64_t kMaxWorkingDays = 100'000;

  static LoadResult from_json_text(std::string_view text);
  static LoadResult from_json(const nlohmann::json& data);
  // Saturday and Sunday off, no holidays, no year covered.
  static HolidayCalendar weekends_only();

  bool covers(int year) const;
  const std::vector<int>& covered_years() const { return years_; }

  DayInfo classify(const time::CivilDate& date) const;
  bool is_working_day(const time::CivilDate& date) const;

  // The n-th working day after `from` (承诺办结日期): the day of submission never counts, even
  // when it is a working day, so an application made on Friday with 1 working day is due on the
  // next working day (Monday, or later across a holiday). n == 0 gives `from` itself (即办件);
  // n < 0 counts backwards, the |n|-th working day before `from`. nullopt if |n| > kMaxWorkingDays.
  std::optional<DateResult> add_working_days(const time::CivilDate& from, int64_t n) const;

  // Working days in (a, b]: after a, up to and including b, so that
  // working_days_between(d, add_working_days(d, n)) == n. Negative when b < a.
  CountResult working_days_between(const time::CivilDate& a, const time::CivilDate& b) const;

 private:
  struct Exception {  // a day that is not what the weekend rule says
    int64_t day;      // days since 1970-01-01
    bool working;     // true: make-up working day; false: holiday
    uint32_t name;    // index into names_
  };
  struct Name {
    std::string zh;
    std::string en;
  };
  friend class CalendarLoader;

  bool weekend_rule_off(int64_t day) const;
  // Working days among day numbers [first, last], inclusive; 0 when first > last.
  int64_t count_working(int64_t first, int64_t last) const;
  bool covers_span(int64_t first, int64_t last) const;
  const Exception* find(int64_t day) const;

  bool weekend_[7] = {false, false, false, false, false, true, true};  // Monday first
  std::vector<int> years_;                                             // sorted
  std::vector<Exception> exceptions_;                                  // sorted by day
  std::vector<Name> names_;
};

// An expected-like result: a calendar or the first error found in the data.
class LoadResult {
 public:
  LoadResult(HolidayCalendar calendar) : value_(std::move(calendar)) {}
  LoadResult(LoadError error) : value_(std::move(error)) {}
  bool ok() const { return std::holds_alternative<HolidayCalendar>(value_); }
  explicit operator bool() const { return ok(); }
  const HolidayCalendar& value() const { return std::get<HolidayCalendar>(value_); }
  const HolidayCalendar* operator->() const { return &value(); }
  const LoadError& error() const { return std::get<LoadError>(value_); }

 private:
  std::variant<HolidayCalendar, LoadError> value_;
};

}  // namespace haoban::calendar
