// The structured result every identity validator returns: whether the value is valid,
// its normalised form, an error code with zh-CN and en messages, and facts derived from it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace haoban::ids {

struct LocalizedText {
  std::string zh;  // zh-CN, shown first
  std::string en;
};

struct ValidationResult {
  bool valid = false;
  std::string kind;        // "resident_id", "uscc", "mobile", "hk_macau_permit",
                           // "mainland_travel_permit", "passport"
  std::string normalized;  // the value after full-width/space/case normalisation
  std::string error_code;  // empty when valid; stable, machine-readable (see docs/validators.md)
  LocalizedText message;   // why it is invalid (or a short confirmation when valid)
  nlohmann::json facts = nlohmann::json::object();  // derived facts: birthDate, sex, division, …
};

// {"valid":…, "kind":…, "normalized":…, "error":{"code":…, "zh":…, "en":…} | null, "facts":{…}}
nlohmann::json to_json(const ValidationResult& result);

}  // namespace haoban::ids
