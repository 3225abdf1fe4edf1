// Shared fixtures of the check, bundle and policy tests: the sample catalogue, the official
// holiday calendar and the sample profiles, loaded once from data/.
#pragma once

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/loader.h"
#include "haoban/time/civil_date.h"

namespace haoban::testing {

inline std::string read_repo_file(const std::string& relative) {
  std::ifstream in(std::string(HAOBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The sample catalogue, as committed.
inline std::string sample_catalog_text() { return read_repo_file("data/catalog/guangzhou.json"); }

inline std::shared_ptr<const catalog::Catalog> sample_catalog() {
  static const auto loaded = catalog::load_catalog(sample_catalog_text());
  if (!loaded.ok()) throw std::runtime_error("sample catalogue does not load");
  return loaded.catalog;
}

inline const calendar::HolidayCalendar& official_calendar() {
  static const auto loaded =
      calendar::HolidayCalendar::from_json_text(read_repo_file("data/holidays/cn-mainland.json"));
  if (!loaded.ok()) throw std::runtime_error("holiday calendar does not load");
  return loaded.value();
}

// {"applicant":…, "licences":…} of a profile of data/catalog/profiles.sample.json.
inline nlohmann::json sample_profile(const std::string& id) {
  static const auto all =
      nlohmann::json::parse(read_repo_file("data/catalog/profiles.sample.json"));
  for (const auto& p : all["profiles"])
    if (p["id"] == id)
      return {{"applicant", p["applicant"]},
              {"licences", p.value("licences", nlohmann::json::object())}};
  throw std::runtime_error("no sample profile " + id);
}

inline time::CivilDate date(const char* iso) { return *time::parse_iso(iso); }

}  // namespace haoban::testing
