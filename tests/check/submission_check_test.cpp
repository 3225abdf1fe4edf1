// The 一次性告知单 of the sample items: applications that pass, and applications with each kind
// of problem, asserting the exact entries of the notice.
#include <gtest/gtest.h>

#include "haoban/check/submission_check.h"
#include "test_support.h"

using namespace haoban;
using haoban::testing::date;
using json = nlohmann::json;

namespace {

json application_file(const char* name) {
  return json::parse(haoban::testing::read_repo_file(std::string("tests/data/check/") + name));
}

check::Notice run(const std::string& item, const json& application, const json& profile,
                  const char* today = "2026-11-27") {
  check::CheckInput in;
  in.catalog = haoban::testing::sample_catalog();
  in.item_id = item;
  in.profile = profile;
  in.application = application;
  in.today = date(today);
  in.calendar = &haoban::testing::official_calendar();
  return check::check_item(in);
}

const check::MaterialStatus& material(const check::Notice& n, const std::string& id) {
  for (const auto& m : n.materials)
    if (m.material->id == id) return m;
  throw std::runtime_error("no material " + id);
}

const check::ConditionOutcome& condition(const check::Notice& n, const std::string& id) {
  for (const auto& c : n.eligibility.conditions)
    if (c.id == id) return c;
  throw std::runtime_error("no condition " + id);
}

json wang_qiang() { return haoban::testing::sample_profile("wang-qiang-operator"); }

}  // namespace

TEST(SubmissionCheck, IndividualBusinessPasses) {
  const auto n = run("gz-individual-business", application_file("individual-business.pass.json"),
                     wang_qiang());
  ASSERT_TRUE(n.ok) << n.error.en;
  EXPECT_TRUE(n.ready);
  EXPECT_TRUE(n.field_errors.empty());
  EXPECT_EQ(n.eligibility.verdict, check::Verdict::eligible);
  EXPECT_EQ(condition(n, "operatorAge").status, check::ConditionStatus::passed);
  EXPECT_EQ(condition(n, "notProhibited").status, check::ConditionStatus::informational);
  EXPECT_EQ(material(n, "applicationForm").state, "attached");
  EXPECT_EQ(material(n, "operatorId").state, "satisfied_by_licence");  // 免提交
  EXPECT_EQ(material(n, "operatorId").detail["licence"], "resident_id_card");
  EXPECT_EQ(material(n, "premisesProof").state, "attached");
  EXPECT_EQ(material(n, "familyRelationProof").state, "not_applicable");
  EXPECT_EQ(material(n, "agentAuthorisation").state, "optional_missing");
  EXPECT_EQ(n.trips.count, 0);
  EXPECT_TRUE(n.deadline.same_day);
  EXPECT_EQ(time::to_iso(n.deadline.due), "2026-11-27");
  // Prefilled, locked identity facts are part of the answers.
  EXPECT_EQ(n.answers["operatorIdNumber"], "440103198503091112");
  EXPECT_EQ(n.answers["capitalFen"], 5000000);  // "50000" yuan → fen
  const json j = check::to_json(n);
  EXPECT_EQ(j["ready"], true);
  EXPECT_EQ(
      j["summary"],
      json::parse(R"({"fieldErrors":0,"eligibility":"eligible","missingMaterials":0,"trips":0})"));
  EXPECT_EQ(j["idempotencyKey"], n.package.digest);
}

TEST(SubmissionCheck, FieldErrorsCarryPageAndField) {
  json app = application_file("individual-business.pass.json");
  app["answers"].erase("declaration");
  app["answers"]["tradeName"] = "Q";    // not 2–10 hanzi
  app["answers"]["employeeCount"] = 0;  // min 1
  app["answers"]["noSuchField"] = "x";  // fits no field
  const auto n = run("gz-individual-business", app, wang_qiang());
  ASSERT_TRUE(n.ok);
  EXPECT_FALSE(n.ready);
  std::vector<std::tuple<std::string, std::string, std::string>> got;
  for (const auto& e : n.field_errors)
    if (!e.warning) got.emplace_back(e.page, e.path, e.code);
  ASSERT_GE(got.size(), 3u);
  EXPECT_EQ(std::get<0>(got[0]), "name");
  EXPECT_EQ(std::get<1>(got[0]), "tradeName");
  bool employee = false, declaration = false;
  for (const auto& [page, path, code] : got) {
    if (path == "employeeCount") employee = page == "business";
    if (path == "declaration") declaration = page == "confirm" && code == "required";
  }
  EXPECT_TRUE(employee);
  EXPECT_TRUE(declaration);
  ASSERT_EQ(n.dropped.size(), 1u);
  EXPECT_EQ(n.dropped[0]["path"], "noSuchField");
  EXPECT_EQ(n.dropped[0]["reason"], "field_removed");
  const json j = check::to_json(n);
  const json& first = j["fieldErrors"][0];
  EXPECT_EQ(first["pageTitle"]["zh"].is_string(), true);
  EXPECT_EQ(first["label"]["zh"].is_string(), true);
  EXPECT_EQ(first["item"], "gz-individual-business");
}

