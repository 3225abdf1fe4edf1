// A whole application through the workbench UI, windowless: load the sample catalogue and the
// test applicants, search, open 广东省居住证申领, fill every field on every page (typing,
// combo boxes, radio buttons, check boxes, a repeating group row, full-width input), mark the
// materials uploaded on the 一次性告知单, and see the notice turn ready with eligibility and the
// package digest — the same digest the core computes for the same application given as JSON.
#include "haoban/check/submission_check.h"
#include "ui/string_input.h"
#include "ui_driver.h"

#include <algorithm>
#include <regex>

namespace haoban::workbench {
namespace {

using nlohmann::json;
using testing::read_repo_file;
using testing::UiDriver;

class ApplicationFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ui.app.today = {2026, 11, 27};
    ui.app.catalog.load(read_repo_file("data/catalog/guangzhou.json"), "guangzhou.json");
    ASSERT_TRUE(ui.app.catalog.load_profiles(read_repo_file("data/catalog/profiles.sample.json")));
    ASSERT_TRUE(ui.app.load_calendar(read_repo_file("data/holidays/cn-mainland.json")));
    ui.frame();
  }

  json state(const std::string& path) {
    const auto s = ui.app.application.state(path);
    return s ? s->value : json("<no such field>");
  }

  std::string errors_of(const std::string& path) {
    const auto s = ui.app.application.state(path);
    std::string text;
    if (s)
      for (const auto& e : s->errors) text += e.code + ": " + e.zh + "; ";
    return text;
  }

  void open_residence_permit() {
    ui.type_into("search", "juzhuzheng");
    ASSERT_FALSE(ui.app.catalog.hits().empty());
    EXPECT_EQ(ui.app.catalog.hits().front(), "gz-residence-permit");
    ui.click("item:gz-residence-permit");
    ASSERT_TRUE(ui.app.application.is_open()) << ui.app.application.error_en;
    ASSERT_EQ(ui.app.current_tab, WorkbenchTab::form);
  }

  void go_to_page(int page) {
    ui.click("page:" + std::to_string(page));
    ASSERT_EQ(ui.app.application.current_page, page);
  }

  UiDriver ui;
};

