#include "workbench_app.h"

#include "notice_panel.h"
#include "rule_console_panel.h"
#include "ui_text.h"
#include "validator_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID

#include <cstdio>

namespace haoban::workbench {

namespace {

// Any input at all this frame: what keeps a kiosk from resetting under a citizen's hands.
bool had_input(const ImGuiIO& io) {
  if (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f) return true;
  if (ImGui::IsAnyMouseDown() || io.InputQueueCharacters.Size > 0) return true;
  for (bool down : io.KeysDown)
    if (down) return true;
  return false;
}

const char* tab_label(WorkbenchTab tab) {
  switch (tab) {
    case WorkbenchTab::form:
      return ui_text::kTabForm;
    case WorkbenchTab::notice:
      return ui_text::kTabNotice;
    case WorkbenchTab::rules:
      return ui_text::kTabRules;
    case WorkbenchTab::load_report:
      return ui_text::kTabLoadReport;
    case WorkbenchTab::ids:
      return ui_text::kTabIds;
  }
  return "";
}

const char* tab_name(WorkbenchTab tab) {
  switch (tab) {
    case WorkbenchTab::form:
      return "form";
    case WorkbenchTab::notice:
      return "notice";
    case WorkbenchTab::rules:
      return "rules";
    case WorkbenchTab::load_report:
      return "load";
    case WorkbenchTab::ids:
      return "ids";
  }
  return "";
}

void draw_tab(WorkbenchApp& app, WorkbenchTab tab) {
  const bool select = app.select_tab == tab;
  const bool open =
      ImGui::BeginTabItem(tab_label(tab), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0);
  app.locator.remember_last_item(std::string("tab:") + tab_name(tab));
  if (!open) return;
  // A requested tab opens a frame after it is asked for: keep asking until it has.
  if (select) app.select_tab.reset();
  app.current_tab = tab;
  switch (tab) {
    case WorkbenchTab::form:
      draw_form_panel(app.application, app.form_panel, app.locator);
      break;
    case WorkbenchTab::notice:
      draw_notice_panel(app.application, app.locator);
      break;
    case WorkbenchTab::rules:
      draw_rule_console(app.console, app.application, app.today, app.locator);
      break;
    case WorkbenchTab::load_report:
      draw_load_report(app.catalog);
      break;
    case WorkbenchTab::ids:
      draw_validator_panel(app.validator, app.today, app.locator);
      break;
  }
  ImGui::EndTabItem();
}

void draw_kiosk_bar(WorkbenchApp& app) {
  if (ImGui::Button(ui_text::kStartOver)) app.reset_application();
  app.locator.remember_last_item("kiosk:reset");
  const double left = app.kiosk.seconds_left(app.now_seconds);
  // Warn in the last 30 seconds, so a citizen who looks away is not surprised.
  if (app.application.is_open() && app.kiosk.idle_timeout_seconds > 0 && left <= 30.0) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.8f, 0.3f, 0.0f, 1), ui_text::kIdleWarningFormat,
                       static_cast<int>(left + 0.999), static_cast<int>(left + 0.999));
  }
}

}  // namespace

bool WorkbenchApp::open_item(const std::string& item_id) {
  const auto* item = catalog.catalog() ? catalog.catalog()->item(item_id) : nullptr;
  form_panel.clear();
  if (item == nullptr ||
      !application.open(catalog.catalog(), item_id, catalog.profile_for(*item), today)) {
    if (item == nullptr) application.close();
    return false;
  }
  select_tab = WorkbenchTab::form;
  return true;
}

bool WorkbenchApp::load_calendar(std::string_view text) {
  auto loaded = calendar::HolidayCalendar::from_json_text(text);
  if (!loaded.ok()) return false;
  application.close();  // it points at the old calendar
  holidays = loaded.value();
  application.calendar = &*holidays;
  return true;
}

void WorkbenchApp::reset_application() {
  application.close();
  form_panel.clear();
  catalog_panel.search.clear();
  console = RuleConsoleState{};
  validator.clear_input();
  select_tab = WorkbenchTab::form;
  // No half-typed text survives in ImGui's own edit buffer.
  if (ImGui::GetCurrentContext() != nullptr) ImGui::ClearActiveID();
}

