// 一件事 bundles of the sample catalogue: the merged form (shared facts asked once, conflicts
// are load errors), the merged material list, the check across every item and the savings.
#include <gtest/gtest.h>

#include "../check/test_support.h"
#include "haoban/bundle/bundle_check.h"

using namespace haoban;
using haoban::testing::date;
using json = nlohmann::json;

namespace {

json application_file(const char* name) {
  return json::parse(haoban::testing::read_repo_file(std::string("tests/data/check/") + name));
}

bundle::BundleNotice run(const std::string& id, const json& app, const json& profile) {
  bundle::BundleInput in;
  in.catalog = haoban::testing::sample_catalog();
  in.bundle_id = id;
  in.profile = profile;
  in.application = app;
  in.today = date("2026-11-27");
  in.calendar = &haoban::testing::official_calendar();
  return bundle::check_bundle(in);
}

const json& material(const json& notice, const std::string& item, const std::string& id) {
  for (const auto& m : notice["materials"])
    if (m["item"] == item && m["id"] == id) return m;
  throw std::runtime_error("no material " + item + "/" + id);
}

}  // namespace

TEST(BundleCheck, OpenRestaurantPasses) {
  const auto n = run("open-restaurant", application_file("open-restaurant.pass.json"),
                     haoban::testing::sample_profile("wang-qiang-operator"));
  ASSERT_TRUE(n.ok) << n.error.en;
  const json j = bundle::to_json(n);
  EXPECT_TRUE(n.ready) << j.dump(1);
  ASSERT_EQ(n.items.size(), 2u);
  EXPECT_TRUE(j["fieldErrors"].empty());
  EXPECT_EQ(j["eligibility"]["verdict"], "eligible");
  // The business licence the first item issues replaces the food licence's material.
  const json& licence = material(j, "gz-food-business-licence", "businessLicence");
  EXPECT_EQ(licence["state"], "satisfied_by_licence");
  EXPECT_EQ(licence["issuedBy"], "gz-individual-business");
  // The operator's name is prefilled once and reaches the food licence's legal representative.
  EXPECT_EQ(n.items[1].answers["legalRepName"], "王强");
  EXPECT_EQ(n.items[1].answers["legalRepIdNumber"], "440103198503091112");
  // Shared keys: operator.name/id_number/mobile/email, business.premises_district/address.
  EXPECT_EQ(j["saved"]["fields"], 6);
  EXPECT_EQ(j["saved"]["materials"], 1);
  EXPECT_EQ(j["trips"]["count"], 0);
  EXPECT_EQ(j["deadlines"][0]["due"], "2026-11-27");
  EXPECT_EQ(j["deadlines"][1]["due"], "2026-12-04");  // 5 working days
  EXPECT_EQ(j["idempotencyKey"].get<std::string>().size(), 64u);
  EXPECT_EQ(n.package.body["bundleId"], "open-restaurant");
}

TEST(BundleCheck, SharedFactErrorIsListedOnce) {
  json app = application_file("open-restaurant.pass.json");
  app["answers"]["premisesAddress"] = "";  // shared: business.premises_address
  const auto n =
      run("open-restaurant", app, haoban::testing::sample_profile("wang-qiang-operator"));
  ASSERT_TRUE(n.ok);
  EXPECT_FALSE(n.ready);
  ASSERT_EQ(n.field_errors.size(), 1u) << n.field_errors.dump(1);
  EXPECT_EQ(n.field_errors[0]["path"], "premisesAddress");
  EXPECT_EQ(n.field_errors[0]["code"], "required");
  EXPECT_EQ(n.field_errors[0]["shareKey"], "business.premises_address");
  EXPECT_EQ(n.field_errors[0]["item"], "gz-individual-business");
}

TEST(BundleCheck, FoodItemProblemsAppearInTheBundleNotice) {
  json app = application_file("open-restaurant.pass.json");
  app["answers"]["businessItems"] = json::array({"prepackaged_sale"});
  app["answers"].erase("floorPlanSlot");
  const auto n =
      run("open-restaurant", app, haoban::testing::sample_profile("wang-qiang-operator"));
  ASSERT_TRUE(n.ok);
  const json j = bundle::to_json(n);
  EXPECT_EQ(j["eligibility"]["verdict"], "not_eligible");
  bool needs_licence_failed = false;
  for (const auto& c : j["eligibility"]["conditions"])
    if (c["id"] == "needsLicence")
      needs_licence_failed = c["status"] == "failed" && c["scope"] == "gz-food-business-licence";
  EXPECT_TRUE(needs_licence_failed);
  EXPECT_EQ(material(j, "gz-food-business-licence", "floorPlan")["state"], "required_missing");
  EXPECT_FALSE(n.ready);
}

