// The state of each material of an item for one application: exactly one of
//   not_applicable        its 情形 (`when`) does not hold on the answers;
//   satisfied_by_licence  the applicant holds the e-licence that replaces it (免提交), or, in a
//                         一件事, an earlier item of the bundle issues that licence;
//   attached              uploaded (refs given);
//   commitment_accepted   replaced by a signed 告知承诺;
//   commitment_available  missing, but the applicant may sign the commitment shown instead;
//                         blocks until accepted;
//   deferred              容缺后补: may be missing now, to be supplied by a deadline in working
//   days; optional_missing      非必要 and not given; required_missing      必要 and not given:
//   blocks. When a commitment exists but is refused
//                         (serious credit failures, or a sensitive domain of the item) the entry
//                         says why.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/expr/functions.h"

namespace haoban::check {

using json = nlohmann::json;

struct MaterialStatus {
  const catalog::Material* material = nullptr;
  std::string item;   // the item the material belongs to
  std::string state;  // one of the states above
  bool blocking = false;
  json detail = json::object();  // state-specific: licence, commitment, deadline, refs, refused …
};

struct MaterialContext {
  const catalog::Catalog* catalog = nullptr;
  const catalog::Item* item = nullptr;
  const catalog::Form* form = nullptr;
  json data;      // answers + applicant + licences, as the expressions see them
  json answers;   // visible answers (material slots carry {via, refs})
  json provided;  // application.materials: {materialId: {via, refs?, accepted?}}
  json pending;   // {licenceType: issuing item id} for a bundle's earlier items
  expr::EvalEnv env;
  const calendar::HolidayCalendar* calendar = nullptr;
  time::CivilDate today;
};

std::vector<MaterialStatus> material_states(const MaterialContext& context);

// The entry of the 一次性告知单 (docs/check-format.md).
json to_json(const MaterialStatus& status);
// The short zh-CN label of a state: 免提交, 已上传, 缺少 …
const char* state_label_zh(const std::string& state);

}  // namespace haoban::check
