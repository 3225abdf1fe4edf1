// The submission check: the 一次性告知单 (行政许可法 §32: every problem, told at once) that an
// applicant sees before submitting, and that the back office, running the same code, agrees
// with. For one item, the applicant's profile and e-licences, the answers, the materials
// provided and "today" it lists, grouped:
//   - field errors, with page and field (the form session's validate_all);
//   - the eligibility verdict and every failing or undetermined condition (eligibility.h);
//   - every material in exactly one state (materials.h);
//   - the trips still needed (0 or 1) and why (trips.h);
//   - the 承诺办结日期 (deadline.h);
//   - `ready`: true only when nothing blocks submission;
// and the canonical package with its SHA-256 idempotency key (package/canonical_package.h).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/check/deadline.h"
#include "haoban/check/eligibility.h"
#include "haoban/check/materials.h"
#include "haoban/check/trips.h"
#include "haoban/form/field_state.h"
#include "haoban/package/canonical_package.h"
#include "haoban/time/civil_date.h"

namespace haoban::check {

using json = nlohmann::json;

struct CheckInput {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::string item_id;
  json profile;      // {"applicant":…, "licences":…}
  json application;  // {"item"?, "revision"?, "answers":{…}, "materials"?:{id:{via,refs?}}}
  time::CivilDate today;
  const calendar::HolidayCalendar* calendar = nullptr;  // null: weekends only
  // Bundles only: licences that earlier items of the bundle issue ({type: item id}).
  json pending_licences = json::object();
};

struct CheckError {
  std::string code;  // unknown_item, form_unavailable, bad_application …
  std::string zh;
  std::string en;
};

struct Notice {
  bool ok = false;  // false: the check itself could not run (see error)
  CheckError error;
  const catalog::Item* item = nullptr;
  std::shared_ptr<const catalog::Form> form;  // the item's compiled form
  std::string catalog_version;
  time::CivilDate today;
  std::vector<form::FieldError> field_errors;
  json dropped = json::array();  // answers that fit no field: {path, reason, value}
  Eligibility eligibility;
  std::vector<MaterialStatus> materials;
  Trips trips;
  Deadline deadline;
  json answers = json::object();  // visible normalised answers
  package::Package package;
  bool ready = false;

  int blocking_field_errors() const;
  int blocking_materials() const;
};

Notice check_item(const CheckInput& input);

// docs/check-format.md. `page titles` come from the item's form.
json to_json(const Notice& notice);
// {"pageTitle":{zh,en}, "label":{zh,en}} of a field error's page and field.
json describe_field_error(const catalog::Form& form, const form::FieldError& error);
// The zh-CN text rendering (`haoban check --format text`).
std::string to_text(const Notice& notice);

}  // namespace haoban::check
