// The catalogue side of the workbench: the loaded catalogue with its load report (errors with
// JSON paths), the search index over it, the query typed so far and its hits, and the test
// applicant profiles. Holds no ImGui state, so it is tested without a UI. The host reads
// files or the stub; this only ever sees text.
#pragma once

#include "haoban/catalog/loader.h"
#include "haoban/search/search_index.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace haoban::workbench {

struct ApplicantProfile {
  std::string id;
  std::string label;     // zh description, shown in the selector
  nlohmann::json value;  // {"applicant":…, "licences":…}
};

class CatalogWorkspace {
 public:
  // Loads catalogue text; `source` (a file name or URL) is only shown. A failed load keeps
  // the report (so its errors are shown) and drops the previous catalogue.
  void load(std::string_view text, std::string source, bool strict = false);
  // data/catalog/profiles.sample.json's format; returns false (keeping none) when unreadable.
  bool load_profiles(std::string_view text);

  const std::shared_ptr<const catalog::Catalog>& catalog() const { return result_.catalog; }
  const catalog::LoadResult& report() const { return result_; }
  const std::string& source() const { return source_; }
  bool loaded_once() const { return loaded_once_; }

  // Re-runs the search when the query changed; an empty query lists every item.
  void set_query(std::string_view query);
  const std::string& query() const { return query_; }
  // Item ids in ranked order (bundles are not opened as forms, so they are left out).
  const std::vector<std::string>& hits() const { return hits_; }

  const std::vector<ApplicantProfile>& profiles() const { return profiles_; }
  // The first profile whose audience fits the item (自然人 / 法人), else the first, else {}.
  nlohmann::json profile_for(const catalog::Item& item) const;
  int profile_index = -1;  // chosen in the UI; -1: pick by audience

 private:
  void refresh_hits();

  catalog::LoadResult result_;
  std::unique_ptr<search::SearchIndex> index_;
  std::string source_;
  bool loaded_once_ = false;
  std::string query_;
  std::vector<std::string> hits_;
  std::vector<ApplicantProfile> profiles_;
};

}  // namespace haoban::workbench
