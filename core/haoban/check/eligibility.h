// Eligibility (受理条件 / 办理条件 / 享受条件): named rules, each with zh-CN and en text and its
// legal basis, evaluated with the expression engine's explanations so that a failing rule is
// reported with the actual values that failed it ("age(operatorBirthDate) = 15, needs >= 16"),
// never a bare false.
//
// A rule that is false while some fact or answer it reads is missing (null) is not a failure
// but *undetermined*: answering that question could still make it hold, so the missing names
// are listed. The verdict is not_eligible when any rule fails, otherwise undetermined when any
// rule is undetermined (or could not be evaluated), otherwise eligible. Informational rules
// (no `when`) are listed and never decide.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/catalog/model.h"
#include "haoban/expr/functions.h"

namespace haoban::check {

using json = nlohmann::json;

enum class Verdict { eligible, not_eligible, undetermined };
const char* verdict_name(Verdict verdict);

enum class ConditionStatus { passed, failed, undetermined, informational, error };
const char* condition_status_name(ConditionStatus status);

struct ConditionOutcome {
  std::string id;
  std::string scope;  // the item or bundle id the rule belongs to
  catalog::Text text;
  json basis;  // the rule's basis, else the item's 设定依据 (null when neither)
  ConditionStatus status = ConditionStatus::informational;
  json reason;                       // the explanation tree (explain.h) when evaluated
  std::vector<std::string> missing;  // names read that were null (undetermined)
  json error;                        // evaluation error (status error)
};

struct Eligibility {
  Verdict verdict = Verdict::eligible;
  std::vector<ConditionOutcome> conditions;
  std::vector<std::string> missing;  // union of the undetermined rules' missing names, sorted

  // Adds another set of rules' outcomes (a bundle: each item, then the bundle's own).
  void merge(const Eligibility& other);
};

// data: {"applicant":…, "licences":…, "<field>":…} — what the rules' names read.
Eligibility evaluate_conditions(const std::vector<catalog::Condition>& conditions, const json& data,
                                const expr::EvalEnv& env, std::string_view scope,
                                const json& fallback_basis = nullptr);

json to_json(const ConditionOutcome& outcome);
json to_json(const Eligibility& eligibility);

}  // namespace haoban::check