TEST_F(ApplicationFlowTest, FillsEveryFieldAndGetsAReadyNoticeWithTheCoresDigest) {
  open_residence_permit();

  // Page 1, 申请人信息: prefilled from 李明's profile, computed sex and birth date; the rest
  // chosen through the widgets.
  EXPECT_EQ(state("applicantName"), "李明");
  EXPECT_EQ(state("sex"), "male");
  EXPECT_EQ(state("birthDate"), "1995-06-12");
  ui.choose("nation", "01");
  ui.choose("education", "bachelor");
  ui.click("option:maritalStatus:unmarried");
  EXPECT_EQ(state("education"), "bachelor");
  EXPECT_EQ(state("maritalStatus"), "unmarried");
  // A mistyped mobile shows its error live, and the corrected one clears it.
  ui.type_into("field:mobile", "1380013800");
  EXPECT_FALSE(ui.app.application.state("mobile")->errors.empty());
  ui.type_into("field:mobile", "13800138000");
  EXPECT_TRUE(ui.app.application.state("mobile")->errors.empty()) << errors_of("mobile");

  // Page 2, 居住信息: the landlord fields appear only for rented housing.
  go_to_page(1);
  EXPECT_FALSE(ui.has("field:landlordName"));
  ui.choose("housingType", "rented");
  ui.frame();
  ASSERT_TRUE(ui.has("field:landlordName"));
  ui.type_into("field:landlordName", "张房东");
  ui.type_into("field:landlordMobile", "１３９１２３４５６７８");  // full-width, as an IME gives it
  EXPECT_EQ(state("landlordMobile"), "13912345678");
  ui.click("option:applyBasis:employment");
  ui.choose("waiverBasis", "none");
  EXPECT_TRUE(state("registeredDays").is_number());

  // Page 3, 就业或就读信息: applies because the basis is employment.
  go_to_page(2);
  ui.type_into("field:employerName", "广州示例科技有限公司");
  ui.type_into("field:employerUscc", "91350100M000100Y43");
  ui.choose("occupation", "it");
  ui.type_into("field:employedSince", "2020-03-01");
  EXPECT_FALSE(ui.has("field:schoolName"));  // the study fields stay hidden
  for (const auto* path : {"employerName", "employerUscc", "occupation", "employedSince"})
    EXPECT_TRUE(ui.app.application.state(path)->errors.empty()) << path << ": " << errors_of(path);

  // Page 4, 随行家庭成员: one row of the repeating group, its computed cells filled by the core.
  go_to_page(3);
  ui.click("addrow:familyMembers");
  ASSERT_TRUE(ui.has("field:familyMembers[0].memberName"));
  ui.type_into("field:familyMembers[0].memberName", "李小红");
  ui.choose("familyMembers[0].relation", "parent");
  ui.type_into("field:familyMembers[0].memberIdNumber", "11010519491231002x");
  EXPECT_EQ(state("familyMembers[0].memberIdNumber"), "11010519491231002X");
  EXPECT_EQ(state("familyMembers[0].memberBirthDate"), "1949-12-31");
  EXPECT_EQ(state("familyMembers[0].memberSex"), "female");

  // Page 5, 材料与确认: the employment proof slot, the declaration and the signature.
  go_to_page(4);
  ui.type_into("field:photoReceiptNo", "GZ2026PHOTO0001");
  ui.click("field:employmentProofSlot");
  ui.click("field:declaration");
  ui.click("field:signature");
  EXPECT_EQ(state("declaration"), true);
  EXPECT_TRUE(state("employmentProofSlot").is_object());
  EXPECT_EQ(state("signature"), "workbench-signature");

  // Every field of the form is now valid.
  EXPECT_TRUE(ui.app.application.session().validate_all().empty())
      << form::to_json(ui.app.application.session().validate_all()).dump();

  // The 一次性告知单: not ready until the two materials without a slot are uploaded.
  ui.click("tab:notice");
  ASSERT_EQ(ui.app.current_tab, WorkbenchTab::notice);
  EXPECT_FALSE(ui.app.application.notice().value("ready", true));
  ui.click("material:photoReceipt");
  ui.click("material:applicationForm");
  const json notice = ui.app.application.notice();
  EXPECT_TRUE(notice.value("ready", false)) << notice.dump();
  EXPECT_EQ(notice["eligibility"]["verdict"], "eligible");
  for (const auto& condition : notice["eligibility"]["conditions"])
    if (condition["status"] == "passed") EXPECT_TRUE(condition.contains("reason")) << condition;
  EXPECT_EQ(notice["trips"]["count"], 1);  // the residence permit is collected on site
  EXPECT_TRUE(notice["deadline"]["due"].is_string()) << notice["deadline"];
  const std::string digest = notice.value("idempotencyKey", "");
  EXPECT_TRUE(std::regex_match(digest, std::regex("[0-9a-f]{64}"))) << digest;
  EXPECT_TRUE(ui.has("notice:digest"));
  EXPECT_FALSE(ui.app.application.package_canonical().empty());

  // The same application written as JSON (the check fixture plus the fields typed above)
  // gives the core the same package: what the workbench shows is what the back office gets.
  json application = json::parse(read_repo_file("tests/data/check/residence-permit.pass.json"));
  application["answers"]["landlordMobile"] = "13912345678";
  application["answers"]["employerUscc"] = "91350100M000100Y43";
  application["answers"]["employedSince"] = "2020-03-01";
  application["answers"]["maritalStatus"] = "unmarried";
  application["answers"]["familyMembers"] =
      json::array({{{"memberName", "李小红"},
                    {"relation", "parent"},
                    {"memberIdNumber", "11010519491231002X"}}});
  application["answers"]["employmentProofSlot"] = {{"via", "upload"},
                                                   {"refs", {"workbench-employmentProofSlot"}}};
  application["answers"]["signature"] = "workbench-signature";
  application["materials"]["photoReceipt"] = {{"via", "upload"},
                                              {"refs", {"workbench-photoReceipt"}}};
  application["materials"]["applicationForm"] = {{"via", "upload"},
                                                 {"refs", {"workbench-applicationForm"}}};
  check::CheckInput input;
  input.catalog = ui.app.catalog.catalog();
  input.item_id = "gz-residence-permit";
  input.profile = ui.app.catalog.profile_for(*input.catalog->item("gz-residence-permit"));
  input.application = application;
  input.today = {2026, 11, 27};
  input.calendar = &*ui.app.holidays;
  const auto direct = check::check_item(input);
  ASSERT_TRUE(direct.ok);
  EXPECT_TRUE(direct.ready) << check::to_json(direct).dump();
  EXPECT_EQ(time::to_iso(direct.deadline.due), notice["deadline"]["due"]);
  EXPECT_EQ(direct.package.digest, digest)
      << "workbench: " << ui.app.application.package_canonical()
      << "\ndirect:    " << direct.package.canonical;
}

