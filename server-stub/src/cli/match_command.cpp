// `haoban match`: 免申即享 policy matching for one profile.
#include "cli/match_command.h"

#include <cstdio>

#include "cli/check_command.h"
#include "haoban/policy/policy_match.h"

namespace haoban::cli {

int run_match(const std::vector<std::string>& args) {
  std::string error;
  const auto options =
      parse_options(args, {"catalog", "profile", "profile-id", "today", "calendar"}, &error);
  auto usage = [](const std::string& m) {
    std::fprintf(stderr,
                 "haoban match: %s\nusage: haoban match --catalog F --profile F [--profile-id ID] "
                 "[--today YYYY-MM-DD]\n",
                 m.c_str());
    return 2;
  };
  if (!options) return usage(error);
  if (!options->positional.empty()) return usage("unexpected argument " + options->positional[0]);
  if (options->get("profile", "").empty()) return usage("--profile FILE is required");
  auto in = load_check_inputs("match", *options, false);
  if (!in) return 2;
  policy::MatchOptions mo;
  // The validity period is checked only when --today is given (see policy_match.h).
  if (options->flags.count("today")) mo.today = in->today;
  mo.explain_all = true;
  const auto results = policy::evaluate_policies(*in->catalog, in->profile, mo);
  nlohmann::json out = policy::to_json(results);
  out["today"] = mo.today ? nlohmann::json(time::to_iso(*mo.today)) : nlohmann::json();
  std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  return 0;
}

}  // namespace haoban::cli
