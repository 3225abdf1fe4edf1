// The rule console tab: infix or JsonLogic, evaluated on the current answers as the author
// types (ApplicationWorkspace::rule_data), with the value, the explanation tree, the rule in
// the other syntax, or the error with its line and column / JSON path.
#pragma once

#include "application_workspace.h"
#include "item_locator.h"
#include "rule_console_state.h"

namespace haoban::workbench {

void draw_rule_console(RuleConsoleState& console, ApplicationWorkspace& application,
                       const time::CivilDate& today, ItemLocator& locator);

}  // namespace haoban::workbench
