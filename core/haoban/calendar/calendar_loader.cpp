// JSON → HolidayCalendar, checking the data as strictly as a catalogue: every error names
// its JSON path, so whoever edits data/holidays/*.json sees exactly which entry is wrong.
#include <algorithm>
#include <map>
#include <string>

#include "haoban/calendar/holiday_calendar.h"

namespace haoban::calendar {

using nlohmann::json;

class CalendarLoader {
 public:
  LoadResult load(const json& root) {
    if (!root.is_object()) return err("wrong_type", "$", "应为 JSON 对象", "expected an object");
    const json* format = member(root, "format");
    if (!format || !format->is_string() || *format != "haoban.holidays/1") {
      return err("unsupported_format", "$.format", "format 应为 \"haoban.holidays/1\"",
                 "format must be \"haoban.holidays/1\"");
    }
    if (const json* weekend = member(root, "weekend")) {
      if (auto e = load_weekend(*weekend)) return *e;
    }
    const json* years = member(root, "years");
    if (!years) return err("missing_field", "$.years", "缺少 years", "years is missing");
    if (!years->is_array())
      return err("wrong_type", "$.years", "years 应为数组", "years must be an array");
    if (years->size() > HolidayCalendar::kMaxYears) {
      return err("too_many_entries", "$.years", "年份过多", "too many years");
    }
    for (size_t i = 0; i < years->size(); ++i) {
      if (auto e = load_year((*years)[i], "$.years[" + std::to_string(i) + "]")) return *e;
    }
    std::sort(cal_.years_.begin(), cal_.years_.end());
    std::sort(cal_.exceptions_.begin(), cal_.exceptions_.end(),
              [](const auto& a, const auto& b) { return a.day < b.day; });
    return cal_;
  }

 private:
  using Exception = HolidayCalendar::Exception;

  static LoadError err(std::string code, std::string path, std::string zh, std::string en) {
    return LoadError{std::move(code), std::move(path), std::move(zh), std::move(en)};
  }

  static const json* member(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }

  std::optional<LoadError> load_weekend(const json& weekend) {
    const std::string path = "$.weekend";
    if (!weekend.is_array() || weekend.size() > 6) {
      return err("wrong_type", path, "weekend 应为 ISO 星期数字数组（最多 6 个）",
                 "weekend must be an array of at most 6 ISO weekday numbers");
    }
    std::fill(std::begin(cal_.weekend_), std::end(cal_.weekend_), false);
    for (size_t i = 0; i < weekend.size(); ++i) {
      const json& d = weekend[i];
      if (!d.is_number_integer() || d.get<int64_t>() < 1 || d.get<int64_t>() > 7) {
        return err("wrong_type", path + "[" + std::to_string(i) + "]",
                   "应为 1（星期一）到 7（星期日）", "must be 1 (Monday) to 7 (Sunday)");
      }
      cal_.weekend_[d.get<int>() - 1] = true;
    }
    return std::nullopt;
  }

  // A "YYYY-MM-DD" string inside `year`.
  std::optional<LoadError> date_in_year(const json* value, const std::string& path, int year,
                                        int64_t& day) {
    if (!value) return err("missing_field", path, "缺少日期", "date is missing");
    if (!value->is_string())
      return err("wrong_type", path, "日期应为字符串", "date must be a string");
    std::optional<time::CivilDate> d = time::parse_iso(value->get<std::string>());
    if (!d || value->get<std::string>().size() != 10) {
      return err("invalid_date", path, "日期应为 YYYY-MM-DD 格式的真实日期",
                 "date must be a real date written YYYY-MM-DD");
    }
    if (d->year != year) {
      return err("date_outside_year", path, "日期不在所属年份内",
                 "date is not in the year it is listed under");
    }
    day = time::to_days(*d);
    return std::nullopt;
  }

  std::optional<LoadError> add_exception(int64_t day, bool working, uint32_t name,
                                         const std::string& path) {
    if (seen_.count(day)) {
      return err("overlap", path, "该日期已在其他节假日或调休中列出",
                 "this date is already listed as a holiday or a make-up day");
    }
    seen_[day] = true;
    cal_.exceptions_.push_back(Exception{day, working, name});
    return std::nullopt;
  }

