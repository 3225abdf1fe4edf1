// The packed catalogue (pack_format.h): what `haoban catalog pack` writes must load into the same
// catalogue as the JSON it came from, and a damaged or doctored pack must be refused or have its
// bad items reported, never trusted.
#include <gtest/gtest.h>

#include "catalog_test_support.h"
#include "haoban/catalog/loader.h"
#include "haoban/catalog/pack_format.h"
#include "haoban/catalog/pack_writer.h"

namespace haoban::catalog {
namespace pack_test {

using nlohmann::json;

const std::string& sample_text() {
  static const std::string text = testing::read_source_file("data/catalog/guangzhou.json");
  return text;
}

const std::string& sample_pack() {
  static const std::string bytes = [] {
    PackResult packed = pack_catalog(sample_text());
    EXPECT_TRUE(packed.load.ok());
    EXPECT_TRUE(packed.load.errors.empty());
    return packed.bytes;
  }();
  return bytes;
}

bool has_error(const LoadResult& result, const std::string& code, const std::string& path = "") {
  for (const auto& e : result.errors)
    if (e.code == code && (path.empty() || e.path == path)) return true;
  return false;
}

std::vector<std::string> condition_ids(const Item& item) {
  std::vector<std::string> ids;
  for (const auto& c : item.acceptance_conditions) ids.push_back(c.id);
  return ids;
}

TEST(CatalogPack, LoadsTheSameCatalogueAsItsJson) {
  const LoadResult eager = load_catalog(sample_text());
  ASSERT_TRUE(eager.ok());
  ASSERT_TRUE(pack::looks_packed(sample_pack()));
  const LoadResult packed = load_catalog_pack(sample_pack());
  ASSERT_TRUE(packed.ok());
  EXPECT_TRUE(packed.errors.empty()) << packed.errors.front().en;
  const Catalog& a = *eager.catalog;
  const Catalog& b = *packed.catalog;
  EXPECT_EQ(a.catalog_version, b.catalog_version);
  EXPECT_EQ(a.region_division, b.region_division);
  EXPECT_EQ(a.licence_types.size(), b.licence_types.size());
  EXPECT_EQ(a.bundles.size(), b.bundles.size());
  EXPECT_EQ(a.policies.size(), b.policies.size());
  ASSERT_EQ(a.items.size(), b.items.size());
  for (size_t i = 0; i < a.items.size(); ++i) {
    const Item& x = a.items[i];
    const Item* y = b.item(x.id);
    ASSERT_NE(y, nullptr) << x.id;
    EXPECT_EQ(x.json_path, y->json_path);
    EXPECT_EQ(x.revision, y->revision);
    EXPECT_EQ(x.impl_code, y->impl_code);
    EXPECT_EQ(x.name.zh, y->name.zh);
    EXPECT_EQ(x.name.en, y->name.en);
    EXPECT_EQ(x.audience, y->audience);
    EXPECT_EQ(x.department.name.zh, y->department.name.zh);
    EXPECT_EQ(x.department.handled_by, y->department.handled_by);
    EXPECT_EQ(x.legal_basis, y->legal_basis);
    EXPECT_EQ(x.statutory.value, y->statutory.value);
    EXPECT_EQ(x.promised.unit, y->promised.unit);
    EXPECT_EQ(x.promised.note, y->promised.note);
    EXPECT_EQ(x.handling_type, y->handling_type);
    EXPECT_EQ(x.visits, y->visits);
    EXPECT_EQ(x.online_depth, y->online_depth);
    EXPECT_EQ(x.scope_modes, y->scope_modes);
    EXPECT_EQ(x.keywords, y->keywords);
    EXPECT_EQ(x.themes, y->themes);
    EXPECT_EQ(x.notes, y->notes);
    EXPECT_EQ(x.result, y->result);
    EXPECT_EQ(x.result_licence, y->result_licence);
    EXPECT_EQ(condition_ids(x), condition_ids(*y));
    for (size_t k = 0; k < x.acceptance_conditions.size(); ++k) {
      EXPECT_EQ(static_cast<bool>(x.acceptance_conditions[k].when),
                static_cast<bool>(y->acceptance_conditions[k].when));
      EXPECT_EQ(x.acceptance_conditions[k].when.reads, y->acceptance_conditions[k].when.reads);
      EXPECT_EQ(x.acceptance_conditions[k].basis, y->acceptance_conditions[k].basis);
    }
    ASSERT_EQ(x.fees.size(), y->fees.size());
    for (size_t k = 0; k < x.fees.size(); ++k)
      EXPECT_EQ(static_cast<bool>(x.fees[k].amount_fen), static_cast<bool>(y->fees[k].amount_fen));
    // The form, compiled on first use from the pack's text, is the eager load's.
    std::vector<LoadError> errors;
    const auto form = b.form(*y, &errors);
    ASSERT_NE(form, nullptr) << x.id;
    EXPECT_TRUE(errors.empty());
    const auto eager_form = a.form(x);
    ASSERT_NE(eager_form, nullptr);
    EXPECT_EQ(eager_form->fields.size(), form->fields.size());
    EXPECT_EQ(eager_form->pages.size(), form->pages.size());
    EXPECT_EQ(eager_form->rules.size(), form->rules.size());
    EXPECT_EQ(eager_form->materials.size(), form->materials.size());
  }
}

TEST(CatalogPack, LeavesOutWhatDidNotLoad) {
  json doc = json::parse(sample_text());
  doc["items"][1]["handlingType"] = "当场办";  // not 即办件 / 承诺件
  const PackResult packed = pack_catalog(doc.dump());
  ASSERT_TRUE(packed.load.ok());
  // The item, and a bundle that names it.
  ASSERT_FALSE(packed.load.skipped.empty());
  const std::string item_id = doc["items"][1]["id"];
  EXPECT_EQ(packed.load.skipped[0], item_id);
  const LoadResult loaded = load_catalog_pack(packed.bytes);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded.errors.empty());
  EXPECT_EQ(loaded.catalog->items.size(), load_catalog(sample_text()).catalog->items.size() - 1);
  EXPECT_EQ(loaded.catalog->item(item_id), nullptr);
  EXPECT_EQ(loaded.catalog->bundles.size(), packed.load.catalog->bundles.size());
  EXPECT_EQ(loaded.catalog->policies.size(), packed.load.catalog->policies.size());
}

TEST(CatalogPack, RefusesBytesThatAreNotAPack) {
  const LoadResult result = load_catalog_pack(sample_text());
  EXPECT_FALSE(result.ok());
  ASSERT_TRUE(has_error(result, "bad_pack", "$"));
  EXPECT_NE(result.errors[0].en.find("HBPACK1"), std::string::npos);
}

// Cut anywhere, a pack must be refused with a reason, never read past its end.
TEST(CatalogPack, RefusesEveryTruncation) {
  const std::string& bytes = sample_pack();
  std::vector<size_t> cuts;
  for (size_t cut = 0; cut < bytes.size(); cut += 257) cuts.push_back(cut);
  for (size_t cut = bytes.size() - 64; cut < bytes.size(); ++cut) cuts.push_back(cut);
  for (const size_t cut : cuts) {
    const LoadResult result = load_catalog_pack(bytes.substr(0, cut));
    EXPECT_FALSE(result.ok()) << cut;
    EXPECT_TRUE(has_error(result, "bad_pack") || has_error(result, "bad_json")) << cut;
  }
  const LoadResult longer = load_catalog_pack(bytes + " ");
  EXPECT_FALSE(longer.ok());
  EXPECT_TRUE(has_error(longer, "bad_pack"));
}

// The pack is checked like JSON: a doctored value is reported at the item's path and the item
// skipped, the others load.
TEST(CatalogPack, ChecksItemValuesLikeAJsonLoad) {
  std::string bytes = sample_pack();
  const std::string from = "承诺件", to = "承诺书";  // the same length in UTF-8
  const size_t at = bytes.find(from);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, from.size(), to);
  const LoadResult result = load_catalog_pack(bytes);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.skipped.size(), 1u);
  ASSERT_FALSE(result.errors.empty());
  EXPECT_EQ(result.errors[0].code, "bad_value");
  EXPECT_NE(result.errors[0].path.find(".handlingType"), std::string::npos);
  EXPECT_EQ(result.errors[0].item, result.skipped[0]);
}

