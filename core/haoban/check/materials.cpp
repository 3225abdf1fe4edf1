#include "haoban/check/materials.h"

#include <algorithm>

#include "haoban/check/deadline.h"
#include "haoban/expr/engine.h"

namespace haoban::check {

namespace {

bool truthy(const json& v) {
  if (v.is_boolean()) return v.get<bool>();
  return !(v.is_null() || v == 0 || v == "" || (v.is_array() && v.empty()));
}

bool holds(const catalog::Expression& e, const json& data, const expr::EvalEnv& env) {
  if (!e) return true;
  const auto out = expr::evaluate(*e.program, data, env);
  return out.ok && truthy(out.value);
}

// How the applicant said the material is provided: its slot field's value, else the
// application's materials entry. Null when not provided.
json provision(const MaterialContext& ctx, const catalog::Material& m) {
  for (const auto& f : ctx.form->fields)
    if (f.type == catalog::FieldType::material && f.material == m.id && ctx.answers.is_object()) {
      auto it = ctx.answers.find(f.id);
      if (it != ctx.answers.end() && it->is_object()) return *it;
    }
  if (ctx.provided.is_object()) {
    auto it = ctx.provided.find(m.id);
    if (it != ctx.provided.end() && it->is_object()) return *it;
  }
  return nullptr;
}

bool has_refs(const json& p) {
  auto it = p.find("refs");
  if (it == p.end() || !it->is_array() || it->empty()) return false;
  return std::all_of(it->begin(), it->end(),
                     [](const json& r) { return r.is_string() && !r.get<std::string>().empty(); });
}

struct CommitmentCheck {
  const catalog::CommitmentTemplate* tmpl = nullptr;
  bool allowed = false;
  std::string refused;  // credit, domain, unknown_template
};

CommitmentCheck commitment_for(const MaterialContext& ctx, const catalog::Material& m) {
  CommitmentCheck c;
  if (m.replace_by_commitment.empty()) return c;
  c.tmpl = ctx.catalog->commitment_template(m.replace_by_commitment);
  if (!c.tmpl) {
    c.refused = "unknown_template";
    return c;
  }
  // Never in an item touching a domain the template is restricted from (the loader already
  // refuses such a catalogue; checked again because the notice must never offer it).
  for (const auto& d : ctx.item->domains)
    if (std::find(c.tmpl->restricted_domains.begin(), c.tmpl->restricted_domains.end(), d) !=
        c.tmpl->restricted_domains.end()) {
      c.refused = "domain";
      return c;
    }
  if (c.tmpl->excluded_when) {
    // Templates see only applicant.* and licences.*.
    const json who = {{"applicant", ctx.data.value("applicant", json::object())},
                      {"licences", ctx.data.value("licences", json::object())}};
    if (holds(c.tmpl->excluded_when, who, ctx.env)) {
      c.refused = "credit";
      return c;
    }
  }
  c.allowed = true;
  return c;
}

json commitment_json(const catalog::CommitmentTemplate& t) {
  return {{"id", t.id},
          {"name", {{"zh", t.name.zh}, {"en", t.name.en}}},
          {"text", t.text},
          {"liability", t.liability},
          {"basis", t.basis}};
}

json refusal_json(const std::string& reason) {
  if (reason == "credit")
    return {{"reason", reason},
            {"zh", "申请人存在严重失信记录或曾作出虚假承诺，不适用告知承诺"},
            {"en", "the applicant has serious credit failures or a false commitment on record"}};
  if (reason == "domain")
    return {{"reason", reason},
            {"zh", "本事项涉及的领域不适用告知承诺"},
            {"en", "commitments are not accepted in this item's domain"}};
  return {{"reason", reason},
          {"zh", "承诺书模板不存在"},
          {"en", "the commitment template does not exist"}};
}

}  // namespace

const char* state_label_zh(const std::string& s) {
  if (s == "not_applicable") return "不适用";
  if (s == "satisfied_by_licence") return "免提交";
  if (s == "attached") return "已提交";
  if (s == "commitment_accepted") return "已承诺（告知承诺）";
  if (s == "commitment_available") return "可签署告知承诺代替";
  if (s == "deferred") return "容缺后补";
  if (s == "optional_missing") return "非必要，未提交";
  if (s == "required_missing") return "缺少";
  return s.c_str();
}

std::vector<MaterialStatus> material_states(const MaterialContext& ctx) {
  std::vector<MaterialStatus> out;
  const json licences = ctx.data.value("licences", json::object());
  for (const auto& m : ctx.form->materials) {
    MaterialStatus s;
    s.material = &m;
    s.item = ctx.item->id;
    if (!holds(m.when, ctx.data, ctx.env)) {
      s.state = "not_applicable";
      out.push_back(std::move(s));
      continue;
    }
    // 免提交: an e-licence the government already holds is fetched, never uploaded.
    if (!m.replace_by_licence.empty()) {
      auto held = licences.find(m.replace_by_licence);
      if (held != licences.end() && !held->is_null()) {
        s.state = "satisfied_by_licence";
        s.detail["licence"] = m.replace_by_licence;
        if (const auto* t = ctx.catalog->licence_type(m.replace_by_licence))
          s.detail["licenceName"] = {{"zh", t->name.zh}, {"en", t->name.en}};
        out.push_back(std::move(s));
        continue;
      }
      if (ctx.pending.is_object() && ctx.pending.contains(m.replace_by_licence)) {
        s.state = "satisfied_by_licence";
        s.detail["licence"] = m.replace_by_licence;
        s.detail["issuedBy"] = ctx.pending[m.replace_by_licence];
        out.push_back(std::move(s));
        continue;
      }
    }
    const json p = provision(ctx, m);
    const std::string via = p.is_object() ? p.value("via", std::string()) : std::string();
    const CommitmentCheck commitment = commitment_for(ctx, m);
    if (via == "upload" && has_refs(p)) {
      s.state = "attached";
      s.detail["refs"] = p["refs"];
    } else if (via == "commitment" && commitment.allowed) {
      s.state = "commitment_accepted";
      s.detail["commitment"] = commitment.tmpl->id;
    } else if (m.necessity == "容缺后补") {
      s.state = "deferred";
      s.detail["deferralWorkingDays"] = m.deferral_working_days;
      if (ctx.calendar)
        if (auto due = working_days_after(ctx.today, m.deferral_working_days, *ctx.calendar))
          s.detail["deadline"] = time::to_iso(*due);
    } else if (m.necessity == "非必要") {
      s.state = "optional_missing";
    } else if (commitment.allowed) {
      s.state = "commitment_available";
      s.blocking = true;
      s.detail["commitment"] = commitment_json(*commitment.tmpl);
    } else {
      s.state = "required_missing";
      s.blocking = true;
      if (!commitment.refused.empty())
        s.detail["commitmentRefused"] = refusal_json(commitment.refused);
      if (via == "licence")
        s.detail["problem"] = {{"code", "licence_not_held"},
                               {"zh", "申请人未持有可代替该材料的电子证照"},
                               {"en", "the applicant holds no e-licence that replaces it"}};
      else if (via == "upload")
        s.detail["problem"] = {
            {"code", "no_file"}, {"zh", "未上传文件"}, {"en", "no file was uploaded"}};
      else if (via == "commitment")
        s.detail["problem"] = {{"code", "commitment_refused"},
                               {"zh", "该材料不能以告知承诺代替"},
                               {"en", "this material cannot be replaced by a commitment"}};
    }
    out.push_back(std::move(s));
  }
  return out;
}

json to_json(const MaterialStatus& s) {
  const auto& m = *s.material;
  json out = {{"id", m.id},
              {"item", s.item},
              {"name", {{"zh", m.name.zh}, {"en", m.name.en}}},
              {"necessity", m.necessity},
              {"source", m.source},
              {"form", m.form},
              {"originals", m.originals},
              {"copies", m.copies},
              {"state", s.state},
              {"label", state_label_zh(s.state)},
              {"blocking", s.blocking}};
  if (!m.share_key.empty()) out["shareKey"] = m.share_key;
  for (auto it = s.detail.begin(); it != s.detail.end(); ++it) out[it.key()] = it.value();
  return out;
}

}  // namespace haoban::check
