#include "reason_tree.h"

#include "ui_text.h"

#include <imgui.h>

#include <string>

namespace haoban::workbench {

namespace {

const ImVec4 kPassedColour{0.10f, 0.50f, 0.15f, 1.0f};
const ImVec4 kFailedColour{0.80f, 0.10f, 0.10f, 1.0f};

// Explanations are as deep as the rule; a hostile rule is already bounded by the engine,
// this keeps the UI's own recursion shallow.
constexpr int kMaxDepth = 32;

}  // namespace

void draw_reason_tree(const nlohmann::json& reason, int depth) {
  if (!reason.is_object() || depth > kMaxDepth) return;
  const bool passed = reason.value("passed", false);
  std::string line = reason.value("zh", "");
  if (line.empty()) line = reason.value("expr", "");
  const std::string en = reason.value("en", "");
  const bool has_children =
      reason.contains("because") && reason["because"].is_array() && !reason["because"].empty();
  ImGui::PushStyleColor(ImGuiCol_Text, passed ? kPassedColour : kFailedColour);
  ImGui::PushID(depth);
  const std::string label =
      std::string(passed ? ui_text::kPassedMark : ui_text::kFailedMark) + line;
  ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
  if (!has_children) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
  const bool open = ImGui::TreeNodeEx(label.c_str(), flags);
  ImGui::PopStyleColor();
  if (!en.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", en.c_str());
  if (has_children && open) {
    int index = 0;
    for (const auto& child : reason["because"]) {
      ImGui::PushID(index++);
      draw_reason_tree(child, depth + 1);
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
  ImGui::PopID();
}

}  // namespace haoban::workbench
