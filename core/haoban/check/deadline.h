// 承诺办结日期: the date by which the agency has promised to finish, from the submission date
// and the item's promised time limit. 工作日 are counted on the official holiday calendar
// (holidays and 调休 make-up working days, data the host loads and passes in); 自然日 are plain
// days. The submission day itself never counts. A limit of 0, or a 即办件, is finished on the
// day of submission (the catalogue's 即办件 with a 1-day limit, e.g. 个体工商户设立登记, carry
// "材料齐全的即时办结": the limit is the fallback when something is incomplete, not the promise).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/time/civil_date.h"

namespace haoban::check {

struct Deadline {
  time::CivilDate submitted_on;
  time::CivilDate due;
  int value = 0;
  std::string unit;       // 工作日 / 自然日
  bool same_day = false;  // 即办件 or a limit of 0
  bool covered = true;    // 工作日: every day counted is in the calendar data
  bool ok = true;         // false: the limit is unusable (negative, unknown unit, too long)
};

Deadline promised_deadline(const catalog::TimeLimit& limit, const std::string& handling_type,
                           const time::CivilDate& submitted_on,
                           const calendar::HolidayCalendar& calendar);

// The date n working days after `from` (容缺后补 deadlines); nullopt when n is out of range.
std::optional<time::CivilDate> working_days_after(const time::CivilDate& from, int n,
                                                  const calendar::HolidayCalendar& calendar);

// {"submittedOn","due","value","unit","sameDay","calendarCovered"} or {"error":…}.
nlohmann::json to_json(const Deadline& deadline);

}  // namespace haoban::check
