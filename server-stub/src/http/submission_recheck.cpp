#include "http/submission_recheck.h"

#include <algorithm>
#include <string>

#include "haoban/bundle/bundle_check.h"
#include "haoban/check/submission_check.h"

namespace haoban::http {

namespace {

using nlohmann::json;

// The application part of the request body: everything but the envelope's own keys.
json application_of(json&& submission) {
  for (const char* key : {"itemId", "bundleId", "claimedReady"}) submission.erase(key);
  return std::move(submission);
}

json profile_of(const fixtures::Identity& identity) {
  return {{"applicant", identity.applicant}, {"licences", identity.licences}};
}

void add_problem(json& problems, std::string_view source, const json& entry, std::string code,
                 std::string path, std::string zh, std::string en) {
  json problem = {{"source", source},
                  {"code", std::move(code)},
                  {"path", std::move(path)},
                  {"zh", std::move(zh)},
                  {"en", std::move(en)}};
  if (entry.contains("item") && entry["item"].is_string()) problem["item"] = entry["item"];
  problems.push_back(std::move(problem));
}

// What blocks, read off the rendered notice (the same for an item and a bundle): blocking field
// errors, 受理条件 that failed, are undetermined or could not be evaluated, blocking materials.
json blocking_problems(const json& notice) {
  json problems = json::array();
  for (const auto& e : notice.value("fieldErrors", json::array())) {
    if (e.value("severity", "") == "warning") continue;
    add_problem(problems, "form", e, e.value("code", ""), e.value("path", ""), e.value("zh", ""),
                e.value("en", ""));
  }
  const json eligibility = notice.value("eligibility", json::object());
  for (const auto& c : eligibility.value("conditions", json::array())) {
    const std::string status = c.value("status", "");
    if (status == "passed" || status == "informational") continue;
    std::string zh = "不符合受理条件：" + c.value("zh", "");
    std::string en = "Acceptance condition not met: " + c.value("en", "");
    if (status == "undetermined") {
      zh = "受理条件尚不能确定：" + c.value("zh", "");
      en = "Acceptance condition undetermined: " + c.value("en", "");
    }
    add_problem(problems, "eligibility", c, "condition_" + status, c.value("id", ""), std::move(zh),
                std::move(en));
  }
  for (const auto& m : notice.value("materials", json::array())) {
    if (!m.value("blocking", false)) continue;
    const json name = m.value("name", json::object());
    add_problem(problems, "material", m, m.value("state", ""), m.value("id", ""),
                "材料“" + name.value("zh", "") + "”：" + m.value("label", ""),
                "Material " + m.value("id", "") + ": " + m.value("state", ""));
  }
  return problems;
}

// A material left for later (容缺后补) is owed by its deadline; a bundle names it "item/id".
void collect_deferred(const json& materials, bool bundle, std::vector<store::DeferredMaterial>* out,
                      const time::CivilDate& today) {
  for (const auto& m : materials) {
    if (m.value("state", "") != "deferred") continue;
    const std::string id = m.value("id", "");
    out->push_back({bundle ? m.value("item", "") + "/" + id : id,
                    m.value("deadline", time::to_iso(today)), std::nullopt, std::nullopt});
  }
}

void fail(Recheck* r, const check::CheckError& error) {
  r->ran = false;
  r->error_code = error.code;
  r->error_zh = error.zh;
  r->error_en = error.en;
}

}  // namespace

Recheck recheck_submission(const std::shared_ptr<const catalog::Catalog>& catalog,
                           const fixtures::Identity& identity, json submission,
                           const time::CivilDate& today,
                           const calendar::HolidayCalendar& calendar) {
  Recheck r;
  r.bundle = submission.contains("bundleId");
  if (r.bundle) {
    std::string bundle_id = submission["bundleId"].get<std::string>();
    bundle::BundleInput in{catalog,
                           std::move(bundle_id),
                           profile_of(identity),
                           application_of(std::move(submission)),
                           today,
                           &calendar};
    const auto notice = bundle::check_bundle(in);
    if (!notice.ok) {
      fail(&r, notice.error);
      return r;
    }
    r.case_id = notice.bundle->id;
    r.basic_code = notice.items.front().item->basic_code;
    r.ready = notice.ready;
    r.notice = bundle::to_json(notice);
    r.package = notice.package.canonical;
    r.digest = notice.package.digest;
    time::CivilDate latest = today;
    for (const auto& item : notice.items) latest = std::max(latest, item.deadline.due);
    r.promised_date = time::to_iso(latest);
  } else {
    check::CheckInput in;
    in.catalog = catalog;
    in.item_id = submission["itemId"].get<std::string>();
    in.profile = profile_of(identity);
    in.application = application_of(std::move(submission));
    in.today = today;
    in.calendar = &calendar;
    const auto notice = check::check_item(in);
    if (!notice.ok) {
      fail(&r, notice.error);
      return r;
    }
    r.case_id = notice.item->id;
    r.basic_code = notice.item->basic_code;
    r.ready = notice.ready;
    r.package = notice.package.canonical;
    r.digest = notice.package.digest;
    r.promised_date = time::to_iso(notice.deadline.due);
    r.ran = true;
    if (r.ready) {
      // Accepted: only the 容缺 materials are needed, not the rendered notice.
      for (const auto& m : notice.materials) {
        if (m.state != "deferred") continue;
        r.deferred.push_back({m.material->id, m.detail.value("deadline", time::to_iso(today)),
                              std::nullopt, std::nullopt});
      }
      return r;
    }
    r.notice = check::to_json(notice);
  }
  r.ran = true;
  r.problems = blocking_problems(r.notice);
  collect_deferred(r.notice.value("materials", json::array()), r.bundle, &r.deferred, today);
  return r;
}

}  // namespace haoban::http