TEST(SubmissionCheck, MissingPremisesProofOffersTheCommitmentText) {
  json app = application_file("individual-business.pass.json");
  app["answers"].erase("premisesProofSlot");
  const auto n = run("gz-individual-business", app, wang_qiang());
  ASSERT_TRUE(n.ok);
  const auto& m = material(n, "premisesProof");
  EXPECT_EQ(m.state, "commitment_available");
  EXPECT_TRUE(m.blocking);
  EXPECT_EQ(m.detail["commitment"]["id"], "premises_commitment");
  EXPECT_NE(m.detail["commitment"]["text"]["zh"].get<std::string>().find("本人承诺"),
            std::string::npos);
  EXPECT_FALSE(n.ready);
  EXPECT_EQ(n.blocking_materials(), 1);

  // Signing the commitment replaces the material.
  app["answers"]["premisesProofSlot"] = {{"via", "commitment"}, {"refs", json::array()}};
  const auto signed_ = run("gz-individual-business", app, wang_qiang());
  EXPECT_EQ(material(signed_, "premisesProof").state, "commitment_accepted");
  EXPECT_TRUE(signed_.ready);
}

TEST(SubmissionCheck, SeriousCreditFailsEligibilityAndRefusesCommitments) {
  json profile = wang_qiang();
  profile["applicant"]["creditStatus"] = "serious";
  json app = application_file("individual-business.pass.json");
  app["answers"].erase("premisesProofSlot");
  const auto n = run("gz-individual-business", app, profile);
  ASSERT_TRUE(n.ok);
  EXPECT_EQ(n.eligibility.verdict, check::Verdict::not_eligible);
  const auto& c = condition(n, "noSeriousCredit");
  EXPECT_EQ(c.status, check::ConditionStatus::failed);
  // Named with the actual value, never a bare false.
  EXPECT_EQ(c.reason["operands"][0]["value"], "serious");
  EXPECT_NE(c.reason["zh"].get<std::string>().find("serious"), std::string::npos);
  const auto& m = material(n, "premisesProof");
  EXPECT_EQ(m.state, "required_missing");
  EXPECT_EQ(m.detail["commitmentRefused"]["reason"], "credit");
  EXPECT_FALSE(n.ready);
}

TEST(SubmissionCheck, UnderageOperatorFailsWithTheAge) {
  json profile = wang_qiang();
  // A test identity born 2012-01-01 (valid check digit): 14 on 2026-11-27.
  profile["applicant"]["idNumber"] = "440103201201010019";
  profile["licences"]["resident_id_card"]["idNumber"] = "440103201201010019";
  const auto n =
      run("gz-individual-business", application_file("individual-business.pass.json"), profile);
  ASSERT_TRUE(n.ok);
  const auto& c = condition(n, "operatorAge");
  ASSERT_EQ(c.status, check::ConditionStatus::failed) << check::to_json(n)["eligibility"].dump();
  EXPECT_EQ(c.reason["operands"][0]["value"], 14);
  EXPECT_EQ(c.reason["operands"][1]["value"], 16);
}

TEST(SubmissionCheck, ResidencePermitNeedsATripAndTenWorkingDays) {
  const auto n = run("gz-residence-permit", application_file("residence-permit.pass.json"),
                     haoban::testing::sample_profile("li-ming-migrant"), "2026-09-30");
  ASSERT_TRUE(n.ok);
  EXPECT_TRUE(n.field_errors.empty()) << check::to_json(n)["fieldErrors"].dump();
  EXPECT_EQ(n.eligibility.verdict, check::Verdict::eligible)
      << check::to_json(n)["eligibility"].dump();
  EXPECT_TRUE(n.ready);
  EXPECT_EQ(n.trips.count, 1);
  ASSERT_EQ(n.trips.reasons.size(), 1u);
  EXPECT_EQ(n.trips.reasons[0]["code"], "on_site");
  EXPECT_EQ(time::to_iso(n.deadline.due), "2026-10-20");  // across 国庆, make-up 10-10 counted
  EXPECT_EQ(material(n, "idCard").state, "satisfied_by_licence");
  EXPECT_EQ(material(n, "studyProof").state, "not_applicable");
}

