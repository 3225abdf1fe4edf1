// Civil dates with no clock: validity, day arithmetic, ISO parsing, age computation.
#include <gtest/gtest.h>

#include "haoban/time/civil_date.h"

namespace haoban::time {
namespace {

TEST(CivilDate, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_FALSE(is_leap_year(2026));
}

TEST(CivilDate, DaysInMonth) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2026, 2), 28);
  EXPECT_EQ(days_in_month(2026, 4), 30);
  EXPECT_EQ(days_in_month(2026, 12), 31);
  EXPECT_EQ(days_in_month(2026, 0), 0);
  EXPECT_EQ(days_in_month(2026, 13), 0);
}

TEST(CivilDate, Validity) {
  EXPECT_TRUE(is_valid(1949, 12, 31));
  EXPECT_TRUE(is_valid(2000, 2, 29));
  EXPECT_FALSE(is_valid(1900, 2, 29));
  EXPECT_FALSE(is_valid(2026, 2, 30));
  EXPECT_FALSE(is_valid(2026, 4, 31));
  EXPECT_FALSE(is_valid(2026, 13, 1));
  EXPECT_FALSE(is_valid(2026, 1, 0));
  EXPECT_FALSE(is_valid(0, 1, 1));
  EXPECT_FALSE(is_valid(10000, 1, 1));
}

TEST(CivilDate, DaysSinceEpoch) {
  EXPECT_EQ(to_days({1970, 1, 1}), 0);
  EXPECT_EQ(to_days({1970, 1, 2}), 1);
  EXPECT_EQ(to_days({1969, 12, 31}), -1);
  EXPECT_EQ(to_days({2000, 3, 1}), 11017);
  EXPECT_EQ(to_days({1949, 10, 1}), -7397);
}

TEST(CivilDate, DaysRoundTripOverFourCenturies) {
  // Every day from 1800 to 2200 converts to days and back unchanged, consecutively.
  int64_t previous = to_days({1799, 12, 31});
  for (int y = 1800; y <= 2200; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= days_in_month(y, m); ++d) {
        const CivilDate date{y, m, d};
        const int64_t days = to_days(date);
        ASSERT_EQ(days, previous + 1) << to_iso(date);
        ASSERT_EQ(from_days(days), date) << to_iso(date);
        previous = days;
      }
    }
  }
}

TEST(CivilDate, Weekday) {
  EXPECT_EQ(weekday({1970, 1, 1}), 3);    // Thursday
  EXPECT_EQ(weekday({1949, 10, 1}), 5);   // Saturday
  EXPECT_EQ(weekday({2026, 11, 27}), 4);  // Friday
  EXPECT_EQ(weekday({2024, 2, 29}), 3);   // Thursday
  EXPECT_EQ(weekday({1969, 12, 29}), 0);  // Monday, before the epoch
}

TEST(CivilDate, ParseIso) {
  EXPECT_EQ(parse_iso("2026-11-27"), (CivilDate{2026, 11, 27}));
  EXPECT_EQ(parse_iso("19491231"), (CivilDate{1949, 12, 31}));
  EXPECT_EQ(parse_iso("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(parse_iso("2026-02-29"), std::nullopt);
  EXPECT_EQ(parse_iso("2026-2-1"), std::nullopt);
  EXPECT_EQ(parse_iso("2026/11/27"), std::nullopt);
  EXPECT_EQ(parse_iso("2026-11-27T00:00"), std::nullopt);
  EXPECT_EQ(parse_iso("+026-11-27"), std::nullopt);
  EXPECT_EQ(parse_iso("2026-1a-27"), std::nullopt);
  EXPECT_EQ(parse_iso("0000-01-01"), std::nullopt);
  EXPECT_EQ(parse_iso(""), std::nullopt);
  EXPECT_EQ(parse_iso(std::string(1 << 20, '2')), std::nullopt);
}

TEST(CivilDate, FormatIso) {
  EXPECT_EQ(to_iso({2026, 1, 5}), "2026-01-05");
  EXPECT_EQ(to_iso({1949, 12, 31}), "1949-12-31");
  EXPECT_EQ(to_iso({987, 6, 7}), "0987-06-07");
  EXPECT_EQ(parse_iso(to_iso({2000, 2, 29})), (CivilDate{2000, 2, 29}));
}

TEST(CivilDate, AddDays) {
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (CivilDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(add_days({2026, 3, 1}, -1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(add_days({2026, 11, 27}, 0), (CivilDate{2026, 11, 27}));
}

TEST(CivilDate, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(add_months({2026, 1, 31}, 1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(add_months({2024, 1, 31}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(add_months({2026, 11, 27}, 2), (CivilDate{2027, 1, 27}));
  EXPECT_EQ(add_months({2026, 1, 15}, -1), (CivilDate{2025, 12, 15}));
  EXPECT_EQ(add_months({2026, 3, 31}, -13), (CivilDate{2025, 2, 28}));
  EXPECT_EQ(add_years({2024, 2, 29}, 1), (CivilDate{2025, 2, 28}));
  EXPECT_EQ(add_years({2024, 2, 29}, 4), (CivilDate{2028, 2, 29}));
}

TEST(CivilDate, FullYearsIsTheUsualAge) {
  EXPECT_EQ(full_years_between({1949, 12, 31}, {2026, 11, 27}), 76);
  EXPECT_EQ(full_years_between({2008, 11, 27}, {2026, 11, 27}), 18);  // birthday reached
  EXPECT_EQ(full_years_between({2008, 11, 28}, {2026, 11, 27}), 17);  // one day short
  EXPECT_EQ(full_years_between({2026, 11, 27}, {2026, 11, 27}), 0);
  EXPECT_EQ(full_years_between({2026, 11, 28}, {2026, 11, 27}), 0);  // born tomorrow
  EXPECT_EQ(full_years_between({2020, 1, 1}, {2010, 1, 1}), -10);
}

TEST(CivilDate, LeapDayBirthdayInACommonYearCountsFromMonthEnd) {
  // The convention of add_months (and of 民法典 §201: with no corresponding day, the month's
  // last day): someone born on 29 February completes a year on 28 February of common years.
  EXPECT_EQ(full_years_between({2008, 2, 29}, {2026, 2, 27}), 17);
  EXPECT_EQ(full_years_between({2008, 2, 29}, {2026, 2, 28}), 18);
  EXPECT_EQ(full_years_between({2008, 2, 29}, {2028, 2, 28}), 19);
  EXPECT_EQ(full_years_between({2008, 2, 29}, {2028, 2, 29}), 20);
}

TEST(CivilDate, FullMonths) {
  EXPECT_EQ(full_months_between({2026, 1, 15}, {2026, 2, 14}), 0);
  EXPECT_EQ(full_months_between({2026, 1, 15}, {2026, 2, 15}), 1);
  EXPECT_EQ(full_months_between({2026, 1, 31}, {2026, 2, 28}), 1);
  EXPECT_EQ(full_months_between({2026, 1, 31}, {2026, 3, 30}), 1);
  EXPECT_EQ(full_months_between({2026, 1, 31}, {2026, 3, 31}), 2);
  EXPECT_EQ(full_months_between({2026, 3, 15}, {2026, 1, 15}), -2);
}

TEST(CivilDate, Ordering) {
  EXPECT_LT((CivilDate{2026, 11, 27}), (CivilDate{2026, 11, 28}));
  EXPECT_LT((CivilDate{2025, 12, 31}), (CivilDate{2026, 1, 1}));
  EXPECT_EQ((CivilDate{2026, 1, 1}), (CivilDate{2026, 1, 1}));
}

}  // namespace
}  // namespace haoban::time
