// Fuzzes the stub's request handling without a socket. The seam is the one the server itself
// uses: the route handlers of server-stub/src/http (api_routes.h, office_routes.h) are free
// functions of (BackOffice, httplib::Request, httplib::Response); the harness fills a Request
// as httplib's router would (method, path, regex matches, headers, body) and calls them.
// httplib's own request-line parsing is not ours and is not fuzzed here.
//
// Each input is a short conversation (up to 8 requests) against a fresh back office: the
// real test identities, the sample catalogue, the holiday calendar and an in-memory store.
// Tokens are real (issued at the start) or fuzzed; bodies are fuzzed bytes or the known-good
// newborn insurance application with fuzzed answers; a client that is told its
// Idempotency-Key is wrong may retry with expectedKey, as the app does. Properties checked:
// every answer is a status 200..599 with a JSON body (also for errors), never an exception.
#include <FuzzedDataProvider.h>
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "haoban/store/database.h"
#include "http/api_routes.h"
#include "http/back_office.h"
#include "http/office_routes.h"

using namespace haoban;
using haoban::http::BackOffice;
using nlohmann::json;

namespace {

constexpr const char* kRoot = HAOBAN_SOURCE_DIR;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::vector<std::string>& identity_ids() {
  static const std::vector<std::string> ids = {"li-ming-migrant",       "chen-fang-new-mother",
                                               "wang-qiang-operator",   "huang-ji-noodles",
                                               "nanfeng-manufacturing", "zhang-wei-flexible"};
  return ids;
}

json newborn_application() {
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

struct Route {
  const char* method;
  const char* pattern;  // as registered in server.cpp
  void (*handle)(BackOffice&, const httplib::Request&, httplib::Response&);
};

void validate(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  http::handle_validate(req, res, office.today);
}
void list_identities(BackOffice& office, const httplib::Request&, httplib::Response& res) {
  http::handle_list_identities(office, res);
}
void catalog(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  http::handle_catalog(*office.catalog_file, req, res);
}

#define HB_ID "([0-9A-Z]{1,64})"
const Route kRoutes[] = {
    {"POST", "/api/v1/validate", validate},
    {"GET", "/api/v1/catalog", catalog},
    {"GET", "/api/v1/catalog/items/([A-Za-z0-9._-]{1,128})", http::handle_catalog_item},
    {"POST", "/api/v1/session", http::handle_create_session},
    {"GET", "/api/v1/session/identities", list_identities},
    {"GET", "/api/v1/me", http::handle_me},
    {"GET", "/api/v1/me/licences", http::handle_my_licences},
    {"POST", "/api/v1/submissions", http::handle_create_submission},
    {"GET", "/api/v1/submissions", http::handle_list_submissions},
    {"GET", "/api/v1/submissions/" HB_ID, http::handle_get_submission},
    {"POST", "/api/v1/submissions/" HB_ID "/materials", http::handle_supply_material},
    {"POST", "/api/v1/submissions/" HB_ID "/rating", http::handle_create_rating},
    {"GET", "/api/v1/submissions/" HB_ID "/rating", http::handle_get_rating},
};
#undef HB_ID

// What a fresh back office needs from disk, read once.
struct Shared {
  std::string fixtures_text;
  calendar::HolidayCalendar calendar = calendar::HolidayCalendar::weekends_only();
  http::CatalogFile catalog_file{std::string(kRoot) + "/data/catalog/guangzhou.json"};
};

Shared& shared() {
  static Shared* s = [] {
    auto* made = new Shared;
    made->fixtures_text = read_text(std::string(kRoot) + "/data/fixtures/identities.json");
    auto loaded = calendar::HolidayCalendar::from_json_text(
        read_text(std::string(kRoot) + "/data/holidays/cn-mainland.json"));
    if (loaded) made->calendar = loaded.value();
    return made;
  }();
  return *s;
}

std::string fuzzed_path_for(const Route& route, FuzzedDataProvider& in,
                            const std::vector<std::string>& receipts) {
  std::string path = route.pattern;
  const size_t group = path.find('(');
  if (group == std::string::npos) return path;
  const size_t close = path.find(')', group);
  std::string id;
  if (!receipts.empty() && in.ConsumeBool()) {
    id = receipts[in.ConsumeIntegralInRange<size_t>(0, receipts.size() - 1)];
  } else if (in.ConsumeBool()) {
    id = "gz-resident-medical-insurance";
  } else {
    id = in.ConsumeRandomLengthString(40);
  }
  return path.substr(0, group) + id + path.substr(close + 1);
}

void check_response(const httplib::Response& res, const httplib::Request& req) {
  if (res.status < 200 || res.status > 599) {
    fuzz::property_failed("status out of range",
                          req.method + " " + req.path + " -> " + std::to_string(res.status));
  }
  if (res.status != 304 && !json::accept(res.body)) {
    fuzz::property_failed("answer is not JSON", req.method + " " + req.path + " -> " +
                                                    std::to_string(res.status) + " " + res.body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Shared& s = shared();
  FuzzedDataProvider in(data, size);

  // A fresh office per input, so that every crash reproduces from its input alone.
  std::string error;
  auto database = store::Database::open(":memory:", &error);
  if (!database) fuzz::property_failed("in-memory store does not open", error);
  BackOffice office;
  office.session_key = std::string(32, 'k');
  office.now_seconds = [] { return int64_t{1795000000}; };  // 2026-11-18
  office.monotonic_seconds = [] { return 0.0; };
  office.today = [] { return time::CivilDate{2026, 11, 27}; };
  office.identities = fixtures::IdentityFixtures::from_json_text(s.fixtures_text, nullptr);
  office.calendar = s.calendar;
  office.office = std::make_unique<store::OfficeStore>(*database);
  office.catalog_file = &s.catalog_file;
  if (in.ConsumeBool()) office.limiter = std::make_unique<auth::RateLimiter>(3, 0.0);

  std::vector<std::string> tokens;
  std::vector<std::string> receipts;
  for (int step = 0; step < 8 && in.remaining_bytes() > 0; ++step) {
    const Route& route = kRoutes[in.ConsumeIntegralInRange<size_t>(0, std::size(kRoutes) - 1)];
    httplib::Request req;
    req.method = route.method;
    req.path = fuzzed_path_for(route, in, receipts);
    // Route the way httplib does: the handler sees the matches of its own pattern.
    if (!std::regex_match(req.path, req.matches, std::regex(route.pattern))) continue;

    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
      case 0:
        break;  // no Authorization
      case 1:
        if (!tokens.empty()) {
          req.headers.emplace(
              "Authorization",
              "Bearer " + tokens[in.ConsumeIntegralInRange<size_t>(0, tokens.size() - 1)]);
        }
        break;
      default:
        req.headers.emplace("Authorization", in.ConsumeRandomLengthString(80));
        break;
    }
    if (in.ConsumeBool()) req.headers.emplace("Idempotency-Key", in.ConsumeRandomLengthString(70));
    if (in.ConsumeBool()) req.headers.emplace("If-None-Match", in.ConsumeRandomLengthString(24));

    switch (in.ConsumeIntegralInRange<int>(0, 4)) {
      case 0: {  // log in as a test identity (and keep the token)
        const auto& ids = identity_ids();
        req.body =
            json{{"identityId", ids[in.ConsumeIntegralInRange<size_t>(0, ids.size() - 1)]}}.dump();
        break;
      }
      case 1: {  // the known-good application, one answer fuzzed
        json body = newborn_application();
        if (in.ConsumeBool()) {
          body["answers"][in.ConsumeBool() ? "insuredName" : in.ConsumeRandomLengthString(12)] =
              in.ConsumeRandomLengthString(32);
        }
        // Fuzzed strings may be invalid UTF-8, which dump() refuses: the raw-bytes case below
        // sends such bytes as they are.
        req.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
        break;
      }
      case 2: {  // rating or material, with fuzzed values
        req.body = json{{"level", in.ConsumeIntegralInRange<int>(-2, 7)},
                        {"comment", in.ConsumeRandomLengthString(40)},
                        {"tags", {in.ConsumeRandomLengthString(8)}},
                        {"materialId", in.ConsumeRandomLengthString(16)}}
                       .dump(-1, ' ', false, json::error_handler_t::replace);
        break;
      }
      default:
        req.body = in.ConsumeRandomLengthString(512);
        break;
    }

    httplib::Response res;
    route.handle(office, req, res);
    check_response(res, req);

    const json answer = json::parse(res.body, nullptr, false);
    if (answer.is_object()) {
      if (answer.contains("token") && answer["token"].is_string())
        tokens.push_back(answer["token"]);
      if (answer.contains("receiptNumber") && answer["receiptNumber"].is_string())
        receipts.push_back(answer["receiptNumber"]);
      // The app's retry with the key the back office computed.
      if (res.status == 422 && answer.contains("expectedKey") &&
          answer["expectedKey"].is_string() && in.ConsumeBool()) {
        req.headers.erase("Idempotency-Key");
        req.headers.emplace("Idempotency-Key", answer["expectedKey"].get<std::string>());
        httplib::Response retry;
        route.handle(office, req, retry);
        check_response(retry, req);
        const json again = json::parse(retry.body, nullptr, false);
        if (again.is_object() && again.contains("receiptNumber") &&
            again["receiptNumber"].is_string())
          receipts.push_back(again["receiptNumber"]);
      }
    }
  }
  return 0;
}
