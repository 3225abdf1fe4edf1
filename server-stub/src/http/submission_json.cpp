#include "http/submission_json.h"

#include "http/rating_rules.h"

namespace haoban::http {

namespace {

std::string_view status_zh(const std::string& status) {
  if (status == "accepted") return "已受理";
  if (status == "accepted_pending_materials") return "已受理（容缺后补材料待补交）";
  return "";
}

}  // namespace

nlohmann::json receipt_json(BackOffice& office, const store::SubmissionRecord& record) {
  return receipt_json(record, office.office->deferred_materials(record.receipt_number));
}

nlohmann::json receipt_json(const store::SubmissionRecord& record,
                            const std::vector<store::DeferredMaterial>& owed) {
  nlohmann::json deferred = nlohmann::json::array();
  for (const auto& material : owed) {
    deferred.push_back({{"materialId", material.material_id},
                        {"dueDate", material.due_date},
                        {"suppliedOn", material.supplied_on ? nlohmann::json(*material.supplied_on)
                                                            : nlohmann::json()}});
  }
  return {{"id", record.receipt_number},
          {"receiptNumber", record.receipt_number},
          {"itemId", record.item_id},
          {"status", record.status},
          {"statusZh", status_zh(record.status)},
          {"receivedOn", record.received_on},
          {"promisedDate", record.promised_date},
          {"deferredMaterials", std::move(deferred)},
          {"idempotencyKey", record.idempotency_key},
          {"createdAt", record.created}};
}

}  // namespace haoban::http
