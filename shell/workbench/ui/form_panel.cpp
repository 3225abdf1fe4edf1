#include "form_panel.h"

#include "string_input.h"
#include "ui_text.h"

#include "haoban/catalog/form_compiler.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is this field being edited?

#include <cstdio>
#include <string_view>

namespace haoban::workbench {

namespace {

using catalog::Field;
using catalog::FieldType;
using nlohmann::json;

const ImVec4 kErrorColour{0.80f, 0.10f, 0.10f, 1.0f};
const ImVec4 kWarningColour{0.75f, 0.45f, 0.00f, 1.0f};
const ImVec4 kRequiredColour{0.85f, 0.10f, 0.10f, 1.0f};

std::string text_of(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("zh") && value["zh"].is_string())
    return value["zh"].get<std::string>();
  return "";
}

const char* hint_of(const Field& field, std::string& storage) {
  storage = text_of(field.hint);
  if (storage.empty() && field.type == FieldType::date) storage = "YYYY-MM-DD";
  if (storage.empty() && field.type == FieldType::money) storage = ui_text::kMoneyHint;
  if (storage.empty() && field.type == FieldType::division) storage = ui_text::kDivisionHint;
  return storage.empty() ? nullptr : storage.c_str();
}

std::string option_label(const Field& field, const std::string& code) {
  const auto* option = field.option(code);
  if (option == nullptr) return code;
  return option->label.en.empty() ? option->label.zh : option->label.zh + " · " + option->label.en;
}

// One text-like field: the buffer follows the session's value unless the field is being
// edited; every change is sent to the session at once (live validation).
void draw_text_field(ApplicationWorkspace& app, FormPanelState& panel, const Field& field,
                     const form::FieldState& state, const std::string& id) {
  auto it = panel.buffers.find(state.path);
  if (it == panel.buffers.end())
    it = panel.buffers.emplace(state.path, display_value(field, state.value)).first;
  std::string& buffer = it->second;
  const bool editing = ImGui::GetActiveID() == ImGui::GetID(id.c_str());
  if (!editing) buffer = display_value(field, state.value);
  std::string hint_storage;
  bool changed = false;
  ImGui::SetNextItemWidth(-1);
  if (field.type == FieldType::textarea) {
    changed =
        input_string_multiline(id.c_str(), buffer, ImVec2(-1, ImGui::GetTextLineHeight() * 3.5f));
  } else {
    changed = input_string(id.c_str(), buffer, hint_of(field, hint_storage));
  }
  if (changed) app.set(state.path, buffer.empty() ? json(nullptr) : json(buffer));
}

void draw_options(ApplicationWorkspace& app, const Field& field, const form::FieldState& state,
                  ItemLocator& locator) {
  const std::string current = state.value.is_string() ? state.value.get<std::string>() : "";
  if (field.type == FieldType::radio) {
    for (std::size_t i = 0; i < state.options.size(); ++i) {
      const auto& code = state.options[i];
      if (i > 0) ImGui::SameLine();
      const std::string label = option_label(field, code) + "##" + state.path + ":" + code;
      if (ImGui::RadioButton(label.c_str(), current == code)) app.set(state.path, code);
      locator.remember_last_item("option:" + state.path + ":" + code);
    }
    return;
  }
  if (field.type == FieldType::multiselect) {
    json chosen = state.value.is_array() ? state.value : json::array();
    for (const auto& code : state.options) {
      bool on = false;
      for (const auto& c : chosen) on = on || c == code;
      const std::string label = option_label(field, code) + "##" + state.path + ":" + code;
      if (ImGui::Checkbox(label.c_str(), &on)) {
        json next = json::array();
        for (const auto& c : chosen)
          if (c != code) next.push_back(c);
        if (on) next.push_back(code);
        app.set(state.path, next.empty() ? json(nullptr) : next);
      }
      locator.remember_last_item("option:" + state.path + ":" + code);
    }
    return;
  }
  // select: a combo box; each option is remembered while the popup is open.
  const std::string preview = current.empty() ? ui_text::kChoose : option_label(field, current);
  ImGui::SetNextItemWidth(-1);
  const std::string id = "##combo:" + state.path;
  const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str());
  locator.remember_last_item("field:" + state.path);
  if (open) {
    for (const auto& code : state.options) {
      const std::string label = option_label(field, code) + "##" + code;
      if (ImGui::Selectable(label.c_str(), current == code)) app.set(state.path, code);
      locator.remember_last_item("option:" + state.path + ":" + code);
    }
    ImGui::EndCombo();
  }
}