TEST_F(ApplicationFlowTest, IneligibleApplicantSeesTheFailingConditionWithItsValues) {
  // 王芳 is a Guangzhou 户籍 resident: the residence permit is for people from elsewhere.
  int index = -1;
  for (int i = 0; i < static_cast<int>(ui.app.catalog.profiles().size()); ++i)
    if (ui.app.catalog.profiles()[i]
            .value["applicant"]
            .value("hukouDivision", "")
            .rfind("4401", 0) == 0)
      index = i;
  ASSERT_GE(index, 0) << "no Guangzhou-registered sample profile";
  ui.app.catalog.profile_index = index;
  open_residence_permit();
  ui.click("tab:notice");
  const json notice = ui.app.application.notice();
  EXPECT_EQ(notice["eligibility"]["verdict"], "not_eligible") << notice["eligibility"].dump();
  bool failed_with_reason = false;
  for (const auto& condition : notice["eligibility"]["conditions"])
    failed_with_reason |= condition["status"] == "failed" && condition.contains("reason") &&
                          !condition["reason"].value("zh", "").empty();
  EXPECT_TRUE(failed_with_reason) << notice["eligibility"].dump();
  EXPECT_FALSE(notice.value("ready", true));
}

TEST_F(ApplicationFlowTest, RuleConsoleEvaluatesInfixAndJsonLogicOnTheCurrentAnswers) {
  open_residence_permit();
  ui.choose("education", "bachelor");
  ui.click("tab:rules");
  ASSERT_EQ(ui.app.current_tab, WorkbenchTab::rules);
  ui.type_into("console:input", "education == \"bachelor\" && age(applicant.birthDate) >= 18");
  ASSERT_TRUE(ui.app.console.has_result());
  ASSERT_TRUE(ui.app.console.ok()) << ui.app.console.error().dump();
  EXPECT_EQ(ui.app.console.value(), true);
  EXPECT_TRUE(ui.app.console.reason().is_object());
  EXPECT_NE(ui.app.console.translated().find("\"and\""), std::string::npos)
      << ui.app.console.translated();

  ui.click("console:jsonlogic");
  ui.type_into("console:input", R"({"-": [{"var": "registeredDays"}, 183]})");
  ASSERT_TRUE(ui.app.console.ok()) << ui.app.console.error().dump();
  EXPECT_EQ(ui.app.console.value(), state("registeredDays").get<double>() - 183);

  // A syntax error says where.
  ui.click("console:infix");
  ui.type_into("console:input", "education == ");
  ASSERT_FALSE(ui.app.console.ok());
  EXPECT_EQ(ui.app.console.error().value("type", ""), "Syntax Error");
  EXPECT_GT(ui.app.console.error().value("column", 0), 0);
}

