// 免申即享 matching on the sample catalogue's three policies and the sample profiles.
#include <gtest/gtest.h>

#include "../check/test_support.h"
#include "haoban/policy/policy_match.h"

using namespace haoban;
using haoban::testing::date;
using haoban::testing::sample_profile;
using json = nlohmann::json;

namespace {
const policy::PolicyResult& result(const std::vector<policy::PolicyResult>& all,
                                   const std::string& id) {
  for (const auto& r : all)
    if (r.policy->id == id) return r;
  throw std::runtime_error("no policy " + id);
}
}  // namespace

TEST(PolicyMatch, ManufacturerGetsTheRefundAndTheHiringSubsidy) {
  const auto cat = haoban::testing::sample_catalog();
  policy::MatchOptions o;
  o.today = date("2025-06-01");  // inside the policies' 2025 period
  const auto all = policy::evaluate_policies(*cat, sample_profile("nanfeng-manufacturing"), o);
  const auto& refund = result(all, "gz-stable-jobs-refund");
  EXPECT_TRUE(refund.matched);
  EXPECT_EQ(refund.period, "active");
  EXPECT_EQ(refund.amount_fen, 12830400);  // 60% of 213,840.00 yuan (medium firm)
  ASSERT_EQ(refund.eligibility.conditions.size(), 4u);
  // Reasons: the layoff rule held with the actual counts.
  EXPECT_EQ(refund.eligibility.conditions[2].id, "layoffRate");
  EXPECT_EQ(refund.eligibility.conditions[2].status, check::ConditionStatus::passed);
  EXPECT_FALSE(refund.eligibility.conditions[2].reason.is_null());
  const auto& hiring = result(all, "gz-graduate-hiring-subsidy");
  EXPECT_TRUE(hiring.matched);
  EXPECT_EQ(hiring.amount_fen, 600000);  // 4 graduates × 1,500 yuan
  const auto& taxes = result(all, "gz-six-taxes-two-fees-halved");
  EXPECT_FALSE(taxes.matched);
  EXPECT_EQ(policy::matching_policy_ids(*cat, sample_profile("nanfeng-manufacturing"), o.today),
            (std::vector<std::string>{"gz-stable-jobs-refund", "gz-graduate-hiring-subsidy"}));
}

TEST(PolicyMatch, FailedRuleNamesTheValue) {
  const auto cat = haoban::testing::sample_catalog();
  policy::MatchOptions o;
  o.explain_all = true;
  const auto all = policy::evaluate_policies(*cat, sample_profile("huang-ji-noodles"), o);
  EXPECT_TRUE(result(all, "gz-six-taxes-two-fees-halved").matched);
  const auto& refund = result(all, "gz-stable-jobs-refund");
  EXPECT_FALSE(refund.matched);
  EXPECT_EQ(refund.eligibility.verdict, check::Verdict::not_eligible);
  EXPECT_EQ(refund.eligibility.conditions[0].id, "paidFullYear");
  EXPECT_EQ(refund.eligibility.conditions[0].status, check::ConditionStatus::failed);
  EXPECT_EQ(refund.eligibility.conditions[0].reason["operands"][0]["value"], 0);
  EXPECT_EQ(refund.period, "unchecked");
}

TEST(PolicyMatch, PeriodAudienceAndMissingFacts) {
  const auto cat = haoban::testing::sample_catalog();
  policy::MatchOptions late;
  late.today = date("2026-11-27");
  for (const auto& r :
       policy::evaluate_policies(*cat, sample_profile("nanfeng-manufacturing"), late)) {
    EXPECT_FALSE(r.matched) << r.policy->id;
    // The six-taxes relief runs 2023–2027; the two employment policies ran in 2025.
    EXPECT_EQ(r.period, r.policy->id == "gz-six-taxes-two-fees-halved" ? "active" : "ended");
  }
  // A natural person is not in the 法人 audience.
  for (const auto& r : policy::evaluate_policies(*cat, sample_profile("li-ming-migrant")))
    EXPECT_FALSE(r.audience_ok);
  // A business whose arrears status is unknown is undetermined, not matched.
  json p = sample_profile("nanfeng-manufacturing");
  p["applicant"].erase("socialInsuranceArrears");
  policy::MatchOptions o;
  o.explain_all = true;
  const auto results = policy::evaluate_policies(*cat, p, o);
  const auto& refund = result(results, "gz-stable-jobs-refund");
  EXPECT_FALSE(refund.matched);
  EXPECT_EQ(refund.eligibility.verdict, check::Verdict::undetermined);
  EXPECT_EQ(refund.eligibility.missing,
            std::vector<std::string>{"applicant.socialInsuranceArrears"});
  const json j =
      policy::to_json(policy::evaluate_policies(*cat, sample_profile("nanfeng-manufacturing")));
  EXPECT_EQ(j["matched"].size(), 2u);
  EXPECT_EQ(j["notMatched"].size(), 1u);
}
