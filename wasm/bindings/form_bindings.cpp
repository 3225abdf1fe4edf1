// Form sessions for JS, by handle, made for per-keystroke updates: the session lives in the
// module, and each keystroke sends one path and one value and receives only the field states
// that changed; the whole form never crosses the boundary per keystroke.
//   formOpen(catalogHandle, itemId, optionsJson) →
//   {"handle":n,"states":[…],"prefilled":n,"draft":{report}}
//       options: {"today":"YYYY-MM-DD","profile":{applicant,licences},"licences"?:{…},"draft"?:{…}}
//   formSet(handle, path, valueJson)  → {"ok":true,"changed":[states]} |
//   {"ok":false,"error":{code,zh,en}} formAddRow(handle, group) / formRemoveRow(handle, group,
//   index) → as formSet formValidateAll(handle) →
//   {"complete":bool,"errors":[{page,path,code,zh,en}]} formAnswers(handle) → the visible
//   normalised answers; formDraft(handle) → a draft to store formStates(handle) → every field
//   state; formMaterials(handle) → materials that apply formFree(handle) → {"freed":bool}
#include <emscripten/bind.h>

#include <map>
#include <memory>
#include <string>

#include "boundary.h"
#include "haoban/catalog/model.h"
#include "haoban/expr/engine.h"
#include "haoban/form/session.h"
#include "haoban/form/state_json.h"
#include "haoban/time/civil_date.h"

namespace haoban::wasm {

std::shared_ptr<const catalog::Catalog> catalog_for_handle(int handle);  // catalog_bindings.cpp

namespace {

// A phone has a few forms open at most; the cap stops a leaking caller.
constexpr size_t kMaxSessions = 64;
// A value typed into one field (a long textarea, a 50-row group) is far below this.
constexpr size_t kMaxValueBytes = 1 << 20;

std::map<int, std::unique_ptr<form::FormSession>>& sessions() {
  static std::map<int, std::unique_ptr<form::FormSession>> open;
  return open;
}

form::FormSession& find(int handle) {
  auto it = sessions().find(handle);
  if (it == sessions().end())
    throw BoundaryError("bad_handle", "no form session with handle " + std::to_string(handle));
  return *it->second;
}

nlohmann::json parse_json(const std::string& text, const char* what) {
  expr::Error error;
  auto parsed = expr::parse_bounded_json(text, 64, kMaxValueBytes, &error);
  if (!parsed) throw BoundaryError("bad_json", std::string(what) + ": " + error.message);
  return std::move(*parsed);
}

nlohmann::json states_json(const std::vector<form::FieldState>& states) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : states) out.push_back(form::to_json(s));
  return out;
}

std::string form_open(int catalog_handle, const std::string& item_id,
                      const std::string& options_json) {
  return guarded([&] {
    static int next_handle = 1;
    if (sessions().size() >= kMaxSessions)
      throw BoundaryError("too_many_sessions",
                          "at most " + std::to_string(kMaxSessions) + " form sessions may be open");
    const auto options = parse_json(options_json, "options");
    if (!options.is_object()) throw BoundaryError("bad_options", "options must be a JSON object");
    const std::string today = options.value("today", "");
    const auto date = time::parse_iso(today);
    if (!date) throw BoundaryError("bad_today", "options.today must be a real date YYYY-MM-DD");
    form::SessionOptions session_options;
    session_options.today = *date;
    session_options.profile = options.value("profile", nlohmann::json());
    session_options.licences = options.value("licences", nlohmann::json());
    session_options.draft = options.value("draft", nlohmann::json());
    form::SessionError error;
    auto session = form::FormSession::create(catalog_for_handle(catalog_handle), item_id,
                                             session_options, &error);
    if (!session) throw BoundaryError(error.code, error.en);
    const int handle = next_handle++;
    nlohmann::json out = {{"handle", handle},
                          {"item", item_id},
                          {"revision", session->item().revision},
                          {"states", states_json(session->states())},
                          {"prefilled", session->prefilled_count()},
                          {"draft", form::to_json(session->draft_report())}};
    sessions().emplace(handle, std::move(session));
    return to_json_string(out);
  });
}

// The per-keystroke result is written as text directly (the same bytes as dumping
// form::to_json), not built as a JSON tree first (an allocation per key and value).
std::string result_text(const form::SetResult& result) {
  std::string out;
  form::append_json(result, out);
  return out;
}

std::string form_set(int handle, const std::string& path, const std::string& value_json) {
  return guarded(
      [&] { return result_text(find(handle).set(path, parse_json(value_json, "value"))); });
}

std::string form_add_row(int handle, const std::string& group) {
  return guarded([&] { return result_text(find(handle).add_row(group)); });
}

std::string form_remove_row(int handle, const std::string& group, int index) {
  return guarded([&] {
    if (index < 0) throw BoundaryError("bad_row", "row index must be >= 0");
    return result_text(find(handle).remove_row(group, static_cast<size_t>(index)));
  });
}

std::string form_validate_all(int handle) {
  return guarded([&] {
    const auto errors = find(handle).validate_all();
    bool complete = true;
    for (const auto& e : errors)
      if (!e.warning) complete = false;
    return to_json_string({{"complete", complete}, {"errors", form::to_json(errors)}});
  });
}

std::string form_answers(int handle) {
  return guarded([&] { return to_json_string(find(handle).answers()); });
}
std::string form_draft(int handle) {
  return guarded([&] { return to_json_string(find(handle).draft()); });
}
std::string form_states(int handle) {
  return guarded([&] { return to_json_string(states_json(find(handle).states())); });
}
std::string form_materials(int handle) {
  return guarded([&] { return to_json_string(find(handle).materials()); });
}
std::string form_free(int handle) {
  return guarded([&] { return to_json_string({{"freed", sessions().erase(handle) == 1}}); });
}

}  // namespace
}  // namespace haoban::wasm

EMSCRIPTEN_BINDINGS(haoban_form) {
  emscripten::function("formOpen", &haoban::wasm::form_open);
  emscripten::function("formSet", &haoban::wasm::form_set);
  emscripten::function("formAddRow", &haoban::wasm::form_add_row);
  emscripten::function("formRemoveRow", &haoban::wasm::form_remove_row);
  emscripten::function("formValidateAll", &haoban::wasm::form_validate_all);
  emscripten::function("formAnswers", &haoban::wasm::form_answers);
  emscripten::function("formDraft", &haoban::wasm::form_draft);
  emscripten::function("formStates", &haoban::wasm::form_states);
  emscripten::function("formMaterials", &haoban::wasm::form_materials);
  emscripten::function("formFree", &haoban::wasm::form_free);
}
