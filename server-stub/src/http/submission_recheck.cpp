#include "http/submission_recheck.h"

#include <algorithm>
#include <map>
#include <string>

#include "haoban/form/session.h"

namespace haoban::http {

namespace {

constexpr size_t kMaxMaterials = 200;

void add_problem(nlohmann::json& problems, std::string_view source, std::string_view code,
                 std::string_view path, std::string_view zh, std::string_view en) {
  problems.push_back({{"source", source}, {"code", code}, {"path", path}, {"zh", zh}, {"en", en}});
}

bool contains(const nlohmann::json& list, std::string_view value) {
  return std::any_of(list.begin(), list.end(),
                     [&](const nlohmann::json& entry) { return entry == value; });
}

}  // namespace

time::CivilDate promised_date(const catalog::TimeLimit& promised,
                              const time::CivilDate& received_on,
                              const calendar::HolidayCalendar& calendar) {
  if (promised.value <= 0) return received_on;
  if (promised.unit == "工作日") {
    if (const auto due = calendar.add_working_days(received_on, promised.value)) return due->date;
  }
  return time::add_days(received_on, promised.value);
}

Recheck recheck_submission(const std::shared_ptr<const catalog::Catalog>& catalog,
                           const fixtures::Identity& identity, const nlohmann::json& submission,
                           const time::CivilDate& today,
                           const calendar::HolidayCalendar& calendar) {
  Recheck result;
  const std::string item_id = submission.value("itemId", std::string());
  result.item = catalog->item(item_id);
  if (!result.item) return result;
  const auto& item = *result.item;

  if (!item.audience.empty() &&
      std::find(item.audience.begin(), item.audience.end(), identity.kind) == item.audience.end()) {
    add_problem(result.problems, "item", "audience", "", "该事项不面向" + identity.kind + "办理。",
                "This item is not offered to this kind of applicant.");
  }

  form::SessionOptions options;
  options.profile = {{"applicant", identity.applicant}, {"licences", identity.licences}};
  options.today = today;
  options.calendar = &calendar;
  options.draft = {{"item", item.id},
                   {"revision", item.revision},
                   {"answers", submission.value("answers", nlohmann::json::object())}};
  form::SessionError session_error;
  auto session = form::FormSession::create(catalog, item.id, options, &session_error);
  if (!session) {
    add_problem(result.problems, "form", session_error.code, "", session_error.zh,
                session_error.en);
    return result;
  }
  for (const auto& error : session->validate_all()) {
    if (error.warning) continue;  // shown to the applicant, never a reason to refuse
    add_problem(result.problems, "form", error.code, error.path, error.zh, error.en);
  }

  // How the client provides each material: {"id","via"}. Later entries for one id win.
  std::map<std::string, std::string> provided;
  const auto materials = submission.value("materials", nlohmann::json::array());
  for (size_t i = 0; i < materials.size() && i < kMaxMaterials; ++i) {
    const auto& entry = materials[i];
    if (entry.is_object() && entry.value("id", nlohmann::json()).is_string() &&
        entry.value("via", nlohmann::json()).is_string()) {
      provided[entry["id"].get<std::string>()] = entry["via"].get<std::string>();
    } else {
      add_problem(result.problems, "material", "bad_entry", "materials[" + std::to_string(i) + "]",
                  "材料条目格式错误（需要 id 和 via）。",
                  "A material entry needs an id and a via.");
    }
  }
  const auto required_here = session->materials();  // only those whose 情形 holds
  for (const auto& material : required_here) {
    const std::string id = material["id"].get<std::string>();
    const std::string necessity = material["necessity"].get<std::string>();
    const std::string name = material["name"]["zh"].get<std::string>();
    const auto given = provided.find(id);
    // 容缺受理: a 容缺后补 material left out is accepted as owed, due in its working days.
    const auto owe = [&] {
      const int days = material.value("deferralWorkingDays", 0);
      const auto due = calendar.add_working_days(today, days);
      result.deferred.push_back(
          {id, time::to_iso(due ? due->date : time::add_days(today, days)), {}, {}});
    };
    if (given == provided.end()) {
      if (necessity == "容缺后补") {
        owe();
      } else if (necessity != "非必要") {
        add_problem(result.problems, "material", "material_missing", id, "缺少材料：" + name + "。",
                    "A required material is missing: " + id + ".");
      }
      continue;
    }
    const std::string via = given->second;
    provided.erase(given);
    if (!contains(material["via"], via)) {
      add_problem(result.problems, "material", "material_via_not_allowed", id,
                  "材料“" + name + "”不能以“" + via + "”方式提供。",
                  "Material " + id + " cannot be provided via " + via + ".");
      continue;
    }
    if (via == "deferred") owe();
  }
  for (const auto& [id, via] : provided) {
    add_problem(result.problems, "material", "material_not_applicable", id,
                "材料“" + id + "”不属于本次申请所需材料。",
                "Material " + id + " is not required for this application.");
  }
  return result;
}

}  // namespace haoban::http
