#include "rule_console_panel.h"

#include "reason_tree.h"
#include "ui_text.h"

#include <imgui.h>

namespace haoban::workbench {

void draw_rule_console(RuleConsoleState& console, ApplicationWorkspace& app,
                       const time::CivilDate& today, ItemLocator& locator) {
  bool changed = false;
  int syntax = console.syntax == RuleConsoleState::Syntax::infix ? 0 : 1;
  changed |= ImGui::RadioButton(ui_text::kInfix, &syntax, 0);
  locator.remember_last_item("console:infix");
  ImGui::SameLine();
  changed |= ImGui::RadioButton("JsonLogic", &syntax, 1);
  locator.remember_last_item("console:jsonlogic");
  console.syntax =
      syntax == 0 ? RuleConsoleState::Syntax::infix : RuleConsoleState::Syntax::jsonlogic;
  changed |=
      ImGui::InputTextMultiline("##rule", console.source_buffer(), console.source_buffer_size(),
                                ImVec2(-1, ImGui::GetTextLineHeight() * 4));
  locator.remember_last_item("console:input");
  const bool clicked = ImGui::Button(ui_text::kEvaluate);
  locator.remember_last_item("console:evaluate");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", app.is_open() ? ui_text::kOnCurrentAnswers : ui_text::kOnApplicantOnly);
  // Live while typing; the button re-runs after answers changed in the form tab.
  if ((changed || clicked) && !console.source().empty())
    console.evaluate(app.rule_data(), today, app.calendar);
  if (!console.has_result()) return;
  ImGui::Separator();
  if (!console.ok()) {
    const auto& error = console.error();
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s: %s", error.value("type", "").c_str(),
                       error.value("message", "").c_str());
    if (error.contains("line"))
      ImGui::Text("%s %d:%d", ui_text::kAtLineColumn, error.value("line", 0),
                  error.value("column", 0));
    if (error.contains("path"))
      ImGui::Text("%s %s", ui_text::kAtPath, error.value("path", "").c_str());
    return;
  }
  ImGui::Text("%s %s", ui_text::kResult, console.value().dump().c_str());
  locator.remember_last_item("console:result");
  ImGui::TextWrapped(
      "%s %s",
      console.syntax == RuleConsoleState::Syntax::infix ? "JsonLogic:" : ui_text::kInfixColon,
      console.translated().c_str());
  if (!console.reason().is_null()) draw_reason_tree(console.reason());
}

}  // namespace haoban::workbench
