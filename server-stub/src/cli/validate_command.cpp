// `haoban validate KIND VALUE [--today YYYY-MM-DD]`: the core's identity validators from the
// shell. Prints the result JSON; exit 0 valid, 1 invalid, 2 usage error.
#include <cstdio>
#include <string>

#include "cli/options.h"
#include "cli/validate_command.h"
#include "haoban/ids/validation_result.h"
#include "haoban/ids/validators.h"
#include "haoban/time/civil_date.h"
#include "http/host_clock.h"

namespace haoban::cli {

namespace {

int validate_usage_error(const std::string& message) {
  std::fprintf(stderr,
               "haoban validate: %s\n"
               "usage: haoban validate KIND VALUE [--today YYYY-MM-DD]\n"
               "  KIND: resident_id, uscc, mobile, hk_macau_permit, mainland_travel_permit, "
               "passport\n",
               message.c_str());
  return 2;
}

}  // namespace

int run_validate(const std::vector<std::string>& args) {
  std::string error;
  const auto options = parse_options(args, {"today"}, &error);
  if (!options) return validate_usage_error(error);
  if (options->positional.size() != 2) return validate_usage_error("expected KIND and VALUE");

  // The host decides what "today" is; the core is only told.
  time::CivilDate today = http::local_today();
  if (options->flags.count("today")) {
    const auto parsed = time::parse_iso(options->get("today", ""));
    if (!parsed) return validate_usage_error("--today must be a date YYYY-MM-DD");
    today = *parsed;
  }

  const auto result = ids::validate(options->positional[0], options->positional[1], today);
  const std::string json =
      ids::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::printf("%s\n", json.c_str());
  return result.valid ? 0 : 1;
}

}  // namespace haoban::cli
