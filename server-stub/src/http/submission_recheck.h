// The stub's re-check of a submitted application, with the same core the phone runs: the
// item from the catalogue as loaded by the core, a FormSession over the caller's own profile
// and e-licences (the server's copy, not the client's), every field error of validate_all(),
// and the materials the session requires checked against how the client says it provides
// them (upload / licence / commitment / deferred).
//
// Not yet here: the acceptance conditions and the full 一次性告知单 of core/haoban/check/,
// which had not landed when this was written; when it lands, this file should call it.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "fixtures/identity_fixtures.h"
#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/store/office_store.h"
#include "haoban/time/civil_date.h"

namespace haoban::http {

struct Recheck {
  const catalog::Item* item = nullptr;  // null: the item is not in the catalogue
  // The differences, in the 一次性告知单 shape: [{"source","code","path","zh","en"}].
  nlohmann::json problems = nlohmann::json::array();
  std::vector<store::DeferredMaterial> deferred;  // 容缺 materials owed, with due dates
  bool ready() const { return item && problems.empty(); }
};

// `submission` is the request body: {"itemId", "answers", "materials"?, "claimedReady"?}.
Recheck recheck_submission(const std::shared_ptr<const catalog::Catalog>& catalog,
                           const fixtures::Identity& identity, const nlohmann::json& submission,
                           const time::CivilDate& today, const calendar::HolidayCalendar& calendar);

// 承诺办结日期: `promised` counted from `received_on` in 工作日 on the calendar, or in
// 自然日. A time limit of 0 (即办件) is the day itself.
time::CivilDate promised_date(const catalog::TimeLimit& promised,
                              const time::CivilDate& received_on,
                              const calendar::HolidayCalendar& calendar);

}  // namespace haoban::http
