// A form session: one applicant filling in one item's form. Created from the immutable
// catalogue, the applicant's profile and e-licences, "today", and optionally a draft.
//
// Per keystroke the host calls set(path, value): the value is normalised, and only what
// depends on the changed field is recomputed, following a dependency graph built once per
// session from the compiled expressions' read sets; set() returns just the field states that
// changed. validate_all() lists every error on every page at once (the 一次性告知 view of the
// form). Hidden fields read as null everywhere, are not validated and are not submitted.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/calendar/holiday_calendar.h"
#include "haoban/catalog/model.h"
#include "haoban/form/field_state.h"
#include "haoban/time/civil_date.h"

namespace haoban::form {

struct SessionOptions {
  // {"applicant": {...}, "licences": {...}} (the profile format of the guide); a bare object
  // without those keys is taken as the applicant facts.
  json profile;
  json licences;  // overrides profile.licences when not null
  time::CivilDate today;
  json draft;  // null, or {"item","revision","catalogVersion"?,"answers"}
  const calendar::HolidayCalendar* calendar = nullptr;  // for working_days(); kept by the host
};

struct SessionError {
  std::string code;  // unknown_item, form_unavailable, draft_wrong_item, bad_draft
  std::string zh;
  std::string en;
};

// One draft answer that could not be carried over to the item's current revision.
struct DroppedAnswer {
  std::string path;
  std::string reason;  // field_removed, type_changed, option_removed, options_removed,
                       // too_many_rows, computed
  json value;          // what was dropped
};

struct DraftReport {
  bool loaded = false;
  int from_revision = 0;
  int to_revision = 0;
  int kept = 0;
  std::vector<DroppedAnswer> dropped;
};

struct SetResult {
  bool ok = false;
  SessionError error;               // when !ok: unknown_field, readonly, disabled, bad_row …
  std::vector<FieldState> changed;  // states that differ from before the call
};

class FormSession {
 public:
  static std::unique_ptr<FormSession> create(std::shared_ptr<const catalog::Catalog> catalog,
                                             std::string_view item_id,
                                             const SessionOptions& options, SessionError* error);
  ~FormSession();

  // path: "fieldId", "group" (a whole array of rows) or "group[i].fieldId".
  SetResult set(std::string_view path, const json& value);
  SetResult add_row(std::string_view group);
  SetResult remove_row(std::string_view group, size_t index);

  // Every error on every visible page, in page and field order (group rows included).
  std::vector<FieldError> validate_all();
  // True when validate_all() has no blocking error (warnings allowed).
  bool complete();

  // The visible, normalised answers (computed values included): what is submitted.
  json answers() const;
  // {"item","revision","catalogVersion","answers"}: every raw answer, hidden ones included,
  // so that flipping a switch back restores what was typed.
  json draft() const;

  std::vector<FieldState> states() const;
  std::optional<FieldState> state(std::string_view path) const;

  // The materials whose 情形 holds on the current answers, with how each may be provided.
  json materials() const;

  int prefilled_count() const;
  const DraftReport& draft_report() const;
  const catalog::Item& item() const;

  struct Impl;

 private:
  explicit FormSession(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

json to_json(const SetResult& result);
json to_json(const DraftReport& report);
json to_json(const std::vector<FieldError>& errors);

}  // namespace haoban::form
