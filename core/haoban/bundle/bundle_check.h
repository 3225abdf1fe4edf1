// The submission check of a 一件事 bundle: one merged form, one merged material list, and the
// 一次性告知单 across every item that applies.
//
// The application carries one set of answers keyed by field id: an answer to a shared fact
// (shareKey) under any of its ids is given to every item that asks it; "itemAnswers":
// {itemId: {…}} overrides per item (fields without a key that two items both have, such as a
// declaration). An entry's `when` is evaluated on the merged answers; an `optional` entry may
// be left out by listing it in "skipItems". Each applying item is checked with check_item(),
// knowing which e-licences the earlier items of the bundle will issue (a material replaced by
// such a licence is 免提交 and counted as saved). A material with the same shareKey in several
// items is listed once. The bundle's own conditions are evaluated on the merged answers.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "haoban/bundle/merged_form.h"
#include "haoban/check/submission_check.h"

namespace haoban::bundle {

using json = nlohmann::json;

struct BundleInput {
  std::shared_ptr<const catalog::Catalog> catalog;
  std::string bundle_id;
  json profile;
  json application;  // {"answers", "itemAnswers"?, "materials"?: {itemId: {...}} , "skipItems"?}
  time::CivilDate today;
  const calendar::HolidayCalendar* calendar = nullptr;
};

struct SkippedItem {
  std::string item;
  std::string reason;  // condition_false, skipped_by_applicant
};

struct BundleNotice {
  bool ok = false;
  check::CheckError error;
  const catalog::Bundle* bundle = nullptr;
  std::string catalog_version;
  time::CivilDate today;
  MergedForm merged;
  std::vector<SkippedItem> skipped;
  std::vector<check::Notice> items;  // one per applying item, in bundle order
  check::Eligibility bundle_conditions;
  check::Eligibility eligibility;     // items' and bundle's conditions together
  json field_errors = json::array();  // deduplicated across shared facts
  json materials = json::array();     // merged list
  int materials_total = 0;            // applicable materials across items
  int materials_saved = 0;            // listed once or issued inside the bundle
  check::Trips trips;
  json dropped = json::array();
  package::Package package;
  bool ready = false;
};

BundleNotice check_bundle(const BundleInput& input);

json to_json(const BundleNotice& notice);
std::string to_text(const BundleNotice& notice);

}  // namespace haoban::bundle
