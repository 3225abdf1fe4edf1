#include "workbench_app.h"

#include "ui_text.h"
#include "validator_panel.h"

#include <imgui.h>

namespace haoban::workbench {

void draw_workbench(WorkbenchApp& app) {
  app.locator.clear();
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin(ui_text::kWindowTitle, nullptr, kFlags)) {
    draw_validator_panel(app.validator, app.today, app.locator);
  }
  ImGui::End();
}

}  // namespace haoban::workbench
