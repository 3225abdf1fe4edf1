// The evaluation options a host passes with an expression ({"today":"YYYY-MM-DD","maxSteps":n}):
// read the same way by exprEvaluate/exprExplain (expr_bindings.cpp) and by exprEvaluateOn
// (expr_data_bindings.cpp), which parses them once per distinct text.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "boundary.h"
#include "haoban/time/civil_date.h"

namespace haoban::wasm {

// Sets *today and *max_steps from what `options` holds (anything but an object holds nothing);
// a today that is not an ISO date throws BoundaryError("bad_today").
inline void read_eval_options(const nlohmann::json& options, std::optional<time::CivilDate>* today,
                              uint64_t* max_steps) {
  if (!options.is_object()) return;
  if (options.contains("today") && !options["today"].is_null()) {
    if (!options["today"].is_string())
      throw BoundaryError("bad_today", "today must be \"YYYY-MM-DD\"");
    *today = time::parse_iso(options["today"].get<std::string>());
    if (!*today) throw BoundaryError("bad_today", "today must be \"YYYY-MM-DD\"");
  }
  if (options.contains("maxSteps") && options["maxSteps"].is_number_unsigned())
    *max_steps = options["maxSteps"].get<uint64_t>();
}

}  // namespace haoban::wasm
