// Queries on a loaded calendar. Counting is arithmetic on day numbers (whole weeks plus a
// remainder, then the listed exceptions in the range), so a count over centuries costs the same
// as over a week, and add_working_days is a binary search over that count.
#include "haoban/calendar/holiday_calendar.h"

#include <algorithm>

namespace haoban::calendar {
namespace {

// ISO weekday index, Monday = 0, of a day number (1970-01-01 was a Thursday).
int weekday_of(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace

std::string_view day_kind_name(DayKind kind) {
  switch (kind) {
    case DayKind::workday:
      return "workday";
    case DayKind::weekend:
      return "weekend";
    case DayKind::holiday:
      return "holiday";
    case DayKind::makeup_workday:
      return "makeup_workday";
  }
  return "workday";
}

HolidayCalendar HolidayCalendar::weekends_only() { return HolidayCalendar{}; }

bool HolidayCalendar::covers(int year) const {
  return std::binary_search(years_.begin(), years_.end(), year);
}

bool HolidayCalendar::weekend_rule_off(int64_t day) const { return weekend_[weekday_of(day)]; }

const HolidayCalendar::Exception* HolidayCalendar::find(int64_t day) const {
  auto it = std::lower_bound(exceptions_.begin(), exceptions_.end(), day,
                             [](const Exception& e, int64_t d) { return e.day < d; });
  return it != exceptions_.end() && it->day == day ? &*it : nullptr;
}

DayInfo HolidayCalendar::classify(const time::CivilDate& date) const {
  const int64_t day = time::to_days(date);
  DayInfo info;
  info.covered = covers(date.year);
  if (const Exception* e = find(day)) {
    info.kind = e->working ? DayKind::makeup_workday : DayKind::holiday;
    info.working = e->working;
    info.name_zh = names_[e->name].zh;
    info.name_en = names_[e->name].en;
    return info;
  }
  info.working = !weekend_rule_off(day);
  info.kind = info.working ? DayKind::workday : DayKind::weekend;
  return info;
}

bool HolidayCalendar::is_working_day(const time::CivilDate& date) const {
  const int64_t day = time::to_days(date);
  if (const Exception* e = find(day)) return e->working;
  return !weekend_rule_off(day);
}

int64_t HolidayCalendar::count_working(int64_t first, int64_t last) const {
  if (first > last) return 0;
  const int64_t total = last - first + 1;
  const int64_t full_weeks = total / 7;
  const int64_t remainder = total % 7;
  const int first_weekday = weekday_of(first);
  int64_t working = 0;
  for (int w = 0; w < 7; ++w) {
    if (weekend_[w]) continue;
    const int offset = (w - first_weekday + 7) % 7;  // first day in range with weekday w
    working += full_weeks + (offset < remainder ? 1 : 0);
  }
  auto it = std::lower_bound(exceptions_.begin(), exceptions_.end(), first,
                             [](const Exception& e, int64_t d) { return e.day < d; });
  for (; it != exceptions_.end() && it->day <= last; ++it) {
    const bool rule_off = weekend_rule_off(it->day);
    if (it->working && rule_off) ++working;
    if (!it->working && !rule_off) --working;
  }
  return working;
}

bool HolidayCalendar::covers_span(int64_t first, int64_t last) const {
  const int from_year = time::from_days(first).year;
  const int to_year = time::from_days(last).year;
  // More years than the data holds cannot all be covered (and must not be looped over).
  if (static_cast<int64_t>(to_year) - from_year >= static_cast<int64_t>(years_.size())) {
    return false;
  }
  for (int y = from_year; y <= to_year; ++y) {
    if (!covers(y)) return false;
  }
  return true;
}

std::optional<DateResult> HolidayCalendar::add_working_days(const time::CivilDate& from,
                                                            int64_t n) const {
  if (n > kMaxWorkingDays || n < -kMaxWorkingDays) return std::nullopt;
  const int64_t start = time::to_days(from);
  if (n == 0) return DateResult{from, covers(from.year)};
  const int64_t need = n > 0 ? n : -n;
  // Days counted from `start` in the direction of n: a window [start+1, start+len] forwards or
  // [start-len, start-1] backwards.
  const auto counted = [&](int64_t len) {
    return n > 0 ? count_working(start + 1, start + len) : count_working(start - len, start - 1);
  };
  // Grow the window until it holds enough working days. A calendar whose weekend is nearly the
  // whole week is bounded by the cap rather than looping for ever.
  const int64_t cap = 8 * kMaxWorkingDays + 1000;
  int64_t hi = need;
  while (counted(hi) < need) {
    if (hi >= cap) return std::nullopt;
    hi = std::min(cap, hi * 2 + 7);
  }
  int64_t lo = 1;  // smallest window with `need` working days: it ends on a working day
  while (lo < hi) {
    const int64_t mid = lo + (hi - lo) / 2;
    if (counted(mid) >= need) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const int64_t result = n > 0 ? start + lo : start - lo;
  const bool covered = n > 0 ? covers_span(start + 1, result) : covers_span(result, start - 1);
  return DateResult{time::from_days(result), covered};
}

CountResult HolidayCalendar::working_days_between(const time::CivilDate& a,
                                                  const time::CivilDate& b) const {
  const int64_t da = time::to_days(a);
  const int64_t db = time::to_days(b);
  if (da == db) return CountResult{0, covers(a.year)};
  if (da < db) return CountResult{count_working(da + 1, db), covers_span(da + 1, db)};
  return CountResult{-count_working(db + 1, da), covers_span(db + 1, da)};
}

}  // namespace haoban::calendar
