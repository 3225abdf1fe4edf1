#include <exception>
#include <string>

#include "http/auth_guard.h"
#include "http/json_response.h"
#include "http/office_routes.h"
#include "http/receipt_number.h"
#include "http/request_body.h"
#include "http/submission_json.h"
#include "http/submission_recheck.h"

namespace haoban::http {

namespace {

bool is_package_digest(const std::string& key) {
  if (key.size() != 64) return false;
  for (const char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool store_ready(BackOffice& office, httplib::Response& res) {
  if (office.office) return true;
  send_error(res, 503, "no_store", "The stub runs without a database.", "服务未配置数据库。");
  return false;
}

}  // namespace

std::optional<store::SubmissionRecord> own_submission(BackOffice& office, const Caller& caller,
                                                      const httplib::Request& req,
                                                      httplib::Response& res) {
  const std::string id = req.matches.size() > 1 ? req.matches[1].str() : std::string();
  auto record = office.office->find_submission(id);
  // Someone else's case answers exactly like a case that does not exist: ids are not secret
  // (they are printed on receipts), but whose they are is.
  if (!record || record->owner != caller.identity->id) {
    send_error(res, 404, "not_found", "No such submission.", "未找到该办件。");
    return std::nullopt;
  }
  return record;
}

void handle_create_submission(BackOffice& office, const httplib::Request& req,
                              httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller || !store_ready(office, res)) return;
    const std::string key = req.get_header_value("Idempotency-Key");
    if (!is_package_digest(key)) {
      return send_error(res, 400, "bad_idempotency_key",
                        "Idempotency-Key must be the package's SHA-256 digest (64 lower-case hex).",
                        "Idempotency-Key 必须是申请包的 SHA-256 摘要（64 位小写十六进制）。");
    }
    const auto body = read_json_object(req, res);
    if (!body) return;
    if (!body->contains("itemId") || !(*body)["itemId"].is_string() || !body->contains("answers") ||
        !(*body)["answers"].is_object() ||
        (body->contains("materials") && !(*body)["materials"].is_array()) ||
        (body->contains("claimedReady") && !(*body)["claimedReady"].is_boolean())) {
      return send_error(res, 400, "bad_request",
                        "Expected {\"itemId\": string, \"answers\": object, \"materials\"?: array, "
                        "\"claimedReady\"?: boolean}.",
                        "申请包格式错误：需要 itemId、answers，可选 materials、claimedReady。");
    }
    const std::string package = body->dump();  // keys sorted: one text per package

    // A key seen before: the same receipt, nothing re-checked and nothing created.
    if (auto earlier = office.office->find_submission_by_key(caller->identity->id, key)) {
      if (earlier->package != package) {
        return send_error(res, 422, "idempotency_key_reused",
                          "This Idempotency-Key was used for a different package.",
                          "该幂等键已用于另一份申请，请重新计算申请包摘要。");
      }
      res.set_header("Idempotent-Replayed", "true");
      return send_json(res, 200, receipt_json(office, *earlier));
    }

    std::string error;
    const auto catalog = office.catalog(&error);
    if (!catalog) return send_error(res, 503, "catalog_unavailable", error, "事项目录不可用。");
    const time::CivilDate today = office.today();
    const Recheck recheck = recheck_submission(catalog->loaded.catalog, *caller->identity, *body,
                                               today, office.calendar);
    if (!recheck.item) {
      return send_error(res, 422, "unknown_item", "No item with this id in the catalogue.",
                        "目录中没有该事项。");
    }
    if (!recheck.ready()) {
      const bool claimed_ready = body->value("claimedReady", false);
      nlohmann::json answer =
          claimed_ready
              ? error_body("recheck_disagrees",
                           "The client said the application was complete; the back office "
                           "found the problems listed in notice.",
                           "您的申请在受理时复核未通过，请按一次性告知单补正。")
              : error_body("incomplete", "The application is not complete; see notice.",
                           "申请材料不齐全或不符合法定形式，请按一次性告知单补正。");
      answer["notice"] = {{"itemId", recheck.item->id},
                          {"ready", false},
                          {"problems", recheck.problems},
                          {"checkedOn", time::to_iso(today)}};
      return send_json(res, claimed_ready ? 409 : 422, answer);
    }

    store::NewSubmission submission;
    submission.owner = caller->identity->id;
    submission.idempotency_key = key;
    submission.item_id = recheck.item->id;
    submission.status = recheck.deferred.empty() ? "accepted" : "accepted_pending_materials";
    submission.received_on = time::to_iso(today);
    submission.promised_date =
        time::to_iso(promised_date(recheck.item->promised, today, office.calendar));
    submission.package = package;
    submission.deferred = recheck.deferred;
    const std::string basic_code = recheck.item->basic_code;
    const auto outcome = office.office->create_submission(submission, [&](int64_t sequence) {
      return make_receipt_number(today, basic_code, sequence).value_or("");
    });
    if (!outcome.ok) {
      return send_error(res, 503, "store_failed", outcome.error, "办件保存失败，请稍后重试。");
    }
    if (!outcome.created) res.set_header("Idempotent-Replayed", "true");
    res.set_header("Location", "/api/v1/submissions/" + outcome.record.receipt_number);
    send_json(res, outcome.created ? 201 : 200, receipt_json(office, outcome.record));
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  }
}

void handle_list_submissions(BackOffice& office, const httplib::Request& req,
                             httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller || !store_ready(office, res)) return;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& record : office.office->list_submissions(caller->identity->id)) {
      list.push_back(receipt_json(office, record));
    }
    send_json(res, 200, {{"submissions", std::move(list)}});
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  }
}

void handle_get_submission(BackOffice& office, const httplib::Request& req,
                           httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller || !store_ready(office, res)) return;
    const auto record = own_submission(office, *caller, req, res);
    if (!record) return;
    nlohmann::json body = receipt_json(office, *record);
    body["package"] = nlohmann::json::parse(record->package, nullptr, false);
    send_json(res, 200, body);
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  }
}

void handle_supply_material(BackOffice& office, const httplib::Request& req,
                            httplib::Response& res) {
  try {
    const auto caller = require_caller(office, req, res);
    if (!caller || !store_ready(office, res)) return;
    const auto record = own_submission(office, *caller, req, res);
    if (!record) return;
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
    const auto outcome = office.office->supply_material(
        record->receipt_number, material->get<std::string>(), time::to_iso(office.today()),
        reference == body->end() ? std::string() : reference->get<std::string>(), "accepted");
    switch (outcome) {
      case store::SupplyOutcome::supplied:
        return send_json(
            res, 200,
            receipt_json(office, *office.office->find_submission(record->receipt_number)));
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
  } catch (const std::exception& error) {
    send_error(res, 500, "internal", error.what(), "服务器内部错误。");
  }
}

}  // namespace haoban::http
