// The whole workbench as the hosts see it: state that lives across frames and one draw call
// per frame. The hosts (GLFW + OpenGL3 natively, GLFW + WebGL2 in the browser, or a windowless
// test) own the ImGui context, the clock, the font and any I/O; the app only draws.
#pragma once

#include "application_workspace.h"
#include "catalog_panel.h"
#include "catalog_workspace.h"
#include "form_panel.h"
#include "haoban/time/civil_date.h"
#include "item_locator.h"
#include "kiosk_state.h"
#include "rule_console_state.h"
#include "validator_panel_state.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace haoban::workbench {

enum class WorkbenchTab { form, notice, rules, load_report, ids };

struct WorkbenchApp {
  // "Today" for every rule, set by the host (from its clock, or fixed for reproducible runs).
  time::CivilDate today;
  // The host's monotonic clock in seconds, for the kiosk's idle reset only.
  double now_seconds = 0.0;

  CatalogWorkspace catalog;
  CatalogPanelState catalog_panel;
  ApplicationWorkspace application;
  FormPanelState form_panel;
  RuleConsoleState console;
  ValidatorPanelState validator;
  KioskState kiosk;
  // I/O the host offers (empty: the corresponding buttons are not shown).
  TextSource files;
  TextSource stub;

  // Where named widgets were drawn in the last frame.
  ItemLocator locator;
  // A tab to bring to the front on the next frame (set by open_item, tests and hosts).
  std::optional<WorkbenchTab> select_tab = WorkbenchTab::form;
  WorkbenchTab current_tab = WorkbenchTab::form;
  int idle_resets = 0;
  std::optional<calendar::HolidayCalendar> holidays;

  // Opens an item of the loaded catalogue with the chosen (or audience-matching) profile.
  bool open_item(const std::string& item_id);
  // The holiday calendar (data/holidays/cn-mainland.json's text); false when unusable.
  bool load_calendar(std::string_view text);
  // Clears everything a citizen entered (the kiosk's idle reset and its 重新开始 button).
  void reset_application();
};

// Draws one frame of the workbench between ImGui::NewFrame() and ImGui::Render(). The main
// window fills the display, so the same layout works windowed and on a full-screen kiosk.
void draw_workbench(WorkbenchApp& app);

// What a host or a browser test reads back: the open item, answers, readiness, digest, tab,
// the field being edited, idle resets.
nlohmann::json describe_state(WorkbenchApp& app);

// Kiosk look: large text and touch-sized targets (call once on the style after the font).
void apply_kiosk_style(ImGuiStyle& style);

}  // namespace haoban::workbench