void draw_workbench(WorkbenchApp& app) {
  app.locator.clear();
  const ImGuiIO& io = ImGui::GetIO();
  if (app.kiosk.tick(app.now_seconds, had_input(io)) && app.kiosk.enabled) {
    ++app.idle_resets;
    app.reset_application();
  }
  app.application.set_today(app.today);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin(app.kiosk.enabled ? ui_text::kKioskTitle : ui_text::kWindowTitle, nullptr,
                   kFlags)) {
    const float left_width = ImGui::GetContentRegionAvail().x * (app.kiosk.enabled ? 0.34f : 0.30f);
    ImGui::BeginChild("##catalog-column", ImVec2(left_width, 0), false);
    if (app.kiosk.enabled) draw_kiosk_bar(app);
    const std::string open_id = app.application.is_open() ? app.application.item().id : "";
    draw_catalog_panel(app.catalog, app.catalog_panel, app.files, app.stub, open_id,
                       app.kiosk.enabled, app.locator);
    ImGui::EndChild();
    if (app.catalog_panel.open_requested) {
      app.open_item(*app.catalog_panel.open_requested);
      app.catalog_panel.open_requested.reset();
    }
    ImGui::SameLine();
    ImGui::BeginChild("##work-column", ImVec2(0, 0), false);
    if (!app.application.error_zh.empty())
      ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s · %s", app.application.error_zh.c_str(),
                         app.application.error_en.c_str());
    if (ImGui::BeginTabBar("##tabs")) {
      draw_tab(app, WorkbenchTab::form);
      draw_tab(app, WorkbenchTab::notice);
      if (!app.kiosk.enabled) {
        draw_tab(app, WorkbenchTab::rules);
        draw_tab(app, WorkbenchTab::load_report);
        draw_tab(app, WorkbenchTab::ids);
      }
      ImGui::EndTabBar();
    }
    ImGui::EndChild();
  }
  ImGui::End();
}

nlohmann::json describe_state(WorkbenchApp& app) {
  nlohmann::json state = {
      {"tab", tab_name(app.current_tab)},
      {"kiosk", app.kiosk.enabled},
      {"idleResets", app.idle_resets},
      {"catalogLoaded", app.catalog.catalog() != nullptr},
      {"items", app.catalog.catalog() ? app.catalog.catalog()->items.size() : 0},
      {"loadErrors", app.catalog.report().errors.size()},
      {"openItem", nullptr}};
  if (app.application.is_open()) {
    state["openItem"] = app.application.item().id;
    state["answers"] = app.application.session().answers();
    const auto& notice = app.application.notice();
    state["ready"] = notice.value("ready", false);
    state["idempotencyKey"] = notice.value("idempotencyKey", nlohmann::json());
    state["eligibility"] =
        notice.value("eligibility", nlohmann::json::object()).value("verdict", "");
  }
  // The field whose text box has the keyboard, if any (by its buffer's path).
  const ImGuiID active = ImGui::GetActiveID();
  state["editing"] = nullptr;
  for (const auto& [path, text] : app.form_panel.buffers) {
    const auto rect = app.locator.find("field:" + path);
    if (active != 0 && rect && rect->id == active) {
      state["editing"] = path;
      state["editingText"] = text;
    }
  }
  // Where each named widget was drawn (display pixels), so that a browser test can click it.
  nlohmann::json widgets = nlohmann::json::object();
  for (const auto& [name, rect] : app.locator.items())
    widgets[name] = {rect.min.x, rect.min.y, rect.max.x, rect.max.y};
  state["widgets"] = std::move(widgets);
  return state;
}

void apply_kiosk_style(ImGuiStyle& style) {
  // Touch targets of at least ~48 px at the kiosk's 30 px font: padding and spacing grow.
  style.ScaleAllSizes(1.6f);
  style.FramePadding = ImVec2(16, 12);
  style.ItemSpacing = ImVec2(14, 14);
  style.ScrollbarSize = 36;
  style.GrabMinSize = 36;
  style.TouchExtraPadding = ImVec2(6, 6);
}

}  // namespace haoban::workbench
