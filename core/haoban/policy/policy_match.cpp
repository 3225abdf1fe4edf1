#include "haoban/policy/policy_match.h"

#include <algorithm>

#include "haoban/expr/engine.h"

namespace haoban::policy {

namespace {

json policy_data(const json& profile) {
  json applicant = json::object(), licences = json::object();
  if (profile.is_object()) {
    if (profile.contains("applicant") || profile.contains("licences")) {
      applicant = profile.value("applicant", json::object());
      licences = profile.value("licences", json::object());
    } else {
      applicant = profile;
    }
  }
  return {{"applicant", applicant.is_object() ? applicant : json::object()},
          {"licences", licences.is_object() ? licences : json::object()}};
}

bool audience_fits(const catalog::Policy& p, const json& data) {
  const auto& a = data["applicant"];
  auto it = a.find("kind");
  if (it == a.end() || !it->is_string()) return p.audience.empty();
  return p.audience.empty() || std::find(p.audience.begin(), p.audience.end(),
                                         it->get<std::string>()) != p.audience.end();
}

std::string period_of(const catalog::Policy& p, const std::optional<time::CivilDate>& today) {
  if (!today) return "unchecked";
  const std::string d = time::to_iso(*today);  // ISO dates compare as strings
  if (!p.valid_from.empty() && d < p.valid_from) return "not_started";
  if (!p.valid_to.empty() && d > p.valid_to) return "ended";
  return "active";
}

bool all_hold(const catalog::Policy& p, const json& data, const expr::EvalEnv& env) {
  for (const auto& c : p.eligibility) {
    if (c.informational || !c.when) continue;
    const auto r = expr::evaluate(*c.when.program, data, env);
    if (!r.ok || r.value != true) return false;
  }
  return true;
}

}  // namespace

std::vector<PolicyResult> evaluate_policies(const catalog::Catalog& catalog, const json& profile,
                                            const MatchOptions& options) {
  const json data = policy_data(profile);
  expr::EvalEnv env;
  env.today = options.today;
  std::vector<PolicyResult> out;
  for (const auto& p : catalog.policies) {
    PolicyResult r;
    r.policy = &p;
    r.audience_ok = audience_fits(p, data);
    r.period = period_of(p, options.today);
    const bool fast_yes = r.audience_ok && all_hold(p, data, env);
    if (fast_yes || options.explain_all) {
      r.eligibility = check::evaluate_conditions(p.eligibility, data, env, p.id, p.legal_basis);
    } else {
      r.eligibility.verdict = check::Verdict::not_eligible;
    }
    r.matched = r.audience_ok && r.eligibility.verdict == check::Verdict::eligible &&
                (r.period == "active" || r.period == "unchecked");
    if (r.matched && p.benefit_amount_fen) {
      const auto v = expr::evaluate(*p.benefit_amount_fen.program, data, env);
      // Money is integral fen: a division leaves a whole number in the catalogue's formulas,
      // and anything else is rounded down (never promise more than the formula gives).
      if (v.ok && v.value.is_number()) r.amount_fen = static_cast<int64_t>(v.value.get<double>());
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> matching_policy_ids(const catalog::Catalog& catalog, const json& profile,
                                             const std::optional<time::CivilDate>& today) {
  const json data = policy_data(profile);
  expr::EvalEnv env;
  env.today = today;
  std::vector<std::string> out;
  for (const auto& p : catalog.policies) {
    const std::string period = period_of(p, today);
    if (period != "active" && period != "unchecked") continue;
    if (audience_fits(p, data) && all_hold(p, data, env)) out.push_back(p.id);
  }
  return out;
}

json to_json(const PolicyResult& r) {
  const auto& p = *r.policy;
  json out = {
      {"id", p.id},
      {"revision", p.revision},
      {"name", {{"zh", p.name.zh}, {"en", p.name.en}}},
      {"mode", p.mode},
      {"matched", r.matched},
      {"audienceFits", r.audience_ok},
      {"period", {{"status", r.period}, {"validFrom", p.valid_from}, {"validTo", p.valid_to}}},
      {"benefit", {{"description", p.benefit_description}, {"amountFen", r.amount_fen}}},
      {"department", {{"zh", p.department.name.zh}, {"en", p.department.name.en}}}};
  if (!r.eligibility.conditions.empty()) out["eligibility"] = check::to_json(r.eligibility);
  return out;
}

json to_json(const std::vector<PolicyResult>& results) {
  json matched = json::array(), not_matched = json::array();
  for (const auto& r : results) (r.matched ? matched : not_matched).push_back(to_json(r));
  return {{"matched", std::move(matched)}, {"notMatched", std::move(not_matched)}};
}

}  // namespace haoban::policy
