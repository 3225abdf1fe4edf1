// The whole workbench as the hosts see it: state that lives across frames and one draw call
// per frame. The hosts (GLFW + OpenGL3 natively, later WebGL in the browser, or a windowless
// test) own the ImGui context, the clock and the font; the app only draws.
#pragma once

#include "haoban/time/civil_date.h"
#include "item_locator.h"
#include "validator_panel_state.h"

namespace haoban::workbench {

struct WorkbenchApp {
  // "Today" for every rule, set by the host (from its clock, or fixed for reproducible runs).
  time::CivilDate today;
  ValidatorPanelState validator;
  // Where named widgets were drawn in the last frame.
  ItemLocator locator;
};

// Draws one frame of the workbench between ImGui::NewFrame() and ImGui::Render(). The main
// window fills the display, so the same layout works windowed and on a full-screen kiosk.
void draw_workbench(WorkbenchApp& app);

}  // namespace haoban::workbench