// A form that is not valid JSON is found when the item is first opened (as with a lazy JSON
// load), and by a strict load at once.
TEST(CatalogPack, ReportsABrokenFormOnFirstUseAndStrictRefusesIt) {
  const json doc = json::parse(sample_text());
  const json& first = doc["items"][0];
  const std::string form_text = first["form"].dump();
  std::string bytes = sample_pack();
  const size_t at = bytes.find(form_text);
  ASSERT_NE(at, std::string::npos);
  bytes[at + form_text.size() - 1] = ' ';  // the form's closing brace

  const LoadResult lazy = load_catalog_pack(bytes);
  ASSERT_TRUE(lazy.ok());
  const Item* item = lazy.catalog->item(first["id"].get<std::string>());
  ASSERT_NE(item, nullptr);
  std::vector<LoadError> errors;
  EXPECT_EQ(lazy.catalog->form(*item, &errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "bad_json");
  EXPECT_EQ(errors[0].path, "$.items[0]");

  LoadOptions strict;
  strict.strict = true;
  const LoadResult refused = load_catalog_pack(bytes, strict);
  EXPECT_FALSE(refused.ok());
  EXPECT_TRUE(has_error(refused, "bad_json", "$.items[0]"));
  EXPECT_TRUE(load_catalog_pack(sample_pack(), strict).ok());
}

TEST(CatalogPack, RefusesAPackOverTheSizeBound) {
  LoadOptions small;
  small.max_bytes = 1000;
  const LoadResult result = load_catalog_pack(sample_pack(), small);
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(has_error(result, "bad_pack", "$"));
}

}  // namespace pack_test
}  // namespace haoban::catalog
