// A running stub with the back office switched on: the real test identities, the real holiday
// calendar, and the sample catalogue plus one small item with a 容缺后补 material. The clock,
// the date and the rate limit are the test's to set.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "fixtures/identity_fixtures.h"
#include "haoban/bundle/bundle_check.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/loader.h"
#include "haoban/check/submission_check.h"
#include "server_fixture.h"

namespace haoban::testing {

inline nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}), nullptr, false);
}

// 5 工作日; one material fetched from the ID-card e-licence, one 容缺后补 within 5 working days.
inline nlohmann::json deferred_demo_item() {
  return nlohmann::json::parse(R"json({
    "id": "demo-deferred", "revision": 1,
    "basicCode": "000121999000", "implCode": "11440100DEMO000121999000001",
    "name": { "zh": "容缺受理演示", "en": "Deferred-material demo" },
    "type": "07", "audience": ["自然人"],
    "department": { "name": { "zh": "广州市测试局", "en": "Test bureau" }, "division": "440100" },
    "legalBasis": [ { "title": { "zh": "测试依据" } } ],
    "acceptanceConditions": [],
    "timeLimits": { "statutory": { "value": 20, "unit": "工作日" },
                    "promised": { "value": 5, "unit": "工作日" } },
    "handlingType": "承诺件", "visits": 0, "onlineDepth": 4, "scope": { "range": "全市" },
    "fees": [], "keywords": ["演示"], "themes": ["测试"],
    "form": { "pages": [ { "id": "info", "title": { "zh": "信息", "en": "Info" }, "fields": [
      { "id": "petName", "type": "text", "label": { "zh": "名字", "en": "Name" },
        "required": true, "maxLength": 20 } ] } ] },
    "materials": [
      { "id": "idCard", "name": { "zh": "居民身份证", "en": "ID card" }, "kind": 1,
        "form": "纸质+电子", "originals": 1, "copies": 0, "necessity": "必要",
        "source": "政府部门核发", "replaceBy": { "licence": "resident_id_card" } },
      { "id": "vaccination", "name": { "zh": "免疫证明", "en": "Vaccination proof" }, "kind": 1,
        "form": "纸质+电子", "originals": 1, "copies": 0, "necessity": "容缺后补",
        "deferralWorkingDays": 5, "source": "申请人自备" } ],
    "sources": [], "notes": []
  })json");
}

class OfficeTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    const std::filesystem::path source = HAOBAN_SOURCE_DIR;
    auto catalog = read_json_file(source / "data/catalog/guangzhou.json");
    ASSERT_TRUE(catalog.is_object());
    catalog["items"].push_back(deferred_demo_item());
    write_file(catalog_, catalog.dump());
    // What a client holds to compute its Idempotency-Key: the same catalogue, the identities'
    // profiles (as /api/v1/me serves them) and the calendar.
    client_catalog_ = catalog::load_catalog(catalog.dump()).catalog;
    std::vector<std::string> problems;
    identities_ = fixtures::IdentityFixtures::from_json_text(
        read_json_file(source / "data/fixtures/identities.json").dump(), &problems);
    auto calendar = calendar::HolidayCalendar::from_json_text(
        read_json_file(source / "data/holidays/cn-mainland.json").dump());
    ASSERT_TRUE(calendar.ok());
    calendar_ = calendar.value();
    configure_ = [this, source](http::ServerConfig& config) {
      config.fixtures_file = source / "data/fixtures/identities.json";
      config.holidays_file = source / "data/holidays/cn-mainland.json";
      config.session_key = session_key_;
      config.now_seconds = [this] { return now_; };
      config.monotonic_seconds = [this] { return monotonic_; };
      config.today = [this] { return today_; };
      config.rate_burst = rate_burst_;
      config.rate_per_second = rate_per_second_;
    };
  }

  void start() {
    start_server();
    ASSERT_TRUE(server_->warnings().empty()) << server_->warnings().front();
  }

  std::string login(const std::string& identity) {
    auto c = client();
    const auto result = c.Post("/api/v1/session", nlohmann::json{{"identityId", identity}}.dump(),
                               "application/json");
    if (!result || result->status != 201) {
      ADD_FAILURE() << "login as " << identity << " failed";
      return {};
    }
    const std::string token = nlohmann::json::parse(result->body)["token"].get<std::string>();
    identity_of_token_[token] = identity;
    return token;
  }

  // The client's side of a submission: the 一次性告知单 of the core (check_item, or
  // check_bundle for a "bundleId") on the identity's profile and today_, as the phone computes
  // it through wasm. Its package digest is the Idempotency-Key.
  nlohmann::json client_check(const std::string& identity_id, const nlohmann::json& submission) {
    const auto* identity = identities_.find(identity_id);
    if (!identity) {
      ADD_FAILURE() << "no fixture identity " << identity_id;
      return nullptr;
    }
    const nlohmann::json profile = {{"applicant", identity->applicant},
                                    {"licences", identity->licences}};
    nlohmann::json application = submission;
    for (const char* key : {"itemId", "bundleId", "claimedReady"}) application.erase(key);
    if (submission.contains("bundleId")) {
      return bundle::to_json(
          bundle::check_bundle({client_catalog_, submission["bundleId"].get<std::string>(), profile,
                                application, today_, &calendar_}));
    }
    check::CheckInput in;
    in.catalog = client_catalog_;
    in.item_id = submission.value("itemId", "");
    in.profile = profile;
    in.application = application;
    in.today = today_;
    in.calendar = &calendar_;
    return check::to_json(check::check_item(in));
  }

  std::string package_key(const std::string& token, const nlohmann::json& submission) {
    const auto notice = client_check(identity_of_token_[token], submission);
    return notice.value("idempotencyKey", nlohmann::json()).is_string()
               ? notice["idempotencyKey"].get<std::string>()
               : std::string(64, '0');
  }

  httplib::Headers auth(const std::string& token, httplib::Headers more = {}) {
    more.emplace("Authorization", "Bearer " + token);
    return more;
  }

  httplib::Result get(const std::string& path, const std::string& token) {
    auto c = client();
    return token.empty() ? c.Get(path) : c.Get(path, auth(token));
  }

  httplib::Result post(const std::string& path, const std::string& token, const std::string& body,
                       httplib::Headers headers = {}) {
    auto c = client();
    return c.Post(path, token.empty() ? headers : auth(token, headers), body, "application/json");
  }

  httplib::Result submit(const std::string& token, const nlohmann::json& package,
                         const std::string& key) {
    return post("/api/v1/submissions", token, package.dump(), {{"Idempotency-Key", key}});
  }

  // Submits with the key the client computes.
  httplib::Result submit(const std::string& token, const nlohmann::json& package) {
    return submit(token, package, package_key(token, package));
  }

  // A well-formed key that is no package's digest: 64 hex digits, distinct per n.
  static std::string key_for(int n) {
    char buffer[65];
    std::snprintf(buffer, sizeof buffer, "%064x", n);
    return buffer;
  }

  static nlohmann::json body_of(const httplib::Result& result) {
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  std::string session_key_ = std::string(32, 'k');
  int64_t now_ = 1'795'000'000;  // 2026-11-17, whatever: tokens only compare against it
  double monotonic_ = 1000.0;
  time::CivilDate today_{2026, 11, 27};  // a Friday
  double rate_burst_ = 0;                // no limit unless a test asks for one
  double rate_per_second_ = 0;
  std::shared_ptr<const catalog::Catalog> client_catalog_;
  fixtures::IdentityFixtures identities_;
  calendar::HolidayCalendar calendar_ = calendar::HolidayCalendar::weekends_only();
  std::map<std::string, std::string> identity_of_token_;
};

// 陈芳 registers her newborn daughter 林小雨 for resident medical insurance: complete, with the
// household register and the birth certificate fetched as e-licences (免提交).
inline nlohmann::json newborn_medical_insurance() {
  return {{"itemId", "gz-resident-medical-insurance"},
          {"claimedReady", true},
          {"answers",
           {{"insuredName", "林小雨"},
            {"insuredIdNumber", "440106202611100029"},
            {"category", "newborn"},
            {"insuredHukouDivision", "440106"},
            {"guardianName", "陈芳"},
            {"guardianIdNumber", "440106199208152342"},
            {"contactMobile", "13912345678"},
            {"bankAccount", "6222021234567890123"},
            {"accountHolderName", "陈芳"},
            {"declaration", true}}},
          {"materials",
           {{"householdRegister", {{"via", "licence"}}},
            {"birthMedicalCert", {{"via", "licence"}}},
            {"registrationForm", {{"via", "upload"}, {"refs", {"upload-reg-001"}}}}}}};
}

inline nlohmann::json deferred_demo_package(const std::string& name) {
  return {{"itemId", "demo-deferred"},
          {"claimedReady", true},
          {"answers", {{"petName", name}}},
          {"materials", {{"idCard", {{"via", "licence"}}}}}};
}

}  // namespace haoban::testing
