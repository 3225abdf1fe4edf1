#include "haoban/time/civil_date.h"

namespace haoban::time {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain description).
int64_t to_days(const CivilDate& date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate from_days(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDate{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(const CivilDate& date) {
  // 1970-01-01 was a Thursday (ISO index 3).
  const int64_t d = to_days(date);
  const int64_t w = (d % 7 + 7 + 3) % 7;
  return static_cast<int>(w);
}

static bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

std::optional<CivilDate> parse_iso(std::string_view text) {
  int y = 0, m = 0, d = 0;
  bool ok = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    ok = parse_digits(text.substr(0, 4), y) && parse_digits(text.substr(5, 2), m) &&
         parse_digits(text.substr(8, 2), d);
  } else if (text.size() == 8) {
    ok = parse_digits(text.substr(0, 4), y) && parse_digits(text.substr(4, 2), m) &&
         parse_digits(text.substr(6, 2), d);
  }
  if (!ok || !is_valid(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::string to_iso(const CivilDate& date) {
  char buf[16];
  const int y = date.year < 0 ? 0 : (date.year > 9999 ? 9999 : date.year);
  buf[0] = static_cast<char>('0' + y / 1000 % 10);
  buf[1] = static_cast<char>('0' + y / 100 % 10);
  buf[2] = static_cast<char>('0' + y / 10 % 10);
  buf[3] = static_cast<char>('0' + y % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + date.month / 10);
  buf[6] = static_cast<char>('0' + date.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + date.day / 10);
  buf[9] = static_cast<char>('0' + date.day % 10);
  return std::string(buf, 10);
}

CivilDate add_days(const CivilDate& date, int64_t days) { return from_days(to_days(date) + days); }

CivilDate add_months(const CivilDate& date, int64_t months) {
  const int64_t total = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  int64_t y = total >= 0 ? total / 12 : (total - 11) / 12;
  const int m = static_cast<int>(total - y * 12) + 1;
  const int year = static_cast<int>(y);
  const int dim = days_in_month(year, m);
  return CivilDate{year, m, date.day > dim ? dim : date.day};
}

CivilDate add_years(const CivilDate& date, int64_t years) { return add_months(date, years * 12); }

int full_months_between(const CivilDate& from, const CivilDate& to) {
  if (to < from) return -full_months_between(to, from);
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months > 0 && add_months(from, months) > to) --months;
  return months;
}

int full_years_between(const CivilDate& from, const CivilDate& to) {
  return full_months_between(from, to) / 12;
}

}  // namespace haoban::time
