// Draws the identity-validation panel into the current ImGui window: the kind selector, the
// number input (validated as the user types) and the result with its messages and facts.
#pragma once

#include "haoban/time/civil_date.h"
#include "item_locator.h"
#include "validator_panel_state.h"

namespace haoban::workbench {

// Item names recorded in the locator, for tests and kiosk scripts.
inline constexpr const char* kItemNumberInput = "number_input";
inline constexpr const char* kItemClearButton = "clear_button";
// The radio button of a kind is recorded as "kind:<id>", e.g. "kind:uscc".

void draw_validator_panel(ValidatorPanelState& state, const time::CivilDate& today,
                          ItemLocator& locator);

}  // namespace haoban::workbench
