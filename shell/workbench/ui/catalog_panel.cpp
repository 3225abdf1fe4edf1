#include "catalog_panel.h"

#include "string_input.h"
#include "ui_text.h"

#include <imgui.h>

namespace haoban::workbench {

namespace {

const ImVec4 kErrorColour{0.80f, 0.10f, 0.10f, 1.0f};

void load_from(CatalogWorkspace& catalog, CatalogPanelState& panel, const TextSource& source,
               const std::string& where) {
  std::string text, error;
  if (!source.read(where, &text, &error)) {
    panel.status = std::string(ui_text::kCannotRead) + " " + where + ": " + error;
    return;
  }
  catalog.load(text, where, panel.strict);
  panel.status.clear();
}

void draw_loaders(CatalogWorkspace& catalog, CatalogPanelState& panel, const TextSource& files,
                  const TextSource& stub, ItemLocator& locator) {
  if (files.available()) {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    input_string("##catalog-file", panel.file_path, ui_text::kCatalogFileHint, 4096);
    ImGui::SameLine();
    if (ImGui::Button(ui_text::kLoadFile)) load_from(catalog, panel, files, panel.file_path);
    locator.remember_last_item("load:file");
  }
  if (stub.available()) {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5);
    input_string("##stub-url", panel.stub_url, "http://127.0.0.1:8080", 1024);
    ImGui::SameLine();
    if (ImGui::Button(ui_text::kLoadStub))
      load_from(catalog, panel, stub, panel.stub_url + "/api/v1/catalog");
    locator.remember_last_item("load:stub");
  }
  if (files.available() || stub.available()) ImGui::Checkbox(ui_text::kStrict, &panel.strict);
  if (!panel.status.empty()) ImGui::TextColored(kErrorColour, "%s", panel.status.c_str());
  if (!catalog.loaded_once()) return;
  const auto& report = catalog.report();
  if (report.catalog) {
    ImGui::TextDisabled("%s %s · %zu %s", ui_text::kCatalogVersion,
                        report.catalog->catalog_version.c_str(), report.catalog->items.size(),
                        ui_text::kItemsUnit);
  } else {
    ImGui::TextColored(kErrorColour, "%s", ui_text::kCatalogUnusable);
  }
  if (!report.errors.empty())
    ImGui::TextColored(kErrorColour, "%zu %s", report.errors.size(), ui_text::kLoadErrorsUnit);
}

void draw_profile_selector(CatalogWorkspace& catalog) {
  const auto& profiles = catalog.profiles();
  if (profiles.empty()) return;
  const char* preview =
      catalog.profile_index >= 0 && catalog.profile_index < static_cast<int>(profiles.size())
          ? profiles[catalog.profile_index].id.c_str()
          : ui_text::kProfileAuto;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##profile", preview)) {
    if (ImGui::Selectable(ui_text::kProfileAuto, catalog.profile_index < 0))
      catalog.profile_index = -1;
    for (int i = 0; i < static_cast<int>(profiles.size()); ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(profiles[i].label.c_str(), catalog.profile_index == i))
        catalog.profile_index = i;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
}

}  // namespace

void draw_catalog_panel(CatalogWorkspace& catalog, CatalogPanelState& panel,
                        const TextSource& files, const TextSource& stub,
                        const std::string& open_item, bool kiosk, ItemLocator& locator) {
  if (!kiosk) {
    draw_loaders(catalog, panel, files, stub, locator);
    ImGui::TextUnformatted(ui_text::kApplicant);
    draw_profile_selector(catalog);
  }
  ImGui::SetNextItemWidth(-1);
  input_string("##search", panel.search, ui_text::kSearchHint, 256);
  locator.remember_last_item("search");
  catalog.set_query(panel.search);
  if (!catalog.catalog()) return;
  ImGui::BeginChild("##items", ImVec2(0, 0), true);
  if (catalog.hits().empty()) ImGui::TextDisabled("%s", ui_text::kNoMatches);
  for (const auto& id : catalog.hits()) {
    const auto* item = catalog.catalog()->item(id);
    if (item == nullptr) continue;
    ImGui::PushID(id.c_str());
    if (ImGui::Selectable(item->name.zh.c_str(), id == open_item)) panel.open_requested = id;
    locator.remember_last_item("item:" + id);
    if (!kiosk) ImGui::TextDisabled("  %s", item->department.name.zh.c_str());
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void draw_load_report(const CatalogWorkspace& catalog) {
  if (!catalog.loaded_once()) {
    ImGui::TextDisabled("%s", ui_text::kNoCatalog);
    return;
  }
  const auto& report = catalog.report();
  ImGui::Text("%s %s", ui_text::kSource, catalog.source().c_str());
  if (!report.skipped.empty()) {
    std::string skipped;
    for (const auto& id : report.skipped) skipped += (skipped.empty() ? "" : ", ") + id;
    ImGui::TextColored(kErrorColour, "%s %s", ui_text::kSkipped, skipped.c_str());
  }
  if (report.errors.empty()) {
    ImGui::TextUnformatted(ui_text::kNoLoadErrors);
    return;
  }
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                     ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
  if (ImGui::BeginTable("##load-errors", 3, kFlags)) {
    ImGui::TableSetupColumn(ui_text::kJsonPath);
    ImGui::TableSetupColumn(ui_text::kCode);
    ImGui::TableSetupColumn(ui_text::kMessage);
    ImGui::TableHeadersRow();
    for (const auto& error : report.errors) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", error.path.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(error.code.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s · %s", error.zh.c_str(), error.en.c_str());
    }
    ImGui::EndTable();
  }
}

}  // namespace haoban::workbench
