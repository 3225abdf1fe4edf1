// The submission check for JS: the same 一次性告知单, eligibility, canonical package and policy
// matching as natively (core/haoban/check, bundle, package, policy), on a catalogue loaded with
// catalogLoad (catalog_bindings.cpp). JSON strings in and out; errors {"error":{type,message}}.
//   checkSetCalendar(holidaysJson)                 → {"ok":true}: the working-day calendar
//   checkItem(catalogHandle, itemId, applicationJson, optionsJson)     → the notice
//   checkBundle(catalogHandle, bundleId, applicationJson, optionsJson) → the bundle notice
//   checkEligibility(catalogHandle, itemId, applicationJson, optionsJson)
//       → {"verdict","conditions","missing","item"}
//   checkPackage(catalogHandle, itemId, applicationJson, optionsJson)
//       → {"canonical":"…","digest":"…"} (the idempotency key; byte-identical to native)
//   canonicalJson(valueJson) → {"canonical","digest"}
//   policyMatch(catalogHandle, profileJson, optionsJson) → {"matched":[…],"notMatched":[…]}
//   options: {"today":"YYYY-MM-DD" (required for checks), "profile":{applicant,licences},
//             "format":"json"|"text"}; with "text" the result is {"text":"…"} (zh-CN).
#include <emscripten/bind.h>

#include <memory>
#include <optional>
#include <string>

#include "boundary.h"
#include "haoban/bundle/bundle_check.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/check/submission_check.h"
#include "haoban/expr/engine.h"
#include "haoban/package/canonical_json.h"
#include "haoban/package/sha256.h"
#include "haoban/policy/policy_match.h"

namespace haoban::wasm {

std::shared_ptr<const catalog::Catalog> catalog_for_handle(int handle);  // catalog_bindings.cpp

namespace {

constexpr size_t kMaxInputBytes = size_t{8} << 20;

std::optional<calendar::HolidayCalendar>& check_calendar() {
  static std::optional<calendar::HolidayCalendar> calendar;
  return calendar;
}

nlohmann::json parse(const std::string& text, const char* what, bool object_required = true) {
  if (text.empty()) return nlohmann::json::object();
  expr::Error error;
  auto parsed = expr::parse_bounded_json(text, 128, kMaxInputBytes, &error);
  if (!parsed) throw BoundaryError("bad_json", std::string(what) + ": " + error.message);
  if (object_required && !parsed->is_object())
    throw BoundaryError("bad_json", std::string(what) + " must be a JSON object");
  return std::move(*parsed);
}

std::shared_ptr<const catalog::Catalog> catalog_of(int handle) {
  auto c = catalog_for_handle(handle);
  if (!c) throw BoundaryError("bad_handle", "no catalogue with handle " + std::to_string(handle));
  return c;
}

time::CivilDate today_of(const nlohmann::json& options) {
  const auto it = options.find("today");
  if (it == options.end() || !it->is_string())
    throw BoundaryError("bad_options",
                        "options.today (YYYY-MM-DD) is required: the core has no clock");
  auto d = time::parse_iso(it->get<std::string>());
  if (!d) throw BoundaryError("bad_options", "options.today must be YYYY-MM-DD");
  return *d;
}

check::CheckInput item_input(int handle, const std::string& item, const std::string& application,
                             const nlohmann::json& options) {
  check::CheckInput in;
  in.catalog = catalog_of(handle);
  in.item_id = item;
  in.application = parse(application, "application");
  in.profile = options.value("profile", nlohmann::json::object());
  in.today = today_of(options);
  in.calendar = check_calendar() ? &*check_calendar() : nullptr;
  return in;
}

std::string check_set_calendar(const std::string& holidays) {
  return guarded([&] {
    auto loaded = calendar::HolidayCalendar::from_json_text(holidays);
    if (!loaded.ok())
      throw BoundaryError("bad_calendar", loaded.error().path + ": " + loaded.error().en);
    check_calendar() = loaded.value();
    return to_json_string({{"ok", true}});
  });
}

std::string check_item(int handle, const std::string& item, const std::string& application,
                       const std::string& options_json) {
  return guarded([&] {
    const auto options = parse(options_json, "options");
    const auto notice = check::check_item(item_input(handle, item, application, options));
    if (options.value("format", "json") == "text")
      return to_json_string({{"text", check::to_text(notice)}});
    return to_json_string(check::to_json(notice));
  });
}

std::string check_bundle(int handle, const std::string& bundle_id, const std::string& application,
                         const std::string& options_json) {
  return guarded([&] {
    const auto options = parse(options_json, "options");
    bundle::BundleInput in;
    in.catalog = catalog_of(handle);
    in.bundle_id = bundle_id;
    in.application = parse(application, "application");
    in.profile = options.value("profile", nlohmann::json::object());
    in.today = today_of(options);
    in.calendar = check_calendar() ? &*check_calendar() : nullptr;
    const auto notice = bundle::check_bundle(in);
    if (options.value("format", "json") == "text")
      return to_json_string({{"text", bundle::to_text(notice)}});
    return to_json_string(bundle::to_json(notice));
  });
}

std::string check_eligibility(int handle, const std::string& item, const std::string& application,
                              const std::string& options_json) {
  return guarded([&] {
    const auto options = parse(options_json, "options");
    const auto notice = check::check_item(item_input(handle, item, application, options));
    if (!notice.ok) return to_json_string(check::to_json(notice));
    nlohmann::json out = check::to_json(notice.eligibility);
    out["item"] = item;
    return to_json_string(out);
  });
}

std::string check_package(int handle, const std::string& item, const std::string& application,
                          const std::string& options_json) {
  return guarded([&] {
    const auto options = parse(options_json, "options");
    const auto notice = check::check_item(item_input(handle, item, application, options));
    if (!notice.ok) return to_json_string(check::to_json(notice));
    if (!notice.package.ok) throw BoundaryError("bad_package", notice.package.error);
    return to_json_string(
        {{"canonical", notice.package.canonical}, {"digest", notice.package.digest}});
  });
}

std::string canonical_json(const std::string& value) {
  return guarded([&] {
    const auto parsed = parse(value, "value", false);
    const auto canon = package::canonical_json(parsed);
    if (!canon.ok) throw BoundaryError("not_canonical", canon.error);
    return to_json_string({{"canonical", canon.text}, {"digest", package::sha256_hex(canon.text)}});
  });
}

std::string policy_match(int handle, const std::string& profile, const std::string& options_json) {
  return guarded([&] {
    const auto options = parse(options_json, "options");
    policy::MatchOptions mo;
    if (options.contains("today")) mo.today = today_of(options);
    mo.explain_all = options.value("explainAll", true);
    const auto results =
        policy::evaluate_policies(*catalog_of(handle), parse(profile, "profile"), mo);
    return to_json_string(policy::to_json(results));
  });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_check) {
  emscripten::function("checkSetCalendar", &haoban::wasm::check_set_calendar);
  emscripten::function("checkItem", &haoban::wasm::check_item);
  emscripten::function("checkBundle", &haoban::wasm::check_bundle);
  emscripten::function("checkEligibility", &haoban::wasm::check_eligibility);
  emscripten::function("checkPackage", &haoban::wasm::check_package);
  emscripten::function("canonicalJson", &haoban::wasm::canonical_json);
  emscripten::function("policyMatch", &haoban::wasm::policy_match);
}