void draw_field_widget(ApplicationWorkspace& app, FormPanelState& panel, const Field& field,
                       const form::FieldState& state, ItemLocator& locator) {
  const std::string id = "##field:" + state.path;
  switch (field.type) {
    case FieldType::select:
    case FieldType::radio:
    case FieldType::multiselect:
      draw_options(app, field, state, locator);
      return;
    case FieldType::agreement: {
      bool on = state.value.is_boolean() && state.value.get<bool>();
      const std::string text = text_of(field.agreement_text);
      if (!text.empty()) ImGui::TextWrapped("%s", text.c_str());
      const std::string label = std::string(ui_text::kAgree) + id;
      if (ImGui::Checkbox(label.c_str(), &on)) app.set(state.path, on ? json(true) : json(nullptr));
      break;
    }
    case FieldType::material: {
      bool on = state.value.is_object();
      const std::string label = std::string(ui_text::kUploaded) + id;
      // The workbench has no file store: a stand-in reference marks the slot as uploaded.
      if (ImGui::Checkbox(label.c_str(), &on))
        app.set(state.path, on ? json{{"via", "upload"}, {"refs", {"workbench-" + state.path}}}
                               : json(nullptr));
      break;
    }
    case FieldType::signature: {
      const bool signed_ = state.value.is_string() && !state.value.get<std::string>().empty();
      const std::string label = std::string(signed_ ? ui_text::kSigned : ui_text::kSign) + id;
      // A stand-in token: the real one comes from the host's signature pad.
      if (ImGui::Button(label.c_str()))
        app.set(state.path, signed_ ? json(nullptr) : json("workbench-signature"));
      break;
    }
    case FieldType::address: {
      json value = state.value.is_object() ? state.value : json::object();
      std::string division = value.value("division", "");
      std::string detail = value.value("detail", "");
      const std::string division_id = "##division:" + state.path;
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
      bool changed = input_string(division_id.c_str(), division, ui_text::kDivisionHint, 12);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-1);
      changed = input_string(id.c_str(), detail, ui_text::kAddressHint) || changed;
      if (changed) app.set(state.path, json{{"division", division}, {"detail", detail}});
      break;
    }
    default:
      draw_text_field(app, panel, field, state, id);
      break;
  }
  locator.remember_last_item("field:" + state.path);
}

void draw_errors(const form::FieldState& state) {
  for (const auto& error : state.errors) {
    ImGui::PushStyleColor(ImGuiCol_Text, error.warning ? kWarningColour : kErrorColour);
    ImGui::TextWrapped("%s%s · %s", error.warning ? ui_text::kWarningPrefix : "", error.zh.c_str(),
                       error.en.c_str());
    ImGui::PopStyleColor();
  }
}

void draw_field(ApplicationWorkspace& app, FormPanelState& panel, const Field& field,
                const std::string& path, ItemLocator& locator);

void draw_group(ApplicationWorkspace& app, FormPanelState& panel, const Field& group,
                ItemLocator& locator) {
  // Rows are counted by probing the first row field: the session reports cells, not rows.
  int rows = 0;
  if (!group.row_fields.empty()) {
    while (rows < catalog::kMaxGroupRows &&
           app.state(group.id + "[" + std::to_string(rows) + "]." + group.row_fields[0].id))
      ++rows;
  }
  for (int r = 0; r < rows; ++r) {
    ImGui::PushID(r);
    const std::string row_label =
        (group.row_label.zh.empty() ? group.label.zh : group.row_label.zh) + " " +
        std::to_string(r + 1);
    ImGui::Separator();
    ImGui::TextUnformatted(row_label.c_str());
    for (const auto& row_field : group.row_fields)
      draw_field(app, panel, row_field, group.id + "[" + std::to_string(r) + "]." + row_field.id,
                 locator);
    if (ImGui::Button(ui_text::kRemoveRow)) {
      // Buffers are per path: rows after this one shift up, so forget them all.
      panel.clear();
      app.remove_row(group.id, static_cast<size_t>(r));
    }
    locator.remember_last_item("removerow:" + group.id + "[" + std::to_string(r) + "]");
    ImGui::PopID();
  }
  const std::string add = std::string(ui_text::kAddRow) + "##add:" + group.id;
  if (ImGui::Button(add.c_str())) app.add_row(group.id);
  locator.remember_last_item("addrow:" + group.id);
}

