#include "haoban/check/deadline.h"

namespace haoban::check {

namespace {
constexpr int kMaxNaturalDays = 3660;  // no 时限 runs ten years
}

Deadline promised_deadline(const catalog::TimeLimit& limit, const std::string& handling_type,
                           const time::CivilDate& submitted_on,
                           const calendar::HolidayCalendar& calendar) {
  Deadline d;
  d.submitted_on = submitted_on;
  d.due = submitted_on;
  d.value = limit.value;
  d.unit = limit.unit;
  if (limit.value < 0) {
    d.ok = false;
    return d;
  }
  if (limit.value == 0 || handling_type == "即办件") {
    d.same_day = true;
    return d;
  }
  if (limit.unit == "自然日") {
    if (limit.value > kMaxNaturalDays) {
      d.ok = false;
      return d;
    }
    d.due = time::add_days(submitted_on, limit.value);
    return d;
  }
  if (limit.unit != "工作日") {
    d.ok = false;
    return d;
  }
  const auto r = calendar.add_working_days(submitted_on, limit.value);
  if (!r) {
    d.ok = false;
    return d;
  }
  d.due = r->date;
  d.covered = r->covered;
  return d;
}

std::optional<time::CivilDate> working_days_after(const time::CivilDate& from, int n,
                                                  const calendar::HolidayCalendar& calendar) {
  if (n < 0) return std::nullopt;
  const auto r = calendar.add_working_days(from, n);
  if (!r) return std::nullopt;
  return r->date;
}

nlohmann::json to_json(const Deadline& d) {
  if (!d.ok)
    return {{"error",
             {{"code", "bad_time_limit"},
              {"zh", "事项的承诺办结时限无法计算"},
              {"en", "the item's promised time limit cannot be computed"}}}};
  return {{"submittedOn", time::to_iso(d.submitted_on)},
          {"due", time::to_iso(d.due)},
          {"value", d.value},
          {"unit", d.unit},
          {"sameDay", d.same_day},
          {"calendarCovered", d.covered}};
}

}  // namespace haoban::check
