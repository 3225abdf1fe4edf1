// 承诺办结日期 on the official 2026 calendar: across 春节 (2026-02-15..23, make-up working days
// Saturday 02-14 and Saturday 02-28) and 中秋/国庆 (09-25..27, 10-01..07, make-up 09-20, 10-10).
#include <gtest/gtest.h>

#include "haoban/check/deadline.h"
#include "test_support.h"

using namespace haoban;
using haoban::testing::date;
using haoban::testing::official_calendar;

namespace {
catalog::TimeLimit limit(int value, const char* unit) {
  catalog::TimeLimit l;
  l.value = value;
  l.unit = unit;
  return l;
}
}  // namespace

TEST(Deadline, TenWorkingDaysAcrossSpringFestival) {
  // Fri 02-13 → Sat 02-14 (make-up) is day 1, the holiday is skipped, Sat 02-28 counts.
  auto d = check::promised_deadline(limit(10, "工作日"), "承诺件", date("2026-02-13"),
                                    official_calendar());
  ASSERT_TRUE(d.ok);
  EXPECT_EQ(time::to_iso(d.due), "2026-03-05");
  EXPECT_TRUE(d.covered);
  EXPECT_FALSE(d.same_day);
}

TEST(Deadline, TenWorkingDaysAcrossNationalDay) {
  // Wed 09-30 → 10-08 day 1, 10-09 day 2, Sat 10-10 (make-up) day 3, … 10-20 day 10.
  auto d = check::promised_deadline(limit(10, "工作日"), "承诺件", date("2026-09-30"),
                                    official_calendar());
  EXPECT_EQ(time::to_iso(d.due), "2026-10-20");
}

TEST(Deadline, FiveWorkingDaysAcrossMidAutumnAndNationalDay) {
  // Thu 09-24 → Mon 09-28, 09-29, 09-30, then 10-08, 10-09.
  auto d = check::promised_deadline(limit(5, "工作日"), "承诺件", date("2026-09-24"),
                                    official_calendar());
  EXPECT_EQ(time::to_iso(d.due), "2026-10-09");
  // Submitted on a holiday: counting starts after it.
  d = check::promised_deadline(limit(1, "工作日"), "承诺件", date("2026-10-03"),
                               official_calendar());
  EXPECT_EQ(time::to_iso(d.due), "2026-10-08");
}

TEST(Deadline, NaturalDaysIgnoreHolidays) {
  auto d = check::promised_deadline(limit(15, "自然日"), "承诺件", date("2026-02-13"),
                                    official_calendar());
  EXPECT_EQ(time::to_iso(d.due), "2026-02-28");
}

TEST(Deadline, ImmediateItemsAreDueTheSameDay) {
  auto d = check::promised_deadline(limit(0, "工作日"), "即办件", date("2026-02-16"),
                                    official_calendar());
  EXPECT_TRUE(d.same_day);
  EXPECT_EQ(time::to_iso(d.due), "2026-02-16");
  d = check::promised_deadline(limit(1, "工作日"), "即办件", date("2026-11-27"),
                               official_calendar());
  EXPECT_TRUE(d.same_day);
  EXPECT_EQ(time::to_iso(d.due), "2026-11-27");
}

TEST(Deadline, OutsideTheCalendarDataSaysSo) {
  auto d = check::promised_deadline(limit(5, "工作日"), "承诺件", date("2027-12-28"),
                                    official_calendar());
  ASSERT_TRUE(d.ok);
  EXPECT_FALSE(d.covered);
  EXPECT_EQ(check::to_json(d)["calendarCovered"], false);
}

TEST(Deadline, UnusableLimitsAreErrorsNotDates) {
  EXPECT_FALSE(check::promised_deadline(limit(-1, "工作日"), "承诺件", date("2026-01-05"),
                                        official_calendar())
                   .ok);
  EXPECT_FALSE(
      check::promised_deadline(limit(5, "小时"), "承诺件", date("2026-01-05"), official_calendar())
          .ok);
  EXPECT_FALSE(check::promised_deadline(limit(1'000'000, "工作日"), "承诺件", date("2026-01-05"),
                                        official_calendar())
                   .ok);
  EXPECT_TRUE(check::to_json(check::promised_deadline(limit(5, "小时"), "承诺件",
                                                      date("2026-01-05"), official_calendar()))
                  .contains("error"));
}

TEST(Deadline, DeferralDeadlineInWorkingDays) {
  auto d = check::working_days_after(date("2026-02-13"), 10, official_calendar());
  ASSERT_TRUE(d);
  EXPECT_EQ(time::to_iso(*d), "2026-03-05");
  EXPECT_FALSE(check::working_days_after(date("2026-02-13"), -1, official_calendar()));
}