void draw_field(ApplicationWorkspace& app, FormPanelState& panel, const Field& field,
                const std::string& path, ItemLocator& locator) {
  const auto state = app.state(path);
  if (!state || !state->visible) return;  // hidden fields are not drawn (nor submitted)
  ImGui::PushID(path.c_str());
  if (state->required) {
    ImGui::TextColored(kRequiredColour, "*");
    ImGui::SameLine(0, 2);
  }
  ImGui::TextUnformatted(field.label.zh.c_str());
  if (!field.label.en.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", field.label.en.c_str());
  }
  if (field.is_group()) {
    ImGui::Indent();
    draw_group(app, panel, field, locator);
    draw_errors(*state);
    ImGui::Unindent();
    ImGui::PopID();
    return;
  }
  const bool locked = field.computed.program || state->readonly || !state->enabled;
  ImGui::BeginDisabled(locked);
  draw_field_widget(app, panel, field, *state, locator);
  ImGui::EndDisabled();
  draw_errors(*state);
  ImGui::PopID();
}

bool page_has_visible_field(ApplicationWorkspace& app, const catalog::Page& page) {
  for (int index : page.fields) {
    const auto state = app.state(app.form().fields[index].id);
    if (state && state->visible) return true;
  }
  return false;
}

}  // namespace

std::string display_value(const Field& field, const json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (field.type == FieldType::money && value.is_number_integer()) {
    const long long fen = value.get<long long>();
    char text[48];
    std::snprintf(text, sizeof text, "%s%lld.%02lld", fen < 0 ? "-" : "",
                  (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100);
    return text;
  }
  if (value.is_boolean()) return value.get<bool>() ? ui_text::kYes : ui_text::kNo;
  return value.dump();
}

void draw_form_panel(ApplicationWorkspace& app, FormPanelState& panel, ItemLocator& locator) {
  if (!app.is_open()) {
    ImGui::TextWrapped("%s", ui_text::kNoItemOpen);
    return;
  }
  const auto& item = app.item();
  const auto& form = app.form();
  ImGui::Text("%s", item.name.zh.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s · %s r%d", item.name.en.c_str(), item.id.c_str(), item.revision);

  // Pages: a page whose fields are all hidden is shown greyed out (its 情形 does not apply).
  const int pages = static_cast<int>(form.pages.size());
  if (app.current_page >= pages) app.current_page = 0;
  for (int p = 0; p < pages; ++p) {
    if (p > 0) ImGui::SameLine();
    const bool applies = page_has_visible_field(app, form.pages[p]);
    const std::string label =
        std::to_string(p + 1) + ". " + form.pages[p].title.zh + "##page" + std::to_string(p);
    ImGui::BeginDisabled(!applies);
    if (ImGui::Selectable(label.c_str(), app.current_page == p, 0,
                          ImGui::CalcTextSize(label.c_str(), nullptr, true)))
      app.current_page = p;
    ImGui::EndDisabled();
    locator.remember_last_item("page:" + std::to_string(p));
  }
  if (!app.last_error().empty()) ImGui::TextColored(kErrorColour, "%s", app.last_error().c_str());
  ImGui::Separator();
  if (pages == 0) return;
  ImGui::BeginChild("##page-fields", ImVec2(0, 0), false);
  for (int index : form.pages[app.current_page].fields) {
    const auto& field = form.fields[index];
    draw_field(app, panel, field, field.id, locator);
  }
  ImGui::EndChild();
}

}  // namespace haoban::workbench
