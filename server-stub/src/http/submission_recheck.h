// The stub's re-check of a submitted application: the very entry points the phone calls
// through wasm — check::check_item for an item, bundle::check_bundle for a 一件事 — on the
// catalogue as loaded by the core, with the caller's own profile and e-licences (the server's
// copy, not the client's) and the server's "today". What comes back is the 一次性告知单
// (field errors, 受理条件, material states), the canonical package with its SHA-256 digest
// (which the Idempotency-Key must equal), the 承诺办结日期 and the 容缺 materials owed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixtures/identity_fixtures.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/store/office_store.h"
#include "haoban/time/civil_date.h"

namespace haoban::http {

struct Recheck {
  bool ran = false;  // false: the check could not run; `error_*` say why (unknown_item …)
  std::string error_code, error_zh, error_en;
  bool bundle = false;
  std::string case_id;     // the item or bundle id
  std::string basic_code;  // 基本编码 for the 受理编号: the item's, or a bundle's first item's
  bool ready = false;
  // The 一次性告知单, exactly as the client's check renders it (not rendered for an item found
  // ready: nobody reads it then).
  nlohmann::json notice;
  // Every blocking difference, flattened: [{"source","code","path","zh","en","item"?}].
  nlohmann::json problems = nlohmann::json::array();
  std::string package;        // canonical package bytes
  std::string digest;         // their SHA-256, lower-case hex: the expected Idempotency-Key
  std::string promised_date;  // 承诺办结日期 (a bundle: its latest item's)
  std::vector<store::DeferredMaterial> deferred;  // 容缺 materials owed, with due dates
};

// `submission` is the request body: {"itemId" | "bundleId", "claimedReady"?, …the application
// of docs/check-format.md ("answers", "materials"?, "revision"?, "itemAnswers"?,
// "skipItems"?)}. The caller has checked that exactly one of itemId/bundleId is a string.
// Taken by value: the application is the body without its envelope keys, moved, not copied.
Recheck recheck_submission(const std::shared_ptr<const catalog::Catalog>& catalog,
                           const fixtures::Identity& identity, nlohmann::json submission,
                           const time::CivilDate& today, const calendar::HolidayCalendar& calendar);

}  // namespace haoban::http
