// One application being filled in on the workbench: the core's FormSession for an item, the
// materials the author marks as provided, and — recomputed only after a change — the
// submission check (一次性告知单 with eligibility and the canonical package digest) in the
// documented JSON form (docs/check-format.md). Holds no ImGui state, so it is tested
// without a UI; "today" always comes from the host.
#pragma once

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/form/session.h"
#include "haoban/time/civil_date.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace haoban::workbench {

class ApplicationWorkspace {
 public:
  // Opens `item_id` for `profile` ({"applicant","licences"}); false (with error_zh/en set)
  // when the item is unknown or its form does not compile.
  bool open(std::shared_ptr<const catalog::Catalog> catalog, std::string_view item_id,
            nlohmann::json profile, const time::CivilDate& today);
  void close();
  bool is_open() const { return session_ != nullptr; }

  const catalog::Item& item() const { return session_->item(); }
  const catalog::Form& form() const { return *form_; }
  form::FormSession& session() { return *session_; }

  // Field edits, as the form panel makes them; the last failure is kept for display.
  bool set(std::string_view path, const nlohmann::json& value);
  bool add_row(std::string_view group);
  bool remove_row(std::string_view group, size_t index);
  std::optional<form::FieldState> state(std::string_view path) const;
  const std::string& last_error() const { return last_error_; }

  // Materials the author marks as uploaded (materials with a form slot are answered there).
  void set_material_provided(const std::string& id, bool provided);
  bool material_provided(const std::string& id) const { return provided_.count(id) > 0; }

  // "Today" moved (the host's clock or a test): the check is redone.
  void set_today(const time::CivilDate& today);
  const time::CivilDate& today() const { return today_; }

  // {"answers":…, "materials":…} as the back office would receive it.
  nlohmann::json application() const;
  // The 一次性告知单 (check::to_json): recomputed on first access after any change.
  const nlohmann::json& notice();
  // The canonical package of the last check: its canonical JSON bytes (digest = the
  // notice's idempotencyKey). Empty until notice() ran.
  const std::string& package_canonical() const { return package_canonical_; }

  // What rules read: {"applicant":…, "licences":…, "<field>":…} (visible answers).
  nlohmann::json rule_data() const;

  // The official holiday calendar for working days (承诺办结日期, working_days()); kept by the
  // app. Null: weekends only.
  const calendar::HolidayCalendar* calendar = nullptr;

  int current_page = 0;
  std::string error_zh, error_en;  // why open() failed

 private:
  std::shared_ptr<const catalog::Catalog> catalog_;
  std::shared_ptr<const catalog::Form> form_;
  std::unique_ptr<form::FormSession> session_;
  nlohmann::json profile_;
  time::CivilDate today_;
  std::map<std::string, bool> provided_;
  std::string last_error_;
  bool notice_dirty_ = true;
  nlohmann::json notice_;
  std::string package_canonical_;
};

}  // namespace haoban::workbench
