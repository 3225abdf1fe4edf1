#include "haoban/ids/validation_result.h"

namespace haoban::ids {

nlohmann::json to_json(const ValidationResult& result) {
  nlohmann::json out = nlohmann::json::object();
  out["valid"] = result.valid;
  out["kind"] = result.kind;
  out["normalized"] = result.normalized;
  if (result.valid) {
    out["error"] = nullptr;
  } else {
    out["error"] = {
        {"code", result.error_code}, {"zh", result.message.zh}, {"en", result.message.en}};
  }
  out["facts"] = result.facts.is_object() ? result.facts : nlohmann::json::object();
  return out;
}

}  // namespace haoban::ids
