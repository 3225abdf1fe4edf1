// The shipped Guangzhou sample catalogue loads cleanly, strict mode included, and its items
// keep what the engine needs (forms, groups, materials, conditions).
#include <gtest/gtest.h>

#include "catalog_test_support.h"
#include "haoban/catalog/loader.h"

namespace haoban::catalog {
namespace {

TEST(SampleCatalog, LoadsStrictWithoutErrors) {
  const std::string text = testing::read_source_file("data/catalog/guangzhou.json");
  ASSERT_FALSE(text.empty());
  LoadOptions options;
  options.strict = true;
  const LoadResult result = load_catalog(text, options);
  for (const auto& e : result.errors) ADD_FAILURE() << e.path << " " << e.code << " " << e.en;
  ASSERT_TRUE(result.ok());
  const Catalog& c = *result.catalog;
  EXPECT_EQ(c.items.size(), 8u);
  EXPECT_EQ(c.bundles.size(), 2u);
  EXPECT_EQ(c.policies.size(), 3u);
  EXPECT_EQ(c.catalog_version, "2026.11.1");
}

TEST(SampleCatalog, ResidencePermitFormHasGroupPagesAndMaterials) {
  const auto result = load_catalog(testing::read_source_file("data/catalog/guangzhou.json"));
  ASSERT_TRUE(result.ok());
  const Item* item = result.catalog->item("gz-residence-permit");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->revision, 3);
  EXPECT_EQ(item->promised.unit, "工作日");
  auto form = result.catalog->form(*item);
  ASSERT_NE(form, nullptr);
  const Field* group = form->field("familyMembers");
  ASSERT_NE(group, nullptr);
  EXPECT_TRUE(group->is_group());
  EXPECT_EQ(group->max_rows, 10);
  EXPECT_EQ(group->row_fields.size(), 5u);
  EXPECT_EQ(group->row_rules.size(), 3u);
  const Field* landlord = form->field("landlordName");
  ASSERT_NE(landlord, nullptr);
  EXPECT_FALSE(landlord->visible.is_constant());
  EXPECT_EQ(landlord->visible.expr.reads, std::vector<std::string>{"housingType"});
  EXPECT_GE(form->fields.size(), 20u);
  EXPECT_FALSE(form->materials.empty());
  EXPECT_EQ(form->materials[0].replace_by_licence, "resident_id_card");
}

TEST(SampleCatalog, LazyLoadCompilesFormsOnFirstUse) {
  LoadOptions options;
  options.lazy_forms = true;
  const auto result =
      load_catalog(testing::read_source_file("data/catalog/guangzhou.json"), options);
  ASSERT_TRUE(result.ok());
  const Item* item = result.catalog->item("gz-marriage-registration");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->form, nullptr);
  auto first = result.catalog->form(*item);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(result.catalog->form(*item), first);  // compiled once, kept
}

}  // namespace
}  // namespace haoban::catalog
