#include "haoban/bundle/bundle_check.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "haoban/expr/engine.h"

namespace haoban::check {
void write_text_sections(std::ostringstream& s, const json& j);  // notice_format.cpp
}

namespace haoban::bundle {

namespace {

BundleNotice failure(BundleNotice n, const char* code, std::string zh, std::string en) {
  n.ok = false;
  n.error = {code, std::move(zh), std::move(en)};
  return n;
}

bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  return !(v.is_null() || v == 0 || v == "" || (v.is_array() && v.empty()));
}

json split_profile(const json& profile, const char* key) {
  if (!profile.is_object()) return json::object();
  if (!profile.contains("applicant") && !profile.contains("licences"))
    return std::string(key) == "applicant" ? profile : json::object();
  json v = profile.value(key, json::object());
  return v.is_object() ? v : json::object();
}

}  // namespace

BundleNotice check_bundle(const BundleInput& in) {
  BundleNotice n;
  n.today = in.today;
  if (!in.catalog) return failure(n, "no_catalog", "未加载事项目录", "no catalogue loaded");
  n.catalog_version = in.catalog->catalog_version;
  for (const auto& b : in.catalog->bundles)
    if (b.id == in.bundle_id) n.bundle = &b;
  if (!n.bundle)
    return failure(n, "unknown_bundle", "一件事不存在：" + in.bundle_id,
                   "no such bundle: " + in.bundle_id);
  if (!in.application.is_object() || !in.application.value("answers", json::object()).is_object())
    return failure(n, "bad_application", "申请数据应为带 answers 对象的 JSON 对象",
                   "the application must be an object with an answers object");
  const json answers = in.application.value("answers", json::object());
  const json item_answers = in.application.value("itemAnswers", json::object());
  const json skip = in.application.value("skipItems", json::array());
  const json applicant = split_profile(in.profile, "applicant");
  const json licences = split_profile(in.profile, "licences");

  // The merged form over every member (the form a phone shows); conflicts are load errors.
  std::vector<std::string> all_items;
  for (const auto& e : n.bundle->items) all_items.push_back(e.item);
  n.merged = merge_forms(*in.catalog, all_items);
  if (!n.merged.ok())
    return failure(n, "bundle_conflict", n.merged.errors.front().zh, n.merged.errors.front().en);

  // Shared facts: an answer under any member id goes to every member id.
  json spread = answers;
  for (const auto& mf : n.merged.fields) {
    if (mf.share_key.empty() || mf.members.size() < 2) continue;
    const json* given = nullptr;
    for (const auto& m : mf.members) {
      auto it = answers.find(m.field->id);
      if (it != answers.end() && !it->is_null()) {
        given = &*it;
        break;
      }
    }
    if (given)
      for (const auto& m : mf.members)
        if (!answers.contains(m.field->id)) spread[m.field->id] = *given;
  }
  // Answers that no member item asks.
  for (auto it = answers.begin(); it != answers.end(); ++it) {
    bool known = false;
    for (const auto& mf : n.merged.fields)
      for (const auto& m : mf.members) known = known || m.field->id == it.key();
    if (!known)
      n.dropped.push_back({{"path", it.key()}, {"reason", "field_removed"}, {"value", it.value()}});
  }

  const calendar::HolidayCalendar fallback = calendar::HolidayCalendar::weekends_only();
  const calendar::HolidayCalendar& cal = in.calendar ? *in.calendar : fallback;
  expr::EvalEnv env;
  env.today = in.today;
  env.calendar = &cal;
  json merged_data = spread;
  merged_data["form"] = spread;
  merged_data["applicant"] = applicant;
  merged_data["licences"] = licences;
  merged_data["row"] = nullptr;

  json pending = json::object();  // licences the earlier items will issue
  json merged_answers = json::object();
  std::set<std::string> seen_material_keys, seen_error_keys;
  json package_answers = json::object();
  json package_materials = json::array();
  bool all_ready = true;
  for (const auto& entry : n.bundle->items) {
    const bool skipped =
        entry.optional && std::find(skip.begin(), skip.end(), entry.item) != skip.end();
    if (skipped) {
      n.skipped.push_back({entry.item, "skipped_by_applicant"});
      continue;
    }
    if (entry.when) {
      const auto r = expr::evaluate(*entry.when.program, merged_data, env);
      if (!r.ok || !truthy(r.value)) {
        n.skipped.push_back({entry.item, "condition_false"});
        continue;
      }
    }
    const auto* item = in.catalog->item(entry.item);
    const auto form = item ? in.catalog->form(*item) : nullptr;
    if (!form)
      return failure(n, "unknown_item", "事项不可用：" + entry.item,
                     "item unavailable: " + entry.item);
    json own = json::object();
    for (const auto& f : form->fields)
      if (spread.contains(f.id)) own[f.id] = spread[f.id];
    if (item_answers.is_object() && item_answers.contains(entry.item) &&
        item_answers[entry.item].is_object())
      own.update(item_answers[entry.item]);
    json provided = json::object();
    if (in.application.contains("materials") && in.application["materials"].is_object())
      provided = in.application["materials"].value(entry.item, json::object());

    check::CheckInput ci;
    ci.catalog = in.catalog;
    ci.item_id = entry.item;
    ci.profile = {{"applicant", applicant}, {"licences", licences}};
    ci.application = {{"answers", own}, {"materials", provided}};
    ci.today = in.today;
    ci.calendar = &cal;
    ci.pending_licences = pending;
    check::Notice notice = check::check_item(ci);
    if (!notice.ok) return failure(n, notice.error.code.c_str(), notice.error.zh, notice.error.en);

    for (const auto& e : notice.field_errors) {
      const std::string top = e.path.substr(0, e.path.find_first_of("[."));
      const std::string key = n.merged.share_key_of(entry.item, top);
      if (!key.empty() && e.path == top && !seen_error_keys.insert(key + "|" + e.code).second)
        continue;  // the shared fact's error is already listed
      json j = form::to_json(e);
      j["item"] = entry.item;
      j.update(check::describe_field_error(*form, e));
      if (!key.empty()) j["shareKey"] = key;
      n.field_errors.push_back(std::move(j));
    }
    for (const auto& m : notice.materials) {
      if (m.state == "not_applicable") continue;
      ++n.materials_total;
      if (m.detail.contains("issuedBy")) {
        ++n.materials_saved;  // 免提交: issued by an earlier item of this bundle
      } else if (!m.material->share_key.empty() &&
                 !seen_material_keys.insert(m.material->share_key).second) {
        ++n.materials_saved;  // the same document, already listed
        continue;
      }
      n.materials.push_back(check::to_json(m));
      json p = {{"id", entry.item + "/" + m.material->id}, {"state", m.state}};
      if (m.detail.contains("refs")) p["refs"] = m.detail["refs"];
      package_materials.push_back(std::move(p));
    }
    n.eligibility.merge(notice.eligibility);
    check::add_trip_reasons(*item, notice.materials, &n.trips);
    for (auto it = notice.answers.begin(); it != notice.answers.end(); ++it)
      if (!merged_answers.contains(it.key())) merged_answers[it.key()] = it.value();
    package_answers[entry.item] = notice.answers;
    // A shared fact this item knows (typed, or prefilled from the profile) is not asked again
    // by the later items.
    for (const auto& mf : n.merged.fields) {
      if (mf.share_key.empty() || mf.members.size() < 2) continue;
      const json* known = nullptr;
      for (const auto& m : mf.members)
        if (m.item == entry.item && notice.answers.contains(m.field->id))
          known = &notice.answers[m.field->id];
      if (!known) continue;
      for (const auto& m : mf.members)
        if (!spread.contains(m.field->id) || spread[m.field->id].is_null())
          spread[m.field->id] = *known;
    }
    if (!item->result_licence.empty() && !pending.contains(item->result_licence))
      pending[item->result_licence] = item->id;
    all_ready = all_ready && notice.blocking_field_errors() == 0 &&
                notice.blocking_materials() == 0 && notice.deadline.ok;
    n.items.push_back(std::move(notice));
  }
  if (n.items.empty())
    return failure(n, "no_item_applies", "一件事中没有适用的事项", "no item of the bundle applies");

  // The bundle's own 办理条件, on the merged visible answers.
  json cond_data = merged_answers;
  cond_data["form"] = merged_answers;
  cond_data["applicant"] = applicant;
  cond_data["licences"] = licences;
  cond_data["row"] = nullptr;
  n.bundle_conditions =
      check::evaluate_conditions(n.bundle->conditions, cond_data, env, n.bundle->id);
  n.eligibility.merge(n.bundle_conditions);

  package::PackageInput pi;
  pi.catalog_version = n.catalog_version;
  pi.item_id = n.bundle->id;
  pi.item_revision = n.bundle->revision;
  pi.bundle = true;
  pi.applicant = applicant;
  pi.answers = package_answers;
  pi.materials = package_materials;
  pi.submitted_on = time::to_iso(in.today);
  n.package = package::build_package(pi);
  n.ready = all_ready && n.eligibility.verdict == check::Verdict::eligible && n.package.ok;
  n.ok = true;
  return n;
}