TEST(BundleCheck, BirthOneThingPasses) {
  const auto n = run("birth-one-thing", application_file("birth-one-thing.pass.json"),
                     haoban::testing::sample_profile("chen-fang-new-mother"));
  ASSERT_TRUE(n.ok) << n.error.en;
  const json j = bundle::to_json(n);
  EXPECT_TRUE(n.ready) << j.dump(1);
  ASSERT_EQ(n.items.size(), 2u);
  EXPECT_TRUE(j["skippedItems"].empty());
  EXPECT_EQ(j["eligibility"]["verdict"], "eligible");
  // Child's name (child.name) and the mobile (person.mobile) are asked once.
  EXPECT_EQ(j["saved"]["fields"], 2);
  // The birth certificate and the household register are listed once.
  EXPECT_EQ(j["saved"]["materials"], 2);
  EXPECT_EQ(n.items[1].answers["insuredName"], "林小雨");
  EXPECT_EQ(material(j, "gz-birth-registration", "marriageCert")["state"], "satisfied_by_licence");
}

TEST(BundleCheck, BirthBundleConditionsAndOptionalItems) {
  json app = application_file("birth-one-thing.pass.json");
  app["answers"]["parentsMarried"] = "no";
  app["answers"]["followParent"] = "mother";
  app["skipItems"] = json::array({"gz-resident-medical-insurance"});
  const auto n =
      run("birth-one-thing", app, haoban::testing::sample_profile("chen-fang-new-mother"));
  ASSERT_TRUE(n.ok);
  ASSERT_EQ(n.items.size(), 1u);
  ASSERT_EQ(n.skipped.size(), 1u);
  EXPECT_EQ(n.skipped[0].reason, "skipped_by_applicant");
  const json j = bundle::to_json(n);
  bool married_failed = false;
  for (const auto& c : j["eligibility"]["conditions"])
    if (c["id"] == "married")
      married_failed = c["status"] == "failed" && c["scope"] == "birth-one-thing";
  EXPECT_TRUE(married_failed);
  // Unmarried parents need the non-marital statement instead of the marriage certificate.
  EXPECT_EQ(material(j, "gz-birth-registration", "nonMaritalStatement")["state"],
            "required_missing");
  EXPECT_FALSE(n.ready);
}

TEST(BundleCheck, MergedFormConflictIsALoadError) {
  // Two items asking the same shared fact with different types cannot be merged.
  auto cat = haoban::testing::sample_catalog();
  auto merged = bundle::merge_forms(*cat, {"gz-residence-permit", "gz-individual-business"});
  EXPECT_TRUE(merged.ok());  // person.* vs operator.*: nothing shared, nothing to conflict
  EXPECT_EQ(merged.fields_saved(), 0);

  std::string text = haoban::testing::sample_catalog_text();
  // Make the food licence's contact mobile (operator.mobile) a text field.
  const std::string from = "\"id\": \"contactMobile\",\n                \"type\": \"mobile\"";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "\"id\": \"contactMobile\", \"type\": \"text\"");
  const auto loaded = catalog::load_catalog(text);
  ASSERT_TRUE(loaded.ok());
  auto conflict =
      bundle::merge_forms(*loaded.catalog, {"gz-individual-business", "gz-food-business-licence"});
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.errors[0].code, "share_type_conflict");
  EXPECT_NE(conflict.errors[0].path.find("$.items[3]"), std::string::npos);
  bundle::BundleInput in;
  in.catalog = loaded.catalog;
  in.bundle_id = "open-restaurant";
  in.application = application_file("open-restaurant.pass.json");
  in.today = date("2026-11-27");
  const auto n = bundle::check_bundle(in);
  EXPECT_FALSE(n.ok);
  EXPECT_EQ(n.error.code, "bundle_conflict");
}
