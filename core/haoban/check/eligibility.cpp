#include "haoban/check/eligibility.h"

#include <algorithm>
#include <set>

#include "haoban/expr/explain.h"

namespace haoban::check {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::eligible:
      return "eligible";
    case Verdict::not_eligible:
      return "not_eligible";
    case Verdict::undetermined:
      return "undetermined";
  }
  return "undetermined";
}

const char* condition_status_name(ConditionStatus s) {
  switch (s) {
    case ConditionStatus::passed:
      return "passed";
    case ConditionStatus::failed:
      return "failed";
    case ConditionStatus::undetermined:
      return "undetermined";
    case ConditionStatus::informational:
      return "informational";
    case ConditionStatus::error:
      return "error";
  }
  return "error";
}

namespace {

// The value at a dotted path of the data, null when any step is missing.
const json* lookup(const json& data, const expr::Path& path) {
  const json* cur = &data;
  for (const auto& step : path.steps) {
    if (cur->is_object()) {
      auto it = cur->find(step.key);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array() && step.index >= 0 &&
               static_cast<size_t>(step.index) < cur->size()) {
      cur = &(*cur)[static_cast<size_t>(step.index)];
    } else {
      return nullptr;
    }
  }
  return cur;
}

// Names the rule reads that are missing. Paths reaching out of an iterator's element scope and
// the element itself ("") are not names of the data.
std::vector<std::string> missing_names(const expr::Program& program, const json& data) {
  std::set<std::string> out;
  for (const auto& path : program.paths) {
    if (path.steps.empty() || path.scope_up > 0) continue;
    const json* v = lookup(data, path);
    if (v && !v->is_null()) continue;
    std::string name;
    for (const auto& step : path.steps) {
      if (!name.empty()) name += '.';
      name += step.key;
    }
    // licences.t.f when the licence t is not held: the fact needed is the licence itself.
    if (path.steps.size() > 2 && path.steps[0].key == "licences") {
      const json* licence = lookup(data, expr::Path{{path.steps[0], path.steps[1]}});
      if (!licence || licence->is_null()) name = "licences." + path.steps[1].key;
    }
    out.insert(name);
  }
  return {out.begin(), out.end()};
}

}  // namespace

void Eligibility::merge(const Eligibility& other) {
  for (const auto& c : other.conditions) conditions.push_back(c);
  std::set<std::string> all(missing.begin(), missing.end());
  all.insert(other.missing.begin(), other.missing.end());
  missing.assign(all.begin(), all.end());
  if (verdict == Verdict::not_eligible || other.verdict == Verdict::not_eligible)
    verdict = Verdict::not_eligible;
  else if (verdict == Verdict::undetermined || other.verdict == Verdict::undetermined)
    verdict = Verdict::undetermined;
}

Eligibility evaluate_conditions(const std::vector<catalog::Condition>& conditions, const json& data,
                                const expr::EvalEnv& env, std::string_view scope,
                                const json& fallback_basis) {
  Eligibility out;
  bool any_failed = false, any_open = false;
  std::set<std::string> missing;
  for (const auto& c : conditions) {
    ConditionOutcome o;
    o.id = c.id;
    o.scope = std::string(scope);
    o.text = c.text;
    o.basis = c.basis.is_null() ? fallback_basis : c.basis;
    if (c.informational || !c.when) {
      o.status = ConditionStatus::informational;
      out.conditions.push_back(std::move(o));
      continue;
    }
    const json explained = expr::explain(*c.when.program, data, env, c.id);
    if (!explained.value("ok", false)) {
      o.status = ConditionStatus::error;
      o.error = explained.value("error", json());
      any_open = true;
    } else {
      o.reason = explained.value("reason", json());
      const json& value = explained["value"];
      const bool holds = value.is_boolean() ? value.get<bool>()
                                            : !(value.is_null() || value == false || value == 0 ||
                                                value == "" || value == json::array());
      if (holds) {
        o.status = ConditionStatus::passed;
      } else {
        o.missing = missing_names(*c.when.program, data);
        if (o.missing.empty()) {
          o.status = ConditionStatus::failed;
          any_failed = true;
        } else {
          o.status = ConditionStatus::undetermined;
          any_open = true;
          missing.insert(o.missing.begin(), o.missing.end());
        }
      }
    }
    out.conditions.push_back(std::move(o));
  }
  out.missing.assign(missing.begin(), missing.end());
  out.verdict =
      any_failed ? Verdict::not_eligible : (any_open ? Verdict::undetermined : Verdict::eligible);
  return out;
}

json to_json(const ConditionOutcome& o) {
  json out = {{"id", o.id},
              {"scope", o.scope},
              {"zh", o.text.zh},
              {"en", o.text.en},
              {"status", condition_status_name(o.status)}};
  if (!o.basis.is_null()) out["basis"] = o.basis;
  if (!o.reason.is_null()) out["reason"] = o.reason;
  if (!o.missing.empty()) out["missing"] = o.missing;
  if (!o.error.is_null()) out["error"] = o.error;
  return out;
}

json to_json(const Eligibility& e) {
  json conditions = json::array();
  for (const auto& c : e.conditions) conditions.push_back(to_json(c));
  return {{"verdict", verdict_name(e.verdict)},
          {"conditions", std::move(conditions)},
          {"missing", e.missing}};
}

}  // namespace haoban::check
