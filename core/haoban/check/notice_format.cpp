// The 一次性告知单 as JSON (docs/check-format.md) and as zh-CN text.
#include <sstream>

#include "haoban/check/submission_check.h"

namespace haoban::check {

// The page title and the field label of an error's path ("familyMembers[1].memberName" →
// the row field's label).
json describe_field_error(const catalog::Form& form, const form::FieldError& e) {
  json out = json::object();
  for (const auto& p : form.pages)
    if (p.id == e.page) out["pageTitle"] = {{"zh", p.title.zh}, {"en", p.title.en}};
  const std::string top = e.path.substr(0, e.path.find_first_of("[."));
  if (const auto* f = form.field(top)) {
    const catalog::Field* target = f;
    const auto dot = e.path.rfind('.');
    if (f->is_group() && dot != std::string::npos) {
      const std::string leaf = e.path.substr(dot + 1);
      for (const auto& rf : f->row_fields)
        if (rf.id == leaf) target = &rf;
    }
    out["label"] = {{"zh", target->label.zh}, {"en", target->label.en}};
  }
  return out;
}

json to_json(const Notice& n) {
  if (!n.ok)
    return {{"ok", false},
            {"error", {{"code", n.error.code}, {"zh", n.error.zh}, {"en", n.error.en}}}};
  const auto& form = n.form;
  json field_errors = json::array();
  for (const auto& e : n.field_errors) {
    json entry = form::to_json(e);
    entry["item"] = n.item->id;
    if (form) entry.update(describe_field_error(*form, e));
    field_errors.push_back(std::move(entry));
  }
  json materials = json::array();
  for (const auto& m : n.materials) materials.push_back(to_json(m));
  return {{"ok", true},
          {"kind", "item"},
          {"item",
           {{"id", n.item->id},
            {"revision", n.item->revision},
            {"name", {{"zh", n.item->name.zh}, {"en", n.item->name.en}}}}},
          {"catalogVersion", n.catalog_version},
          {"today", time::to_iso(n.today)},
          {"ready", n.ready},
          {"summary",
           {{"fieldErrors", n.blocking_field_errors()},
            {"eligibility", verdict_name(n.eligibility.verdict)},
            {"missingMaterials", n.blocking_materials()},
            {"trips", n.trips.count}}},
          {"fieldErrors", std::move(field_errors)},
          {"droppedAnswers", n.dropped},
          {"eligibility", to_json(n.eligibility)},
          {"materials", std::move(materials)},
          {"trips", to_json(n.trips)},
          {"deadline", to_json(n.deadline)},
          {"idempotencyKey", n.package.ok ? json(n.package.digest) : json()}};
}

void write_text_sections(std::ostringstream& s, const json& j);

std::string to_text(const Notice& n) {
  std::ostringstream s;
  if (!n.ok) {
    s << "无法检查：" << n.error.zh << "\n";
    return s.str();
  }
  s << "一次性告知单：" << n.item->name.zh << "（" << n.item->id << "，第" << n.item->revision
    << "版）\n";
  write_text_sections(s, to_json(n));
  return s.str();
}

// Shared with the bundle notice: renders the sections of a notice's JSON.
void write_text_sections(std::ostringstream& s, const json& j) {
  s << "检查日期：" << j.value("today", "") << "　目录版本：" << j.value("catalogVersion", "")
    << "\n";
  s << "结论："
    << (j.value("ready", false) ? "材料齐全、符合条件，可以提交" : "暂不能提交，请按下列事项补正")
    << "\n";
  const auto& fe = j["fieldErrors"];
  s << "\n一、表单填写问题（" << fe.size() << "项）\n";
  if (fe.empty()) s << "  无\n";
  int k = 0;
  for (const auto& e : fe) {
    s << "  " << ++k << ". ";
    if (e.contains("pageTitle")) s << "【" << e["pageTitle"].value("zh", "") << "】";
    if (e.contains("label"))
      s << e["label"].value("zh", "") << "（" << e.value("path", "") << "）";
    else
      s << e.value("path", "");
    s << "：" << e.value("zh", "");
    if (e.value("severity", "") == "warning") s << "（提示，不影响提交）";
    s << "\n";
  }
  const auto& el = j["eligibility"];
  const std::string verdict = el.value("verdict", "");
  s << "\n二、受理条件："
    << (verdict == "eligible"       ? "符合"
        : verdict == "not_eligible" ? "不符合"
                                    : "尚不能确定")
    << "\n";
  for (const auto& c : el["conditions"]) {
    const std::string st = c.value("status", "");
    const char* mark = st == "passed"          ? "✓"
                       : st == "failed"        ? "✗"
                       : st == "informational" ? "ⓘ"
                                               : "?";
    s << "  " << mark << " " << c.value("zh", "");
    if (st == "failed" && c.contains("reason")) s << "——" << c["reason"].value("zh", "");
    if (st == "undetermined") {
      s << "——尚需：";
      bool first = true;
      for (const auto& m : c["missing"]) {
        s << (first ? "" : "、") << m.get<std::string>();
        first = false;
      }
    }
    if (st == "informational") s << "（由受理人员审查）";
    if (st == "error") s << "——无法判断";
    s << "\n";
  }
  s << "\n三、申请材料\n";
  for (const auto& m : j["materials"]) {
    const std::string st = m.value("state", "");
    if (st == "not_applicable") continue;
    s << "  " << (m.value("blocking", false) ? "✗ " : "· ") << m["name"].value("zh", "") << "："
      << m.value("label", "");
    if (m.contains("licenceName")) s << "（电子证照：" << m["licenceName"].value("zh", "") << "）";
    if (m.contains("issuedBy"))
      s << "（由本一件事中的事项 " << m.value("issuedBy", "") << " 核发）";
    if (st == "deferred" && m.contains("deadline"))
      s << "，请于" << m.value("deadline", "") << "前补交（" << m.value("deferralWorkingDays", 0)
        << "个工作日内）";
    if (m.contains("commitmentRefused"))
      s << "（" << m["commitmentRefused"].value("zh", "") << "）";
    if (m.contains("problem")) s << "（" << m["problem"].value("zh", "") << "）";
    s << "\n";
    if (st == "commitment_available") {
      const auto& c = m["commitment"];
      s << "      承诺书：" << c["name"].value("zh", "") << "\n      承诺内容："
        << c["text"].value("zh", "") << "\n      法律责任：" << c["liability"].value("zh", "")
        << "\n";
    }
  }
  const auto& trips = j["trips"];
  s << "\n四、还需跑动：" << trips.value("count", 0) << "次\n";
  for (const auto& r : trips["reasons"]) s << "  · " << r.value("zh", "") << "\n";
  if (j.contains("deadline")) {
    const auto& d = j["deadline"];
    s << "\n五、承诺办结日期：";
    if (d.contains("error"))
      s << d["error"].value("zh", "");
    else if (d.value("sameDay", false))
      s << d.value("due", "") << "（即办，当场办结）";
    else
      s << d.value("due", "") << "（" << d.value("value", 0) << "个" << d.value("unit", "") << "）";
    if (!d.value("calendarCovered", true)) s << "（节假日数据未覆盖，日期仅供参考）";
    s << "\n";
  }
  if (j.contains("deadlines")) {
    s << "\n五、承诺办结日期\n";
    for (const auto& d : j["deadlines"])
      s << "  · " << d.value("item", "") << "：" << d.value("due", "") << "\n";
  }
  if (j.contains("saved"))
    s << "\n合并办理：少填" << j["saved"].value("fields", 0) << "项信息，少交"
      << j["saved"].value("materials", 0) << "份材料\n";
  if (!j["idempotencyKey"].is_null())
    s << "\n幂等键（SHA-256）：" << j.value("idempotencyKey", "") << "\n";
}

}  // namespace haoban::check
