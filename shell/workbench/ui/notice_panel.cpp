#include "notice_panel.h"

#include "reason_tree.h"
#include "ui_text.h"

#include <imgui.h>

#include <string>

namespace haoban::workbench {

namespace {

using nlohmann::json;

const ImVec4 kGood{0.10f, 0.50f, 0.15f, 1.0f};
const ImVec4 kBad{0.80f, 0.10f, 0.10f, 1.0f};
const ImVec4 kUnsure{0.75f, 0.45f, 0.00f, 1.0f};

std::string zh(const json& value, const char* key) {
  if (!value.is_object() || !value.contains(key)) return "";
  const auto& v = value[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("zh") && v["zh"].is_string()) return v["zh"].get<std::string>();
  return "";
}

ImVec4 status_colour(const std::string& status) {
  if (status == "passed" || status == "eligible") return kGood;
  if (status == "failed" || status == "not_eligible" || status == "error") return kBad;
  if (status == "informational") return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  return kUnsure;
}

const char* verdict_zh(const std::string& verdict) {
  if (verdict == "eligible") return ui_text::kEligible;
  if (verdict == "not_eligible") return ui_text::kNotEligible;
  return ui_text::kUndetermined;
}

void draw_eligibility(const json& eligibility) {
  const std::string verdict = eligibility.value("verdict", "");
  ImGui::TextColored(status_colour(verdict), "%s", verdict_zh(verdict));
  int index = 0;
  for (const auto& condition : eligibility.value("conditions", json::array())) {
    ImGui::PushID(index++);
    const std::string status = condition.value("status", "");
    ImGui::PushStyleColor(ImGuiCol_Text, status_colour(status));
    const std::string label =
        condition.value("zh", condition.value("id", "")) + "  [" + status + "]";
    const bool open =
        ImGui::TreeNodeEx(label.c_str(), status == "passed" ? 0 : ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    if (open) {
      if (condition.contains("reason")) draw_reason_tree(condition["reason"]);
      for (const auto& name : condition.value("missing", json::array()))
        ImGui::TextColored(kUnsure, "%s %s", ui_text::kMissingFact, name.dump().c_str());
      if (condition.contains("error"))
        ImGui::TextColored(kBad, "%s", condition["error"].dump().c_str());
      const std::string basis = condition.contains("basis") ? condition["basis"].dump() : "";
      if (!basis.empty() && basis != "null")
        ImGui::TextDisabled("%s %s", ui_text::kBasis, basis.c_str());
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

void draw_materials(ApplicationWorkspace& app, const json& materials, ItemLocator& locator) {
  for (const auto& material : materials) {
    const std::string id = material.value("id", "");
    const std::string state = material.value("state", "");
    if (state == "not_applicable") continue;
    ImGui::PushID(id.c_str());
    const bool blocking = material.value("blocking", false);
    ImGui::TextColored(blocking ? kBad : kGood, "%s", material.value("label", state).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(zh(material, "name").c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", material.value("necessity", "").c_str());
    // Materials the applicant provides by upload (not fetched by e-licence, not in a slot).
    if (state == "required_missing" || state == "optional_missing" || state == "deferred" ||
        state == "commitment_available" || app.material_provided(id)) {
      ImGui::SameLine();
      bool provided = app.material_provided(id);
      if (ImGui::Checkbox(ui_text::kUploaded, &provided)) app.set_material_provided(id, provided);
      locator.remember_last_item("material:" + id);
    }
    ImGui::PopID();
  }
}

}  // namespace

void draw_notice_panel(ApplicationWorkspace& app, ItemLocator& locator) {
  if (!app.is_open()) {
    ImGui::TextWrapped("%s", ui_text::kNoItemOpen);
    return;
  }
  const json& notice = app.notice();
  if (!notice.value("ok", true) && notice.contains("error")) {
    ImGui::TextColored(kBad, "%s", zh(notice, "error").c_str());
    return;
  }
  const bool ready = notice.value("ready", false);
  ImGui::TextColored(ready ? kGood : kBad, "%s", ready ? ui_text::kReady : ui_text::kNotReady);
  locator.remember_last_item("notice:ready");
  ImGui::BeginChild("##notice", ImVec2(0, 0), false);

  const auto field_errors = notice.value("fieldErrors", json::array());
  if (ImGui::CollapsingHeader(ui_text::kFieldProblems, ImGuiTreeNodeFlags_DefaultOpen)) {
    if (field_errors.empty()) ImGui::TextColored(kGood, "%s", ui_text::kNone);
    for (const auto& error : field_errors) {
      const bool warning = error.value("severity", "") == "warning";
      ImGui::TextColored(warning ? kUnsure : kBad, "%s / %s：%s", zh(error, "pageTitle").c_str(),
                         zh(error, "label").c_str(), error.value("zh", "").c_str());
    }
  }
  if (ImGui::CollapsingHeader(ui_text::kEligibility, ImGuiTreeNodeFlags_DefaultOpen))
    draw_eligibility(notice.value("eligibility", json::object()));
  if (ImGui::CollapsingHeader(ui_text::kMaterials, ImGuiTreeNodeFlags_DefaultOpen))
    draw_materials(app, notice.value("materials", json::array()), locator);
  if (ImGui::CollapsingHeader(ui_text::kTripsAndDeadline, ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto trips = notice.value("trips", json::object());
    ImGui::Text("%s %d", ui_text::kTrips, trips.value("count", 0));
    for (const auto& reason : trips.value("reasons", json::array()))
      ImGui::BulletText("%s", reason.value("zh", "").c_str());
    const auto deadline = notice.value("deadline", json::object());
    ImGui::Text("%s %s", ui_text::kDue, deadline.value("due", "—").c_str());
  }
  if (ImGui::CollapsingHeader(ui_text::kPackage, ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto key = notice.value("idempotencyKey", json());
    ImGui::TextUnformatted(ui_text::kDigest);
    ImGui::SameLine();
    ImGui::TextUnformatted(key.is_string() ? key.get<std::string>().c_str() : "—");
    locator.remember_last_item("notice:digest");
    if (ImGui::TreeNode(ui_text::kCanonicalJson)) {
      ImGui::TextWrapped("%s", app.package_canonical().c_str());
      ImGui::TreePop();
    }
  }
  ImGui::EndChild();
}

}  // namespace haoban::workbench