TEST(SubmissionCheck, MissingProfileFactMakesEligibilityUndetermined) {
  json profile = haoban::testing::sample_profile("li-ming-migrant");
  profile["applicant"].erase("residenceRegisteredOn");
  const auto n =
      run("gz-residence-permit", application_file("residence-permit.pass.json"), profile);
  ASSERT_TRUE(n.ok);
  EXPECT_EQ(n.eligibility.verdict, check::Verdict::undetermined);
  EXPECT_EQ(condition(n, "residenceRegistered").status, check::ConditionStatus::undetermined);
  EXPECT_EQ(condition(n, "residenceRegistered").missing,
            std::vector<std::string>{"applicant.residenceRegisteredOn"});
  EXPECT_EQ(n.eligibility.missing, std::vector<std::string>{"applicant.residenceRegisteredOn"});
  EXPECT_FALSE(n.ready);
}

TEST(SubmissionCheck, UnknownItemIsAnErrorValue) {
  const auto n = run("no-such-item", json::object(), json::object());
  EXPECT_FALSE(n.ok);
  EXPECT_EQ(n.error.code, "unknown_item");
  EXPECT_EQ(check::to_json(n)["ok"], false);
  const auto bad = run("gz-residence-permit", json::array(), json::object());
  EXPECT_EQ(bad.error.code, "bad_application");
}

TEST(SubmissionCheck, SameApplicationSameKeyHiddenFieldsDropped) {
  json a = application_file("individual-business.pass.json");
  json b = a;
  b["answers"]["platformName"] = "某平台";  // hidden unless premisesUse == network
  const auto na = run("gz-individual-business", a, wang_qiang());
  const auto nb = run("gz-individual-business", b, wang_qiang());
  EXPECT_EQ(na.package.digest, nb.package.digest);
  EXPECT_EQ(na.package.canonical, nb.package.canonical);
  EXPECT_EQ(na.package.canonical.find("platformName"), std::string::npos);
  json c = a;
  c["answers"]["employeeCount"] = 4;
  EXPECT_NE(run("gz-individual-business", c, wang_qiang()).package.digest, na.package.digest);
}

TEST(SubmissionCheck, TextRenderingIsChinese) {
  json app = application_file("individual-business.pass.json");
  app["answers"].erase("premisesProofSlot");
  const std::string text = check::to_text(run("gz-individual-business", app, wang_qiang()));
  EXPECT_NE(text.find("一次性告知单：个体工商户设立登记"), std::string::npos);
  EXPECT_NE(text.find("暂不能提交"), std::string::npos);
  EXPECT_NE(text.find("可签署告知承诺代替"), std::string::npos);
  EXPECT_NE(text.find("承诺内容："), std::string::npos);
}

TEST(SubmissionCheck, MissingMarriageCertificateIsDeferredWithAWorkingDayDeadline) {
  json profile = haoban::testing::sample_profile("chen-fang-new-mother");
  profile["licences"].erase("marriage_certificate");  // not held: no 免提交
  json app =
      json::parse(haoban::testing::read_repo_file("tests/data/check/birth-one-thing.pass.json"));
  app.erase("materials");
  const auto n = run("gz-birth-registration", app, profile, "2026-11-27");
  ASSERT_TRUE(n.ok);
  const auto& m = material(n, "marriageCert");
  EXPECT_EQ(m.state, "deferred");  // 容缺后补
  EXPECT_FALSE(m.blocking);
  EXPECT_EQ(m.detail["deferralWorkingDays"], 10);
  EXPECT_EQ(m.detail["deadline"], "2026-12-11");  // 10 working days after Friday 11-27
  EXPECT_EQ(material(n, "birthMedicalCert").state, "satisfied_by_licence");
  EXPECT_EQ(material(n, "nonMaritalStatement").state, "not_applicable");
  // 容缺 does not block: the birth registration alone is ready.
  EXPECT_TRUE(n.ready) << check::to_json(n).dump(1);
}
