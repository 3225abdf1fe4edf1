#include "validator_panel.h"

#include "ui_text.h"
#include "validator_kinds.h"

#include <imgui.h>

#include <string>

namespace haoban::workbench {

namespace {

const ImVec4 kValidColour{0.20f, 0.70f, 0.30f, 1.0f};
const ImVec4 kInvalidColour{0.90f, 0.25f, 0.20f, 1.0f};

const char* fact_label(const std::string& key) {
  for (const auto& label : ui_text::kFactLabels) {
    if (key == label[0]) return label[1];
  }
  return key.c_str();
}

std::string fact_value(const std::string& key, const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>() ? ui_text::kYes : ui_text::kNo;
  if (!value.is_string()) return value.dump();
  const auto& text = value.get_ref<const std::string&>();
  if (key == "sex") {
    if (text == "male") return ui_text::kMale;
    if (text == "female") return ui_text::kFemale;
  }
  return text;
}

void draw_kind_selector(ValidatorPanelState& state, ItemLocator& locator) {
  ImGui::TextUnformatted(ui_text::kKindLabel);
  const auto kinds = validator_kinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const auto& kind = kinds[i];
    // "##id" keeps widget ids stable whatever the label says.
    const std::string label = std::string(kind.zh) + "##" + std::string(kind.id);
    if (ImGui::RadioButton(label.c_str(), state.kind_index() == i)) {
      state.select_kind(i);
      state.focus_input_requested = true;
    }
    locator.remember_last_item("kind:" + std::string(kind.id));
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%.*s", static_cast<int>(kind.en.size()), kind.en.data());
    }
  }
}

void draw_number_input(ValidatorPanelState& state, ItemLocator& locator) {
  const auto& kind = validator_kinds()[state.kind_index()];
  if (state.focus_input_requested) {
    ImGui::SetKeyboardFocusHere();
    state.focus_input_requested = false;
  }
  const std::string hint(kind.example);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  ImGui::InputTextWithHint(ui_text::kInputLabel, hint.c_str(), state.input_buffer(),
                           state.input_buffer_size());
  locator.remember_last_item(kItemNumberInput);
  ImGui::SameLine();
  if (ImGui::Button(ui_text::kClearButton)) {
    state.clear_input();
    state.focus_input_requested = true;
  }
  locator.remember_last_item(kItemClearButton);
}

void draw_result(const ValidatorPanelState& state) {
  const auto& result = state.result();
  if (!result) {
    ImGui::TextDisabled("%s", ui_text::kPrompt);
    return;
  }
  ImGui::TextColored(result->valid ? kValidColour : kInvalidColour, "%s",
                     result->valid ? ui_text::kValid : ui_text::kInvalid);
  if (!result->message.zh.empty()) ImGui::TextWrapped("%s", result->message.zh.c_str());
  if (!result->message.en.empty()) ImGui::TextDisabled("%s", result->message.en.c_str());
  if (!result->error_code.empty()) {
    ImGui::Text("%s: %s", ui_text::kErrorCode, result->error_code.c_str());
  }
  if (!result->normalized.empty()) {
    ImGui::Text("%s: %s", ui_text::kNormalized, result->normalized.c_str());
  }
  if (result->facts.is_object() && !result->facts.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(ui_text::kFacts);
    if (ImGui::BeginTable("facts", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& [key, value] : result->facts.items()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(fact_label(key));
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(fact_value(key, value).c_str());
      }
      ImGui::EndTable();
    }
  }
}

}  // namespace

void draw_validator_panel(ValidatorPanelState& state, const time::CivilDate& today,
                          ItemLocator& locator) {
  ImGui::PushID("validator_panel");
  ImGui::TextUnformatted(ui_text::kValidatorHeader);
  ImGui::Separator();
  draw_kind_selector(state, locator);
  ImGui::Spacing();
  draw_number_input(state, locator);
  // Validate what the input holds after this frame's typing, so the result drawn below is
  // never one keystroke behind.
  state.refresh(today);
  ImGui::Text("%s: %s", ui_text::kToday, time::to_iso(today).c_str());
  ImGui::Separator();
  draw_result(state);
  ImGui::PopID();
}

}  // namespace haoban::workbench
