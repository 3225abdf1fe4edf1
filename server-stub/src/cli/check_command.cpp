// `haoban check`: the submission check (一次性告知单) of an item or a 一件事 bundle from the shell.
#include "cli/check_command.h"

#include <cstdio>
#include <ctime>
#include <filesystem>

#include "cli/catalog_command.h"
#include "haoban/bundle/bundle_check.h"
#include "haoban/catalog/loader.h"
#include "haoban/check/submission_check.h"
#include "haoban/expr/engine.h"

namespace haoban::cli {

const std::set<std::string> kCheckFlags = {"catalog",     "item",     "bundle",
                                           "application", "profile",  "profile-id",
                                           "today",       "calendar", "format"};

namespace {

constexpr size_t kMaxInputBytes = size_t{16} << 20;

int check_usage(const std::string& message) {
  std::fprintf(stderr,
               "haoban check: %s\n"
               "usage: haoban check --catalog F (--item ID | --bundle ID) --application F "
               "[--profile F [--profile-id ID]] [--today YYYY-MM-DD] [--calendar F] "
               "[--format json|text|package]\n",
               message.c_str());
  return 2;
}

bool read_json(const std::string& command, const std::string& path, nlohmann::json* out) {
  std::string text, error;
  if (!read_text_file(path, kMaxInputBytes, &text, &error)) {
    std::fprintf(stderr, "haoban %s: %s\n", command.c_str(), error.c_str());
    return false;
  }
  expr::Error e;
  auto parsed = expr::parse_bounded_json(text, 256, kMaxInputBytes, &e);
  if (!parsed) {
    std::fprintf(stderr, "haoban %s: %s: %s\n", command.c_str(), path.c_str(), e.message.c_str());
    return false;
  }
  *out = std::move(*parsed);
  return true;
}

time::CivilDate local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void print_json_indented(const nlohmann::json& j) {
  std::printf("%s\n", j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

}  // namespace

std::optional<CheckInputs> load_check_inputs(const std::string& command, const ParsedOptions& o,
                                             bool need_application) {
  CheckInputs in;
  const std::string catalog_file = o.get("catalog", "");
  if (catalog_file.empty()) {
    std::fprintf(stderr, "haoban %s: --catalog FILE is required\n", command.c_str());
    return std::nullopt;
  }
  std::string text, error;
  catalog::LoadOptions lo;
  lo.lazy_forms = true;  // only the items checked need their forms
  if (!read_text_file(catalog_file, lo.max_bytes, &text, &error)) {
    std::fprintf(stderr, "haoban %s: %s\n", command.c_str(), error.c_str());
    return std::nullopt;
  }
  auto loaded = catalog::load_catalog(text, lo);
  if (!loaded.ok()) {
    for (const auto& e : loaded.errors)
      std::fprintf(stderr, "%s: %s: %s\n", e.path.c_str(), e.code.c_str(), e.en.c_str());
    std::fprintf(stderr, "haoban %s: the catalogue does not load\n", command.c_str());
    return std::nullopt;
  }
  in.catalog = loaded.catalog;
  if (need_application) {
    const std::string app = o.get("application", "");
    if (app.empty()) {
      std::fprintf(stderr, "haoban %s: --application FILE is required\n", command.c_str());
      return std::nullopt;
    }
    if (!read_json(command, app, &in.application)) return std::nullopt;
  }
  const std::string profile_file = o.get("profile", "");
  if (!profile_file.empty()) {
    nlohmann::json p;
    if (!read_json(command, profile_file, &p)) return std::nullopt;
    // A file of several profiles (data/catalog/profiles.sample.json) needs --profile-id.
    if (p.is_object() && p.contains("profiles") && p["profiles"].is_array()) {
      const std::string id = o.get("profile-id", "");
      bool found = false;
      for (const auto& one : p["profiles"])
        if (one.is_object() && one.value("id", "") == id) {
          in.profile = {{"applicant", one.value("applicant", nlohmann::json::object())},
                        {"licences", one.value("licences", nlohmann::json::object())}};
          found = true;
        }
      if (!found) {
        std::fprintf(stderr, "haoban %s: --profile-id names no profile of %s\n", command.c_str(),
                     profile_file.c_str());
        return std::nullopt;
      }
    } else {
      in.profile = p;
    }
  } else if (in.application.is_object() && in.application.contains("profile")) {
    in.profile = in.application["profile"];
  }
  const std::string today = o.get("today", "");
  if (today.empty()) {
    in.today = local_today();
  } else if (auto d = time::parse_iso(today)) {
    in.today = *d;
  } else {
    std::fprintf(stderr, "haoban %s: --today must be YYYY-MM-DD\n", command.c_str());
    return std::nullopt;
  }
  std::string cal_file = o.get("calendar", "");
  if (cal_file.empty() && std::filesystem::exists("data/holidays/cn-mainland.json"))
    cal_file = "data/holidays/cn-mainland.json";
  if (!cal_file.empty()) {
    std::string cal_text;
    if (!read_text_file(cal_file, calendar::HolidayCalendar::kMaxTextBytes, &cal_text, &error)) {
      std::fprintf(stderr, "haoban %s: %s\n", command.c_str(), error.c_str());
      return std::nullopt;
    }
    auto cal = calendar::HolidayCalendar::from_json_text(cal_text);
    if (!cal.ok()) {
      std::fprintf(stderr, "haoban %s: %s: %s\n", command.c_str(), cal.error().path.c_str(),
                   cal.error().en.c_str());
      return std::nullopt;
    }
    in.calendar = cal.value();
  } else {
    std::fprintf(stderr, "haoban %s: no holiday calendar (--calendar): weekends only\n",
                 command.c_str());
  }
  return in;
}

std::optional<CheckRequest> parse_check_request(const std::vector<std::string>& args,
                                                const std::set<std::string>& formats,
                                                std::string* error) {
  auto options = parse_options(args, kCheckFlags, error);
  if (!options) return std::nullopt;
  if (!options->positional.empty()) {
    *error = "unexpected argument " + options->positional[0];
    return std::nullopt;
  }
  CheckRequest request{*options, options->get("item", ""), options->get("bundle", ""),
                       options->get("format", "json")};
  if (request.item.empty() == request.bundle.empty()) {
    *error = "give exactly one of --item ID and --bundle ID";
    return std::nullopt;
  }
  if (!formats.count(request.format)) {
    *error = "--format must be one of:";
    for (const auto& format : formats) *error += " " + format;
    return std::nullopt;
  }
  return request;
}

check::CheckInput item_check_input(const CheckInputs& in, const std::string& item) {
  check::CheckInput ci;
  ci.catalog = in.catalog;
  ci.item_id = item;
  ci.profile = in.profile;
  ci.application = in.application;
  ci.today = in.today;
  ci.calendar = in.calendar ? &*in.calendar : nullptr;
  return ci;
}

int run_check(const std::vector<std::string>& args) {
  std::string error;
  const auto request = parse_check_request(args, {"json", "text", "package"}, &error);
  if (!request) return check_usage(error);
  const std::string &item = request->item, &bundle_id = request->bundle, &format = request->format;
  // package: the canonical package's bytes (what the idempotency key is the SHA-256 of).
  const bool want_package = format == "package";
  auto in = load_check_inputs("check", request->options, true);
  if (!in) return 2;
  const calendar::HolidayCalendar* cal = in->calendar ? &*in->calendar : nullptr;

  if (!bundle_id.empty()) {
    bundle::BundleInput bi{in->catalog, bundle_id, in->profile, in->application, in->today, cal};
    const auto notice = bundle::check_bundle(bi);
    if (want_package && notice.ok)
      std::printf("%s\n", notice.package.canonical.c_str());
    else if (format == "text")
      std::fputs(bundle::to_text(notice).c_str(), stdout);
    else
      print_json_indented(bundle::to_json(notice));
    if (!notice.ok) return 2;
    return notice.ready ? 0 : 1;
  }
  const auto notice = check::check_item(item_check_input(*in, item));
  if (want_package && notice.ok)
    std::printf("%s\n", notice.package.canonical.c_str());
  else if (format == "text")
    std::fputs(check::to_text(notice).c_str(), stdout);
  else
    print_json_indented(check::to_json(notice));
  if (!notice.ok) return 2;
  return notice.ready ? 0 : 1;
}

}  // namespace haoban::cli
