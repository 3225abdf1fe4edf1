#include <algorithm>
#include <string>

#include "http/office_routes.h"
#include "http/receipt_number.h"
#include "http/request_body.h"
#include "http/route_guard.h"
#include "http/submission_json.h"
#include "http/submission_recheck.h"

namespace haoban::http {

namespace {

using nlohmann::json;

bool is_package_digest(const std::string& key) {
  if (key.size() != 64) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool optional_is(const json& body, const char* key, json::value_t type) {
  const auto it = body.find(key);
  return it == body.end() || it->type() == type ||
         (type == json::value_t::number_integer && it->is_number_integer());
}

// The envelope: exactly one of itemId / bundleId, an answers object, and the optional parts of
// the application in the shapes docs/check-format.md gives them.
bool well_formed(const json& body) {
  const bool item = body.contains("itemId") && body["itemId"].is_string();
  const bool bundle = body.contains("bundleId") && body["bundleId"].is_string();
  if (item == bundle || body.contains(item ? "bundleId" : "itemId")) return false;
  if (!body.contains("answers") || !body["answers"].is_object()) return false;
  if (!optional_is(body, "materials", json::value_t::object) ||
      !optional_is(body, "claimedReady", json::value_t::boolean) ||
      !optional_is(body, "revision", json::value_t::number_integer) ||
      !optional_is(body, "itemAnswers", json::value_t::object) ||
      !optional_is(body, "skipItems", json::value_t::array)) {
    return false;
  }
  if (bundle && body.contains("materials")) {  // {itemId: {materialId: {…}}}
    for (const auto& per_item : body["materials"]) {
      if (!per_item.is_object()) return false;
    }
  }
  return true;
}

// Who the item or bundle is offered to (自然人 / 法人); empty when anyone, or when it is unknown
// (the re-check then reports unknown_item / unknown_bundle).
std::vector<std::string> audience_of(const catalog::Catalog& catalog, const json& body) {
  if (body.contains("itemId")) {
    const auto* item = catalog.item(body["itemId"].get<std::string>());
    return item ? item->audience : std::vector<std::string>{};
  }
  for (const auto& bundle : catalog.bundles) {
    if (bundle.id == body["bundleId"]) return bundle.audience;
  }
  return {};
}

void send_not_ready(httplib::Response& res, const Recheck& recheck, bool claimed_ready) {
  json answer = claimed_ready
                    ? error_body("recheck_disagrees",
                                 "The client said the application was complete; the back office's "
                                 "re-check with the same core found the problems listed.",
                                 "您的申请在受理时复核未通过，请按一次性告知单补正。")
                    : error_body("incomplete", "The application is not complete; see notice.",
                                 "申请材料不齐全或不符合法定形式，请按一次性告知单补正。");
  answer["problems"] = recheck.problems;
  answer["notice"] = recheck.notice;
  send_json(res, claimed_ready ? 409 : 422, answer);
}

void create_submission(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  const auto caller = require_office_caller(office, req, res);
  if (!caller) return;
  const std::string key = req.get_header_value("Idempotency-Key");
  if (!is_package_digest(key)) {
    return send_error(res, 400, "bad_idempotency_key",
                      "Idempotency-Key must be the package's SHA-256 digest (64 lower-case hex).",
                      "Idempotency-Key 必须是申请包的 SHA-256 摘要（64 位小写十六进制）。");
  }
  const auto body = read_json_object(req, res);
  if (!body) return;
  if (!well_formed(*body)) {
    return send_error(res, 400, "bad_request",
                      "Expected {\"itemId\" or \"bundleId\": string, \"answers\": object, "
                      "\"materials\"?: object, \"claimedReady\"?: boolean, \"revision\"?: "
                      "integer, \"itemAnswers\"?: object, \"skipItems\"?: array}.",
                      "申请包格式错误：需要 itemId 或 bundleId 之一和 answers，"
                      "可选 materials、claimedReady、revision、itemAnswers、skipItems。");
  }
  const std::string owner = caller->identity->id;

  // The key is the digest of a package this applicant already had accepted: a retry (also one
  // after midnight or after a catalogue update, when a re-check would date the package anew)
  // gets the same receipt, and nothing is checked or created.
  if (auto earlier = office.office->find_submission_by_key(owner, key)) {
    res.set_header("Idempotent-Replayed", "true");
    return send_json(res, 200, receipt_json(office, *earlier));
  }

  std::string error;
  const auto catalog = office.catalog(&error);
  if (!catalog) return send_error(res, 503, "catalog_unavailable", error, "事项目录不可用。");
  const auto audience = audience_of(*catalog->loaded.catalog, *body);
  if (!audience.empty() &&
      std::find(audience.begin(), audience.end(), caller->identity->kind) == audience.end()) {
    return send_error(res, 422, "wrong_audience",
                      "This service is not offered to this kind of applicant.",
                      "该事项不面向" + caller->identity->kind + "办理。");
  }
  const time::CivilDate today = office.today();
  const bool claimed_ready = body->value("claimedReady", false);
  const Recheck recheck = recheck_submission(catalog->loaded.catalog, *caller->identity,
                                             std::move(*body), today, office.calendar);
  if (!recheck.ran) {
    // The application's fault (400, 422), or the catalogue's (503: the item's form or the
    // bundle's merge does not compile).
    const std::string& code = recheck.error_code;
    const int status =
        code == "bad_application"                                                           ? 400
        : (code == "form_unavailable" || code == "bundle_conflict" || code == "no_catalog") ? 503
                                                                                            : 422;
    return send_error(res, status, code, recheck.error_en, recheck.error_zh);
  }
  if (!recheck.ready) return send_not_ready(res, recheck, claimed_ready);
  if (key != recheck.digest) {
    json answer = error_body("idempotency_key_mismatch",
                             "Idempotency-Key is not the SHA-256 of the canonical package the "
                             "back office computes from this application (see expectedKey and "
                             "package: the profile, the date or the catalogue version differ).",
                             "Idempotency-Key 与服务端按同一规则算出的申请包摘要不一致，"
                             "请用 expectedKey 核对（身份信息、日期或目录版本可能不同）。");
    answer["expectedKey"] = recheck.digest;
    answer["package"] = json::parse(recheck.package, nullptr, false);
    return send_json(res, 422, answer);
  }

  store::NewSubmission submission;
  submission.owner = owner;
  submission.idempotency_key = key;
  submission.item_id = recheck.case_id;
  submission.status = recheck.deferred.empty() ? "accepted" : "accepted_pending_materials";
  submission.received_on = time::to_iso(today);
  submission.promised_date = recheck.promised_date;
  submission.package = recheck.package;
  submission.deferred = recheck.deferred;
  // In the order the store reads them back, so a new receipt and a re-read one look the same.
  std::sort(submission.deferred.begin(), submission.deferred.end(),
            [](const auto& a, const auto& b) { return a.material_id < b.material_id; });
  const auto outcome = office.office->create_submission(submission, [&](int64_t sequence) {
    return make_receipt_number(today, recheck.basic_code, sequence).value_or("");
  });
  if (!outcome.ok) {
    return send_error(res, 503, "store_failed", outcome.error, "办件保存失败，请稍后重试。");
  }
  // A concurrent duplicate committed first: the same receipt, as for any repeated key.
  if (!outcome.created) res.set_header("Idempotent-Replayed", "true");
  res.set_header("Location", "/api/v1/submissions/" + outcome.record.receipt_number);
  send_json(res, outcome.created ? 201 : 200,
            outcome.created ? receipt_json(outcome.record, submission.deferred)
                            : receipt_json(office, outcome.record));
}

void supply_material(BackOffice& office, const httplib::Request& req, httplib::Response& res) {
  const auto own = require_own_case(office, req, res);
  if (!own) return;
  const auto body = read_json_object(req, res);
  if (!body) return;
  const auto material = body->find("materialId");
  const auto reference = body->find("reference");
  if (material == body->end() || !material->is_string() ||
      (reference != body->end() && !reference->is_string())) {
    return send_error(res, 400, "bad_request",
                      "Expected {\"materialId\": string, \"reference\"?: string}.",
                      "需要 materialId（字符串），可选 reference（字符串）。");
  }
  const std::string& number = own->record.receipt_number;
  const auto outcome = office.office->supply_material(
      number, material->get<std::string>(), time::to_iso(office.today()),
      reference == body->end() ? std::string() : reference->get<std::string>(), "accepted");
  switch (outcome) {
    case store::SupplyOutcome::supplied:
      return send_json(res, 200, receipt_json(office, *office.office->find_submission(number)));
    case store::SupplyOutcome::not_deferred:
      return send_error(res, 404, "material_not_owed",
                        "This material was not accepted as deferred (容缺) for this case.",
                        "该办件没有容缺待补的此项材料。");
    case store::SupplyOutcome::already_supplied:
      return send_error(res, 409, "already_supplied", "This material was already supplied.",
                        "该材料已补交。");
    case store::SupplyOutcome::past_due:
      return send_error(res, 409, "past_due",
                        "The deadline for supplying this material has passed.",
                        "已超过容缺材料补交期限。");
    case store::SupplyOutcome::failed:
      break;
  }
  send_error(res, 503, "store_failed", "The store could not record the material.",
             "材料补交保存失败，请稍后重试。");
}

}  // namespace

void handle_create_submission(BackOffice& office, const httplib::Request& req,
                              httplib::Response& res) {
  guarded(res, [&] { create_submission(office, req, res); });
}

void handle_list_submissions(BackOffice& office, const httplib::Request& req,
                             httplib::Response& res) {
  guarded(res, [&] {
    const auto caller = require_office_caller(office, req, res);
    if (!caller) return;
    json list = json::array();
    for (const auto& record : office.office->list_submissions(caller->identity->id)) {
      list.push_back(receipt_json(office, record));
    }
    send_json(res, 200, {{"submissions", std::move(list)}});
  });
}

void handle_get_submission(BackOffice& office, const httplib::Request& req,
                           httplib::Response& res) {
  guarded(res, [&] {
    const auto own = require_own_case(office, req, res);
    if (!own) return;
    json body = receipt_json(office, own->record);
    body["package"] = json::parse(own->record.package, nullptr, false);
    send_json(res, 200, body);
  });
}

void handle_supply_material(BackOffice& office, const httplib::Request& req,
                            httplib::Response& res) {
  guarded(res, [&] { supply_material(office, req, res); });
}

}  // namespace haoban::http
