#include "catalog_workspace.h"

#include "haoban/expr/engine.h"

namespace haoban::workbench {

void CatalogWorkspace::load(std::string_view text, std::string source, bool strict) {
  catalog::LoadOptions options;
  options.strict = strict;
  index_.reset();  // it refers to the old catalogue
  result_ = catalog::load_catalog(text, options);
  source_ = std::move(source);
  loaded_once_ = true;
  if (result_.catalog) index_ = search::SearchIndex::build(result_.catalog);
  refresh_hits();
}

bool CatalogWorkspace::load_profiles(std::string_view text) {
  expr::Error error;
  // Profiles are small; the bounds only keep a hostile file from costing much.
  auto data = expr::parse_bounded_json(text, 64, size_t{8} << 20, &error);
  profiles_.clear();
  if (!data || !data->is_object() || !data->contains("profiles") || !(*data)["profiles"].is_array())
    return false;
  for (const auto& p : (*data)["profiles"]) {
    if (!p.is_object() || !p.contains("applicant")) continue;
    ApplicantProfile profile;
    profile.id = p.value("id", "");
    const auto description = p.value("description", nlohmann::json::object());
    profile.label = profile.id;
    if (description.is_object() && description.contains("zh") && description["zh"].is_string())
      profile.label += " · " + description["zh"].get<std::string>();
    profile.value = {{"applicant", p["applicant"]},
                     {"licences", p.value("licences", nlohmann::json::object())}};
    profiles_.push_back(std::move(profile));
  }
  return !profiles_.empty();
}

nlohmann::json CatalogWorkspace::profile_for(const catalog::Item& item) const {
  if (profile_index >= 0 && profile_index < static_cast<int>(profiles_.size()))
    return profiles_[profile_index].value;
  for (const auto& profile : profiles_) {
    const auto& applicant = profile.value["applicant"];
    const std::string kind = applicant.is_object() ? applicant.value("kind", "") : "";
    for (const auto& audience : item.audience)
      if (audience == kind) return profile.value;
  }
  return profiles_.empty() ? nlohmann::json::object() : profiles_.front().value;
}

void CatalogWorkspace::set_query(std::string_view query) {
  if (query == query_ && loaded_once_) return;
  query_ = std::string(query);
  refresh_hits();
}

void CatalogWorkspace::refresh_hits() {
  hits_.clear();
  if (!result_.catalog) return;
  if (search::normalize_query(query_).empty()) {
    for (const auto& item : result_.catalog->items) hits_.push_back(item.id);
    return;
  }
  search::SearchOptions options;
  options.include_bundles = false;
  options.limit = 50;
  for (const auto& hit : index_->search(query_, options)) hits_.push_back(hit.id);
}

}  // namespace haoban::workbench
