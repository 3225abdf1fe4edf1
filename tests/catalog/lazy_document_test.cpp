// The lazy load keeps items' forms and materials as text (lazy_document.h): it must accept and
// reject exactly the documents the eager parse does, see the same top-level field ids, report
// the same load errors, and give the same forms on first use.
#include <gtest/gtest.h>

#include "catalog_test_support.h"
#include "haoban/catalog/json_scan.h"
#include "haoban/catalog/lazy_document.h"
#include "haoban/catalog/loader.h"

namespace haoban::catalog {
namespace {

using nlohmann::json;

bool scanner_accepts(std::string_view text, int max_depth = 64) {
  json_scan::Scanner s(text, max_depth);
  s.value(0);
  return !s.failed() && s.at_end();
}

bool nlohmann_accepts(std::string_view text) {
  return !json::parse(text, nullptr, false).is_discarded();
}

TEST(JsonScan, AcceptsAndRejectsLikeTheParser) {
  const std::vector<std::string> cases = {
      R"({})",
      R"([])",
      R"({"a":[1,2.5,-0,1e3,1E-2,true,false,null,"x"]})",
      R"( { "a" : { "b" : [ ] } } )",
      "\"\xe5\xb1\x85\xe4\xbd\x8f\xe8\xaf\x81\"",  // 居住证
      R"("\u5c45\ud83d\ude00\n\t\"\\\/")",
      R"({"a":1,})",
      R"([1,])",
      R"([,1])",
      R"({"a" 1})",
      R"({a:1})",
      R"([01])",
      R"([1.])",
      R"([.5])",
      R"([1e])",
      R"([-])",
      R"([tru])",
      R"(["\x"])",
      R"(["\u12"])",
      R"(["\ud800"])",
      R"(["\udc00"])",
      "[\"a\x01\"]",
      "[\"\xc0\xaf\"]",          // overlong
      "[\"\xed\xa0\x80\"]",      // encoded surrogate
      "[\"\xf4\x90\x80\x80\"]",  // above U+10FFFF
      "[\"\xe5\xb1\"]",          // truncated
      R"({"a":1} x)",
      R"({"a":1)",
      R"()",
  };
  for (const auto& text : cases) {
    EXPECT_EQ(scanner_accepts(text), nlohmann_accepts(text)) << text;
  }
}

TEST(JsonScan, BoundsNesting) {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  EXPECT_TRUE(scanner_accepts(deep, 100));
  EXPECT_FALSE(scanner_accepts(deep, 99));
}

TEST(LazyDocument, KeepsFormsAsTextAndFindsTopLevelIds) {
  const std::string text = R"({"formatVersion":1,"items":[
    {"id":"a","form":{"pages":[{"id":"p","fields":[{"id":"x"},{"id":"y","fields":[{"id":"inner"}]}]}]},
     "materials":[{"id":"m"}],"name":{"zh":"甲"}},
    {"id":"b","form":{"pages":[{"fields":[{"id":"old"}],"fields":[{"id":"new"}]}]},"materials":[]},
    7]})";
  LazyDocument lazy;
  ASSERT_EQ(scan_lazy_document(text, 32, &lazy), LazyScan::Ok);
  ASSERT_EQ(lazy.items.size(), 3u);
  EXPECT_FALSE(lazy.doc["items"][0].contains("form"));
  EXPECT_EQ(lazy.doc["items"][0]["name"]["zh"], "甲");
  EXPECT_EQ(json::parse(lazy.items[0].form)["pages"][0]["id"], "p");
  EXPECT_EQ(lazy.items[0].top_ids, (std::unordered_set<std::string>{"x", "y"}));
  // Duplicate keys: the last one counts, as in nlohmann's parse.
  EXPECT_EQ(lazy.items[1].top_ids, (std::unordered_set<std::string>{"new"}));
  EXPECT_FALSE(lazy.items[2].scanned);
  EXPECT_EQ(lazy.doc["items"][2], 7);
}

TEST(LazyDocument, BadJsonInsideAFormFailsTheLoad) {
  std::string text = testing::read_source_file("data/catalog/guangzhou.json");
  const size_t at = text.find("\"pages\"");
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "\"broken\": [1,], ");
  LoadOptions options;
  options.lazy_forms = true;
  const auto lazy = load_catalog(text, options);
  options.lazy_forms = false;
  const auto eager = load_catalog(text, options);
  EXPECT_FALSE(lazy.ok());
  ASSERT_EQ(lazy.errors.size(), 1u);
  ASSERT_EQ(eager.errors.size(), 1u);
  EXPECT_EQ(lazy.errors[0].code, "bad_json");
  EXPECT_EQ(lazy.errors[0].en, eager.errors[0].en);
}

TEST(LazyDocument, SampleCatalogueLoadsTheSameLazilyAndEagerly) {
  const std::string text = testing::read_source_file("data/catalog/guangzhou.json");
  LoadOptions options;
  const auto eager = load_catalog(text, options);
  options.lazy_forms = true;
  const auto lazy = load_catalog(text, options);
  ASSERT_TRUE(eager.ok());
  ASSERT_TRUE(lazy.ok());
  EXPECT_EQ(summary_json(lazy), summary_json(eager));
  ASSERT_EQ(lazy.catalog->items.size(), eager.catalog->items.size());
  for (size_t i = 0; i < eager.catalog->items.size(); ++i) {
    const Item& e = eager.catalog->items[i];
    const Item& l = lazy.catalog->items[i];
    EXPECT_EQ(l.id, e.id);
    EXPECT_EQ(l.acceptance_conditions.size(), e.acceptance_conditions.size());
    EXPECT_EQ(l.form, nullptr);
    auto form = lazy.catalog->form(l);
    ASSERT_NE(form, nullptr) << l.id;
    ASSERT_NE(e.form, nullptr);
    EXPECT_EQ(form->fields.size(), e.form->fields.size()) << l.id;
    EXPECT_EQ(form->materials.size(), e.form->materials.size()) << l.id;
    EXPECT_EQ(form->pages.size(), e.form->pages.size()) << l.id;
  }
  EXPECT_EQ(lazy.catalog->bundles.size(), eager.catalog->bundles.size());
  EXPECT_EQ(lazy.catalog->policies.size(), eager.catalog->policies.size());
}

TEST(LazyDocument, AConditionOnAnUnknownFieldIsStillReportedAtLoad) {
  json doc = json::parse(testing::read_source_file("data/catalog/guangzhou.json"));
  doc["items"][0]["acceptanceConditions"].push_back(
      {{"id", "bogus"}, {"zh", "假"}, {"en", "Bogus"}, {"when", "noSuchField == 1"}});
  LoadOptions options;
  options.lazy_forms = true;
  const auto lazy = load_catalog(doc.dump(), options);
  options.lazy_forms = false;
  const auto eager = load_catalog(doc.dump(), options);
  ASSERT_FALSE(eager.errors.empty());
  EXPECT_EQ(summary_json(lazy), summary_json(eager));
}

TEST(LazyDocument, StrictModeCompilesEveryFormAtLoad) {
  json doc = json::parse(testing::read_source_file("data/catalog/guangzhou.json"));
  doc["items"][0]["form"]["pages"][0]["fields"][0]["visible"] = "nonsense(1)";
  LoadOptions options;
  options.lazy_forms = true;
  EXPECT_TRUE(load_catalog(doc.dump(), options).ok());  // lazy: found on first use
  options.strict = true;
  const auto strict = load_catalog(doc.dump(), options);
  EXPECT_FALSE(strict.ok());
  EXPECT_FALSE(strict.errors.empty());
}

}  // namespace
}  // namespace haoban::catalog
