#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/options.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/check/submission_check.h"
#include "haoban/time/civil_date.h"

namespace haoban::cli {

// `haoban check --catalog F (--item ID | --bundle ID) --application F [--profile F
// [--profile-id ID]] [--today YYYY-MM-DD] [--calendar F] [--format json|text|package]`:
// prints the 一次性告知单 (docs/check-format.md). Exit 0 when ready, 1 when something blocks
// submission, 2 on a usage error or unreadable input.
int run_check(const std::vector<std::string>& args);

// What check, eligibility and match read from the command line: the files loaded, "today"
// (the machine's local date unless --today) and the holiday calendar (--calendar, else
// data/holidays/cn-mainland.json under the current directory when present, else weekends only).
struct CheckInputs {
  std::shared_ptr<const catalog::Catalog> catalog;
  nlohmann::json application = nlohmann::json::object();
  nlohmann::json profile = nlohmann::json::object();
  time::CivilDate today;
  std::optional<calendar::HolidayCalendar> calendar;
};

// Flags common to the three commands.
extern const std::set<std::string> kCheckFlags;

// Loads what the options name; on failure prints "haoban <command>: …" and returns nullopt.
std::optional<CheckInputs> load_check_inputs(const std::string& command,
                                             const ParsedOptions& options, bool need_application);

// The command line of check and eligibility: the options, exactly one of --item / --bundle, and
// --format (default json) from `formats`. nullopt with *error on a usage error.
struct CheckRequest {
  ParsedOptions options;
  std::string item;
  std::string bundle;
  std::string format;
};
std::optional<CheckRequest> parse_check_request(const std::vector<std::string>& args,
                                                const std::set<std::string>& formats,
                                                std::string* error);

// The core's input for checking `item` with what was loaded.
check::CheckInput item_check_input(const CheckInputs& in, const std::string& item);

}  // namespace haoban::cli
