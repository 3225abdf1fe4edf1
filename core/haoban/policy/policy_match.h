// 免申即享 policy matching: for an applicant profile (a business, typically), every policy of
// the catalogue it qualifies for, each with its reasons (the eligibility rules that held, with
// the values that made them hold) and the benefit amount when the policy computes one.
// Policies see only applicant.* and licences.* (docs/catalog-format.md).
//
// A policy matches when the profile's kind is in its audience, every eligibility rule holds,
// and — when a date is given — the date lies in [validFrom, validTo]. Without a date the period
// is not checked and is reported as "unchecked" (the sample policies ran in 2025).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "haoban/catalog/model.h"
#include "haoban/check/eligibility.h"
#include "haoban/time/civil_date.h"

namespace haoban::policy {

using json = nlohmann::json;

struct PolicyResult {
  const catalog::Policy* policy = nullptr;
  bool audience_ok = true;
  std::string period;  // active, not_started, ended, unchecked
  check::Eligibility eligibility;
  json amount_fen;  // null when the policy computes no amount or it cannot be computed
  bool matched = false;
};

struct MatchOptions {
  std::optional<time::CivilDate> today;
  bool explain_all = false;  // reasons for non-matching policies too (slower)
};

// Every policy, matched or not, in catalogue order.
std::vector<PolicyResult> evaluate_policies(const catalog::Catalog& catalog, const json& profile,
                                            const MatchOptions& options = {});

// Only the ids of the matching policies, without explanations: the fast path for batch runs
// (a whole register of businesses against the catalogue).
std::vector<std::string> matching_policy_ids(const catalog::Catalog& catalog, const json& profile,
                                             const std::optional<time::CivilDate>& today);

json to_json(const PolicyResult& result);
// {"matched":[…], "notMatched":[{id, name, why…}]}
json to_json(const std::vector<PolicyResult>& results);

}  // namespace haoban::policy
