#include "haoban/check/submission_check.h"

#include <algorithm>

#include "haoban/form/session.h"

namespace haoban::check {

namespace {

Notice failure(Notice n, const char* code, std::string zh, std::string en) {
  n.ok = false;
  n.error = {code, std::move(zh), std::move(en)};
  return n;
}

// What the item's expressions read: the answers, the profile and the licences. Hidden and empty
// fields are absent, which the engine reads as null.
json expression_data(const json& answers, const json& applicant, const json& licences) {
  json data = answers.is_object() ? answers : json::object();
  data["form"] = answers.is_object() ? answers : json::object();
  data["applicant"] = applicant;
  data["licences"] = licences;
  data["row"] = nullptr;
  return data;
}

}  // namespace

int Notice::blocking_field_errors() const {
  return static_cast<int>(std::count_if(field_errors.begin(), field_errors.end(),
                                        [](const form::FieldError& e) { return !e.warning; }));
}

int Notice::blocking_materials() const {
  return static_cast<int>(std::count_if(materials.begin(), materials.end(),
                                        [](const MaterialStatus& m) { return m.blocking; }));
}

Notice check_item(const CheckInput& in) {
  Notice n;
  n.today = in.today;
  if (!in.catalog) return failure(n, "no_catalog", "未加载事项目录", "no catalogue loaded");
  n.catalog_version = in.catalog->catalog_version;
  const catalog::Item* item = in.catalog->item(in.item_id);
  if (!item)
    return failure(n, "unknown_item", "事项不存在：" + in.item_id, "no such item: " + in.item_id);
  n.item = item;
  const auto form = in.catalog->form(*item);
  n.form = form;
  if (!form)
    return failure(n, "form_unavailable", "事项表单无法使用", "the item's form failed to compile");
  if (!in.application.is_object())
    return failure(n, "bad_application", "申请数据应为 JSON 对象",
                   "the application must be an object");
  const json answers_in = in.application.value("answers", json::object());
  if (!answers_in.is_object())
    return failure(n, "bad_application", "answers 应为 JSON 对象", "answers must be an object");

  json applicant = json::object(), licences = json::object();
  if (in.profile.is_object()) {
    if (in.profile.contains("applicant") || in.profile.contains("licences")) {
      applicant = in.profile.value("applicant", json::object());
      licences = in.profile.value("licences", json::object());
    } else {
      applicant = in.profile;
    }
  }
  if (!applicant.is_object()) applicant = json::object();
  if (!licences.is_object()) licences = json::object();

  const calendar::HolidayCalendar fallback = calendar::HolidayCalendar::weekends_only();
  const calendar::HolidayCalendar& cal = in.calendar ? *in.calendar : fallback;

  // The answers go through a form session as a draft of the item's revision (or the revision
  // the application names, so that an older application is migrated the documented way).
  form::SessionOptions so;
  so.profile = {{"applicant", applicant}, {"licences", licences}};
  so.today = in.today;
  so.calendar = &cal;
  so.draft = {{"item", item->id},
              {"revision", in.application.value("revision", item->revision)},
              {"answers", answers_in}};
  form::SessionError se;
  auto session = form::FormSession::create(in.catalog, item->id, so, &se);
  if (!session) return failure(n, se.code.c_str(), se.zh, se.en);
  for (const auto& d : session->draft_report().dropped)
    n.dropped.push_back({{"path", d.path}, {"reason", d.reason}, {"value", d.value}});
  n.field_errors = session->validate_all();
  n.answers = session->answers();

  expr::EvalEnv env;
  env.today = in.today;
  env.calendar = &cal;

  json expr_licences = licences;
  for (auto it = in.pending_licences.begin();
       in.pending_licences.is_object() && it != in.pending_licences.end(); ++it)
    if (!expr_licences.contains(it.key()) || expr_licences[it.key()].is_null())
      expr_licences[it.key()] = {{"pending", true}, {"issuedBy", it.value()}};
  const json data = expression_data(n.answers, applicant, expr_licences);

  n.eligibility =
      evaluate_conditions(item->acceptance_conditions, data, env, item->id, item->legal_basis);

  MaterialContext mc;
  mc.catalog = in.catalog.get();
  mc.item = item;
  mc.form = form.get();
  mc.data = expression_data(n.answers, applicant, licences);
  mc.answers = n.answers;
  mc.provided = in.application.value("materials", json::object());
  mc.pending = in.pending_licences;
  mc.env = env;
  mc.calendar = &cal;
  mc.today = in.today;
  n.materials = material_states(mc);

  add_trip_reasons(*item, n.materials, &n.trips);
  n.deadline = promised_deadline(item->promised, item->handling_type, in.today, cal);

  package::PackageInput pi;
  pi.catalog_version = in.catalog->catalog_version;
  pi.item_id = item->id;
  pi.item_revision = item->revision;
  pi.applicant = applicant;
  pi.answers = n.answers;
  pi.materials = json::array();
  for (const auto& m : n.materials) {
    if (m.state == "not_applicable") continue;
    json entry = {{"id", m.material->id}, {"state", m.state}};
    if (m.detail.contains("refs")) entry["refs"] = m.detail["refs"];
    pi.materials.push_back(std::move(entry));
  }
  pi.submitted_on = time::to_iso(in.today);
  n.package = package::build_package(pi);

  n.ready = n.blocking_field_errors() == 0 && n.eligibility.verdict == Verdict::eligible &&
            n.blocking_materials() == 0 && n.deadline.ok && n.package.ok;
  n.ok = true;
  return n;
}

}  // namespace haoban::check