  std::optional<LoadError> load_year(const json& entry, const std::string& path) {
    if (!entry.is_object()) return err("wrong_type", path, "应为 JSON 对象", "expected an object");
    const json* year_value = member(entry, "year");
    if (!year_value) return err("missing_field", path + ".year", "缺少 year", "year is missing");
    if (!year_value->is_number_integer() || year_value->get<int64_t>() < 1900 ||
        year_value->get<int64_t>() > 9999) {
      return err("wrong_type", path + ".year", "year 应为 1900 到 9999 之间的整数",
                 "year must be an integer from 1900 to 9999");
    }
    const int year = year_value->get<int>();
    if (std::find(cal_.years_.begin(), cal_.years_.end(), year) != cal_.years_.end()) {
      return err("duplicate_year", path + ".year", "年份重复", "this year is listed twice");
    }
    cal_.years_.push_back(year);

    // Holiday names of this year, so that a make-up day can carry its holiday's English name.
    std::map<std::string, std::string> english_of;
    if (const json* holidays = member(entry, "holidays")) {
      const std::string hpath = path + ".holidays";
      if (!holidays->is_array()) return err("wrong_type", hpath, "应为数组", "must be an array");
      if (holidays->size() > HolidayCalendar::kMaxEntriesPerYear) {
        return err("too_many_entries", hpath, "条目过多", "too many entries");
      }
      for (size_t i = 0; i < holidays->size(); ++i) {
        const std::string at = hpath + "[" + std::to_string(i) + "]";
        const json& h = (*holidays)[i];
        if (!h.is_object()) return err("wrong_type", at, "应为 JSON 对象", "expected an object");
        const json* name = member(h, "name");
        if (!name || !name->is_object() || !name->contains("zh") || !(*name)["zh"].is_string()) {
          return err("missing_field", at + ".name.zh", "缺少节假日中文名称",
                     "the holiday's Chinese name is missing");
        }
        HolidayCalendar::Name n{(*name)["zh"].get<std::string>(), ""};
        if (name->contains("en") && (*name)["en"].is_string()) n.en = (*name)["en"];
        english_of[n.zh] = n.en;
        const uint32_t name_index = static_cast<uint32_t>(cal_.names_.size());
        cal_.names_.push_back(std::move(n));
        int64_t from = 0, to = 0;
        if (auto e = date_in_year(member(h, "from"), at + ".from", year, from)) return e;
        if (auto e = date_in_year(member(h, "to"), at + ".to", year, to)) return e;
        if (to < from) {
          return err("range_reversed", at + ".to", "结束日期早于开始日期",
                     "the end date is before the start date");
        }
        if (to - from + 1 > HolidayCalendar::kMaxHolidayDays) {
          return err("range_too_long", at, "假期超过 31 天", "a holiday longer than 31 days");
        }
        for (int64_t d = from; d <= to; ++d) {
          if (auto e = add_exception(d, false, name_index, at)) return e;
        }
      }
    }
    if (const json* workdays = member(entry, "workdays")) {
      const std::string wpath = path + ".workdays";
      if (!workdays->is_array()) return err("wrong_type", wpath, "应为数组", "must be an array");
      if (workdays->size() > HolidayCalendar::kMaxEntriesPerYear) {
        return err("too_many_entries", wpath, "条目过多", "too many entries");
      }
      for (size_t i = 0; i < workdays->size(); ++i) {
        const std::string at = wpath + "[" + std::to_string(i) + "]";
        const json& w = (*workdays)[i];
        if (!w.is_object()) return err("wrong_type", at, "应为 JSON 对象", "expected an object");
        int64_t day = 0;
        if (auto e = date_in_year(member(w, "date"), at + ".date", year, day)) return e;
        if (!cal_.weekend_rule_off(day)) {
          return err("makeup_not_weekend", at + ".date", "调休上班日应为周末",
                     "a make-up working day must fall on a weekend day");
        }
        HolidayCalendar::Name n;
        if (const json* for_name = member(w, "for"); for_name && for_name->is_string()) {
          n.zh = for_name->get<std::string>();
          if (auto it = english_of.find(n.zh); it != english_of.end()) n.en = it->second;
        }
        const uint32_t name_index = static_cast<uint32_t>(cal_.names_.size());
        cal_.names_.push_back(std::move(n));
        if (auto e = add_exception(day, true, name_index, at + ".date")) return e;
      }
    }
    return std::nullopt;
  }

  HolidayCalendar cal_;
  std::map<int64_t, bool> seen_;
};

LoadResult HolidayCalendar::from_json(const nlohmann::json& data) {
  return CalendarLoader().load(data);
}

LoadResult HolidayCalendar::from_json_text(std::string_view text) {
  if (text.size() > kMaxTextBytes) {
    return LoadError{"too_large", "$", "节假日数据超过 1 MiB", "holiday data larger than 1 MiB"};
  }
  json data = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded()) {
    return LoadError{"invalid_json", "$", "节假日数据不是有效的 JSON",
                     "the holiday data is not valid JSON"};
  }
  return from_json(data);
}

}  // namespace haoban::calendar