json to_json(const BundleNotice& n) {
  if (!n.ok)
    return {{"ok", false},
            {"error", {{"code", n.error.code}, {"zh", n.error.zh}, {"en", n.error.en}}}};
  json items = json::array(), deadlines = json::array(), skipped = json::array();
  for (const auto& i : n.items) {
    items.push_back({{"id", i.item->id},
                     {"revision", i.item->revision},
                     {"name", {{"zh", i.item->name.zh}, {"en", i.item->name.en}}},
                     {"ready", i.ready},
                     {"idempotencyKey", i.package.ok ? json(i.package.digest) : json()}});
    json d = check::to_json(i.deadline);
    d["item"] = i.item->id;
    deadlines.push_back(std::move(d));
  }
  for (const auto& s : n.skipped) skipped.push_back({{"item", s.item}, {"reason", s.reason}});
  int blocking_fields = 0, blocking_materials = 0;
  for (const auto& e : n.field_errors) blocking_fields += e.value("severity", "") != "warning";
  for (const auto& m : n.materials) blocking_materials += m.value("blocking", false);
  return {{"ok", true},
          {"kind", "bundle"},
          {"bundle",
           {{"id", n.bundle->id},
            {"revision", n.bundle->revision},
            {"name", {{"zh", n.bundle->name.zh}, {"en", n.bundle->name.en}}}}},
          {"catalogVersion", n.catalog_version},
          {"today", time::to_iso(n.today)},
          {"ready", n.ready},
          {"summary",
           {{"fieldErrors", blocking_fields},
            {"eligibility", check::verdict_name(n.eligibility.verdict)},
            {"missingMaterials", blocking_materials},
            {"trips", n.trips.count}}},
          {"items", std::move(items)},
          {"skippedItems", std::move(skipped)},
          {"fieldErrors", n.field_errors},
          {"droppedAnswers", n.dropped},
          {"eligibility", check::to_json(n.eligibility)},
          {"materials", n.materials},
          {"trips", check::to_json(n.trips)},
          {"deadlines", std::move(deadlines)},
          {"saved",
           {{"fields", n.merged.fields_saved()},
            {"fieldsTotal", n.merged.fields_total},
            {"materials", n.materials_saved},
            {"materialsTotal", n.materials_total}}},
          {"idempotencyKey", n.package.ok ? json(n.package.digest) : json()}};
}

std::string to_text(const BundleNotice& n) {
  std::ostringstream s;
  if (!n.ok) {
    s << "无法检查：" << n.error.zh << "\n";
    return s.str();
  }
  s << "一次性告知单：" << n.bundle->name.zh << "（" << n.bundle->id << "）\n包含事项：";
  for (size_t i = 0; i < n.items.size(); ++i) s << (i ? "、" : "") << n.items[i].item->name.zh;
  s << "\n";
  check::write_text_sections(s, to_json(n));
  return s.str();
}

}  // namespace haoban::bundle
