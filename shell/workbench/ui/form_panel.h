// Draws the open item's form from the core's field states: every field type, repeating
// groups with add/remove row, pages, live validation under each field. Edits go straight to
// the FormSession (one set() per keystroke), so what the author sees is what a citizen's phone
// would compute.
#pragma once

#include "application_workspace.h"
#include "item_locator.h"

#include <map>
#include <string>

namespace haoban::workbench {

struct FormPanelState {
  // What the user is typing per field path; re-derived from the session's value whenever the
  // field is not being edited (prefills, computed values, normalisation).
  std::map<std::string, std::string, std::less<>> buffers;
  void clear() { buffers.clear(); }
};

void draw_form_panel(ApplicationWorkspace& application, FormPanelState& panel,
                     ItemLocator& locator);

// How a field's value reads in a text box (money: yuan with two decimals; null: empty).
std::string display_value(const catalog::Field& field, const nlohmann::json& value);

}  // namespace haoban::workbench
