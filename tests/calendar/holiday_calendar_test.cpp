#include "haoban/calendar/holiday_calendar.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

using haoban::calendar::DayKind;
using haoban::calendar::HolidayCalendar;
using haoban::time::CivilDate;

CivilDate d(const char* iso) { return *haoban::time::parse_iso(iso); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The bundled data file, loaded once: the tests check the real published calendar.
const HolidayCalendar& cn() {
  static const HolidayCalendar calendar = [] {
    auto r = HolidayCalendar::from_json_text(
        read_file(std::string(HAOBAN_SOURCE_DIR) + "/data/holidays/cn-mainland.json"));
    if (!r.ok()) {
      ADD_FAILURE() << r.error().code << " at " << r.error().path;
      return HolidayCalendar::weekends_only();
    }
    return r.value();
  }();
  return calendar;
}

std::string add(const char* from, int64_t n, const HolidayCalendar& cal = cn()) {
  auto r = cal.add_working_days(d(from), n);
  EXPECT_TRUE(r.has_value());
  return r ? haoban::time::to_iso(r->date) : "";
}

TEST(HolidayCalendarData, LoadsBothYears) {
  EXPECT_EQ(cn().covered_years(), (std::vector<int>{2025, 2026}));
  EXPECT_TRUE(cn().covers(2025));
  EXPECT_FALSE(cn().covers(2027));
}

TEST(HolidayCalendarData, ClassifiesDaysOf2025) {
  auto spring = cn().classify(d("2025-01-26"));  // Sunday worked for 春节
  EXPECT_EQ(spring.kind, DayKind::makeup_workday);
  EXPECT_TRUE(spring.working);
  EXPECT_TRUE(spring.covered);
  EXPECT_EQ(spring.name_zh, "春节");
  EXPECT_EQ(spring.name_en, "Spring Festival");
  EXPECT_EQ(cn().classify(d("2025-01-28")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2025-02-04")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2025-02-05")).kind, DayKind::workday);
  EXPECT_EQ(cn().classify(d("2025-02-08")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2025-04-27")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2025-05-05")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2025-06-02")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2025-09-28")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2025-10-08")).name_zh, "国庆节、中秋节");
  EXPECT_EQ(cn().classify(d("2025-10-11")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2025-10-12")).kind, DayKind::weekend);
}

TEST(HolidayCalendarData, ClassifiesDaysOf2026) {
  EXPECT_EQ(cn().classify(d("2026-01-03")).kind, DayKind::holiday);  // a Saturday inside 元旦
  EXPECT_EQ(cn().classify(d("2026-01-04")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2026-02-14")).kind, DayKind::makeup_workday);
  for (const char* day : {"2026-02-15", "2026-02-19", "2026-02-23"}) {
    EXPECT_EQ(cn().classify(d(day)).kind, DayKind::holiday) << day;
  }
  EXPECT_EQ(cn().classify(d("2026-02-28")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2026-05-09")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2026-06-19")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2026-09-26")).name_en, "Mid-Autumn Festival");
  EXPECT_EQ(cn().classify(d("2026-09-20")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2026-10-07")).kind, DayKind::holiday);
  EXPECT_EQ(cn().classify(d("2026-10-10")).kind, DayKind::makeup_workday);
  EXPECT_EQ(cn().classify(d("2026-03-07")).kind, DayKind::weekend);
  EXPECT_EQ(cn().classify(d("2026-03-09")).kind, DayKind::workday);
  EXPECT_EQ(haoban::calendar::day_kind_name(DayKind::makeup_workday), "makeup_workday");
}

// Counted by hand from the notices: 261 weekdays each year, minus the holidays that fall on a
// weekday (2025: 1+6+1+3+1+6 = 18; 2026: 2+6+1+3+1+1+5 = 19), plus the make-up days (5; 6).
TEST(HolidayCalendarData, WorkingDaysPerYear) {
  auto y2025 = cn().working_days_between(d("2024-12-31"), d("2025-12-31"));
  EXPECT_EQ(y2025.days, 248);
  EXPECT_TRUE(y2025.covered);
  auto y2026 = cn().working_days_between(d("2025-12-31"), d("2026-12-31"));
  EXPECT_EQ(y2026.days, 248);
  EXPECT_TRUE(y2026.covered);
  // The same count, day by day.
  int by_day = 0;
  for (CivilDate day = d("2026-01-01"); day <= d("2026-12-31");
       day = haoban::time::add_days(day, 1)) {
    by_day += cn().is_working_day(day) ? 1 : 0;
  }
  EXPECT_EQ(by_day, 248);
}

TEST(HolidayCalendarDeadlines, SubmissionDayDoesNotCount) {
  // Friday before 春节 2026: Sat 2/14 is worked (1), 2/15–2/23 off, Tue 2/24 (2), Wed 2/25 (3).
  EXPECT_EQ(add("2026-02-13", 3), "2026-02-25");
  EXPECT_EQ(add("2026-02-13", 1), "2026-02-14");
  // 2/24 to 2/28: the make-up Saturday counts, the Sunday after it does not.
  EXPECT_EQ(add("2026-02-24", 4), "2026-02-28");
  EXPECT_EQ(add("2026-02-24", 5), "2026-03-02");
  // The day before 国庆 2025: 10/1–10/8 off, so the next working day is Thursday 10/9.
  EXPECT_EQ(add("2025-09-30", 1), "2025-10-09");
  EXPECT_EQ(add("2025-09-26", 1), "2025-09-28");  // Friday → the make-up Sunday
  EXPECT_EQ(add("2026-03-06", 1), "2026-03-09");  // Friday → Monday
  EXPECT_EQ(add("2026-03-07", 1), "2026-03-09");  // submitted on a Saturday
  EXPECT_EQ(add("2026-03-09", 0), "2026-03-09");  // 即办件
  // Across the year end: 1/1–1/3 off, Sunday 1/4 worked.
  EXPECT_EQ(add("2025-12-31", 1), "2026-01-04");
  EXPECT_EQ(add("2025-12-31", 2), "2026-01-05");
  // 15 working days from the start of 劳动节 2026: 5/6,7,8,9(Sat),11..15,18..22,25.
  EXPECT_EQ(add("2026-04-30", 15), "2026-05-25");
}

TEST(HolidayCalendarDeadlines, CountsBackwards) {
  EXPECT_EQ(add("2025-10-09", -1), "2025-09-30");
  EXPECT_EQ(add("2026-02-25", -3), "2026-02-13");
  EXPECT_EQ(add("2026-01-05", -1), "2026-01-04");
}

TEST(HolidayCalendarDeadlines, AddAndBetweenAgreeEveryDay) {
  for (CivilDate day = d("2025-01-01"); day <= d("2026-12-01");
       day = haoban::time::add_days(day, 1)) {
    for (int64_t n : {1, 2, 3, 5, 10, 20}) {
      auto r = cn().add_working_days(day, n);
      ASSERT_TRUE(r.has_value());
      EXPECT_TRUE(cn().is_working_day(r->date));
      EXPECT_EQ(cn().working_days_between(day, r->date).days, n);
      // The day before the deadline still lacks one working day: the deadline is the earliest.
      EXPECT_EQ(cn().working_days_between(day, haoban::time::add_days(r->date, -1)).days, n - 1);
      auto back = cn().add_working_days(r->date, -n);
      ASSERT_TRUE(back.has_value());
      EXPECT_LE(back->date, day);
    }
  }
}

TEST(HolidayCalendarCoverage, OutsideTheDataFallsBackToWeekends) {
  auto newyear2027 = cn().classify(d("2027-01-01"));  // a Friday; no 2027 data yet
  EXPECT_EQ(newyear2027.kind, DayKind::workday);
  EXPECT_FALSE(newyear2027.covered);
  auto r = cn().add_working_days(d("2026-12-30"), 3);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(haoban::time::to_iso(r->date), "2027-01-04");
  EXPECT_FALSE(r->covered);
  auto inside = cn().add_working_days(d("2026-12-28"), 3);
  ASSERT_TRUE(inside.has_value());
  EXPECT_TRUE(inside->covered);
  EXPECT_FALSE(cn().working_days_between(d("2024-12-01"), d("2025-01-10")).covered);
  EXPECT_EQ(cn().working_days_between(d("2024-12-27"), d("2025-01-03")).days, 4);
}

TEST(HolidayCalendarCoverage, WeekendsOnlyAndBounds) {
  const HolidayCalendar plain = HolidayCalendar::weekends_only();
  EXPECT_EQ(add("2026-02-13", 3, plain), "2026-02-18");
  EXPECT_FALSE(plain.add_working_days(d("2026-02-13"), 3)->covered);
  EXPECT_EQ(plain.working_days_between(d("2026-02-13"), d("2026-02-18")).days, 3);
  EXPECT_EQ(plain.working_days_between(d("2026-02-18"), d("2026-02-13")).days, -3);
  EXPECT_TRUE(plain.add_working_days(d("2026-01-01"), HolidayCalendar::kMaxWorkingDays));
  EXPECT_FALSE(plain.add_working_days(d("2026-01-01"), HolidayCalendar::kMaxWorkingDays + 1));
  EXPECT_FALSE(plain.add_working_days(d("2026-01-01"), -HolidayCalendar::kMaxWorkingDays - 1));
  // A span of millions of years is counted arithmetically, not day by day.
  auto far = plain.working_days_between(CivilDate{1, 1, 1}, CivilDate{9999, 12, 31});
  EXPECT_GT(far.days, 2'600'000);
  EXPECT_FALSE(far.covered);
}

TEST(HolidayCalendarCoverage, OtherWeekends) {
  auto r = HolidayCalendar::from_json_text(
      R"({"format":"haoban.holidays/1","weekend":[5,6],"years":[{"year":2026,
          "holidays":[{"name":{"zh":"测试"},"from":"2026-03-09","to":"2026-03-09"}],
          "workdays":[{"date":"2026-03-13"}]}]})");
  ASSERT_TRUE(r.ok()) << r.error().code << " " << r.error().path;
  EXPECT_FALSE(r->is_working_day(d("2026-03-14")));  // Saturday off
  EXPECT_TRUE(r->is_working_day(d("2026-03-15")));   // Sunday worked
  EXPECT_TRUE(r->is_working_day(d("2026-03-13")));   // a Friday made a working day
  EXPECT_FALSE(r->is_working_day(d("2026-03-09")));
  EXPECT_EQ(haoban::time::to_iso(r->add_working_days(d("2026-03-08"), 1)->date), "2026-03-10");
}

struct BadData {
  const char* json;
  const char* code;
  const char* path;
};

TEST(HolidayCalendarErrors, ReportCodeAndJsonPath) {
  const BadData cases[] = {
      {"{", "invalid_json", "$"},
      {"[]", "wrong_type", "$"},
      {R"({"years":[]})", "unsupported_format", "$.format"},
      {R"({"format":"haoban.holidays/1"})", "missing_field", "$.years"},
      {R"({"format":"haoban.holidays/1","weekend":[0],"years":[]})", "wrong_type", "$.weekend[0]"},
      {R"({"format":"haoban.holidays/1","weekend":[1,2,3,4,5,6,7],"years":[]})", "wrong_type",
       "$.weekend"},
      {R"({"format":"haoban.holidays/1","years":[{"year":"2025"}]})", "wrong_type",
       "$.years[0].year"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025},{"year":2025}]})", "duplicate_year",
       "$.years[1].year"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"name":{"zh":"元旦"},"from":"2025-01-01","to":"2026-01-01"}]}]})",
       "date_outside_year", "$.years[0].holidays[0].to"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"name":{"zh":"元旦"},"from":"2025-02-30","to":"2025-03-01"}]}]})",
       "invalid_date", "$.years[0].holidays[0].from"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"name":{"zh":"元旦"},"from":"2025-01-03","to":"2025-01-01"}]}]})",
       "range_reversed", "$.years[0].holidays[0].to"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"name":{"zh":"长假"},"from":"2025-01-01","to":"2025-03-01"}]}]})",
       "range_too_long", "$.years[0].holidays[0]"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"from":"2025-01-01","to":"2025-01-01"}]}]})",
       "missing_field", "$.years[0].holidays[0].name.zh"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"holidays":[
          {"name":{"zh":"a"},"from":"2025-01-01","to":"2025-01-02"},
          {"name":{"zh":"b"},"from":"2025-01-02","to":"2025-01-03"}]}]})",
       "overlap", "$.years[0].holidays[1]"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"workdays":[
          {"date":"2025-01-27"}]}]})",
       "makeup_not_weekend", "$.years[0].workdays[0].date"},
      {R"({"format":"haoban.holidays/1","years":[{"year":2025,"workdays":[
          {"date":"20250126"}]}]})",
       "invalid_date", "$.years[0].workdays[0].date"},
  };
  for (const auto& c : cases) {
    auto r = HolidayCalendar::from_json_text(c.json);
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_EQ(r.error().code, c.code) << c.json;
    EXPECT_EQ(r.error().path, c.path) << c.json;
    EXPECT_FALSE(r.error().zh.empty());
    EXPECT_FALSE(r.error().en.empty());
  }
}

TEST(HolidayCalendarErrors, HostileSizes) {
  EXPECT_EQ(HolidayCalendar::from_json_text(std::string(HolidayCalendar::kMaxTextBytes + 1, ' '))
                .error()
                .code,
            "too_large");
  std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_EQ(HolidayCalendar::from_json_text(deep).error().code, "wrong_type");
}

TEST(HolidayCalendarErrors, AcceptsParsedJson) {
  auto r = HolidayCalendar::from_json(
      nlohmann::json::parse(R"({"format":"haoban.holidays/1","years":[{"year":2030}]})"));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->covers(2030));
  EXPECT_EQ(r->classify(d("2030-01-01")).kind, DayKind::workday);  // covered, but no holidays given
}

}  // namespace
