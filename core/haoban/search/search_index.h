// Catalogue search (事项检索): items and 一件事 bundles by Chinese name, keywords and
// themes, full pinyin ("juzhuzheng") and pinyin initials ("jzz"), filtered by audience and
// department, ranked. Built once per loaded catalogue; each query scans a compact index
// (no allocation per document), well under 1 ms for 11,449 items natively.
//
// Ranking: the match kind first (exact > prefix > substring), then the field (name >
// keyword/theme > department), then how it matched (hanzi > full pinyin > initials);
// ties: shorter name, then catalogue order.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "haoban/catalog/model.h"

namespace haoban::search {

struct SearchOptions {
  std::string audience;    // "自然人" / "法人" / "其他组织"; empty: any
  std::string department;  // substring of the department name, or its division code; empty: any
  size_t limit = 20;
  bool include_bundles = true;
};

struct SearchHit {
  std::string id;
  std::string kind;  // "item" / "bundle"
  const catalog::Text* name = nullptr;
  std::string field;   // name / keyword / department
  std::string match;   // exact / prefix / substring
  std::string method;  // hanzi / pinyin / initials
  int score = 0;
};

class SearchIndex {
 public:
  // Keeps a reference to the catalogue: it must outlive the index.
  static std::unique_ptr<SearchIndex> build(std::shared_ptr<const catalog::Catalog> catalog);
  ~SearchIndex();

  std::vector<SearchHit> search(std::string_view query, const SearchOptions& options = {}) const;

  struct Impl;

 private:
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

nlohmann::json to_json(const std::vector<SearchHit>& hits);

// Lower-cased, half-width, spaces removed: what the index compares.
std::string normalize_query(std::string_view query);

}  // namespace haoban::search