TEST_F(ApplicationFlowTest, CatalogueLoadErrorsAreListedWithTheirJsonPaths) {
  json broken = json::parse(read_repo_file("data/catalog/guangzhou.json"));
  broken["items"][1]["form"]["pages"][0]["fields"][0]["visible"] = "nosuchfield == 1";
  ui.app.catalog.load(broken.dump(), "broken.json");
  ui.frame();
  const auto& report = ui.app.catalog.report();
  ASSERT_TRUE(report.catalog);  // the broken item is skipped, the rest loads
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0].path.rfind("$.items[1].form.pages[0].fields[0]", 0), 0u)
      << report.errors[0].path;
  // The broken item is left out (and so is the 出生一件事 bundle that contains it).
  const std::string broken_id = broken["items"][1]["id"];
  EXPECT_NE(std::find(report.skipped.begin(), report.skipped.end(), broken_id),
            report.skipped.end());
  EXPECT_EQ(report.catalog->item(broken_id), nullptr);
  EXPECT_EQ(ui.app.catalog.hits().size(), report.catalog->items.size());
  ui.click("tab:load");
  EXPECT_EQ(ui.app.current_tab, WorkbenchTab::load_report);

  // Strict mode refuses the whole file; nothing is listed.
  ui.app.catalog.load(broken.dump(), "broken.json", /*strict=*/true);
  ui.frame();
  EXPECT_FALSE(ui.app.catalog.catalog());
  EXPECT_TRUE(ui.app.catalog.hits().empty());
  EXPECT_FALSE(ui.has("item:gz-residence-permit"));

  // Not JSON at all: an error at the root, no crash.
  ui.app.catalog.load("{\"items\": [", "truncated.json");
  ui.frame();
  EXPECT_FALSE(ui.app.catalog.catalog());
  ASSERT_FALSE(ui.app.catalog.report().errors.empty());
  EXPECT_EQ(ui.app.catalog.report().errors[0].path.rfind("$", 0), 0u);
}

TEST_F(ApplicationFlowTest, SearchFindsItemsByHanziPinyinAndInitials) {
  for (const char* query : {"居住证", "juzhuzheng", "jzz", " 居住证 "}) {
    ui.type_into("search", query);
    ASSERT_FALSE(ui.app.catalog.hits().empty()) << query;
    EXPECT_EQ(ui.app.catalog.hits().front(), "gz-residence-permit") << query;
    EXPECT_TRUE(ui.has("item:gz-residence-permit")) << query;
    EXPECT_FALSE(ui.has("item:gz-marriage-registration")) << query;
  }
  ui.type_into("search", "没有这个事项xyz");
  EXPECT_TRUE(ui.app.catalog.hits().empty());
}

TEST_F(ApplicationFlowTest, KioskResetsAfterIdleTimeFromTheInjectedClock) {
  ui.app.kiosk.enabled = true;
  ui.app.kiosk.idle_timeout_seconds = 60;
  ui.frame();
  ASSERT_TRUE(ui.has("kiosk:reset"));
  EXPECT_FALSE(ui.has("tab:rules"));  // authoring tabs are not on a kiosk
  EXPECT_FALSE(ui.has("load:file"));
  open_residence_permit();
  ui.choose("education", "bachelor");

  ui.idle(59);  // still within the timeout: the answers stay
  EXPECT_TRUE(ui.app.application.is_open());
  ImGui::GetIO().MousePos.x += 5;  // a touch restarts the timer
  ui.frame();
  ImGui::GetIO().MousePos.x -= 5;
  ui.frame();
  ui.idle(59);
  EXPECT_TRUE(ui.app.application.is_open());
  EXPECT_EQ(ui.app.idle_resets, 0);

  ui.idle(2);  // 61 s since the last touch
  EXPECT_FALSE(ui.app.application.is_open());
  EXPECT_EQ(ui.app.idle_resets, 1);
  EXPECT_TRUE(ui.app.catalog_panel.search.empty());

  // The 重新开始 button resets at once.
  open_residence_permit();
  ui.click("kiosk:reset");
  EXPECT_FALSE(ui.app.application.is_open());
  EXPECT_EQ(ui.app.idle_resets, 1);  // not an idle reset
}

TEST_F(ApplicationFlowTest, OutsideKioskModeIdleTimeNeverResets) {
  open_residence_permit();
  ui.idle(100000);
  EXPECT_TRUE(ui.app.application.is_open());
  EXPECT_EQ(ui.app.idle_resets, 0);
}

TEST_F(ApplicationFlowTest, HostilePasteIntoAFieldIsCutAndDoesNotCrash) {
  open_residence_permit();
  go_to_page(4);
  // 100,000 characters: far past the field's bound (ImGui's own edit buffer grows in steps,
  // so a megabyte would only cost time here, not test more).
  const std::string paste(100000, '9');
  ui.type_into("field:photoReceiptNo", paste);
  ui.frame();
  const auto value = state("photoReceiptNo");
  ASSERT_TRUE(value.is_string());
  EXPECT_LE(value.get<std::string>().size(), kFieldTextCapacity);
}

}  // namespace
}  // namespace haoban::workbench
