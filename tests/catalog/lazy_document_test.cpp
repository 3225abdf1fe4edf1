// The lazy load keeps items' forms and materials as text (lazy_document.h): it must accept and
// reject exactly the documents the eager parse does, see the same top-level field ids, report
// the same load errors, and give the same forms on first use.
#include <gtest/gtest.h>

#include "catalog_test_support.h"
#include "haoban/catalog/json_build.h"
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
      // The scanner's fast path for three-byte sequences (E1–EC, EE, EF lead bytes):
      "[\"\xef\xbc\x8c\xe4\xb8\x80\"]",  // full-width comma, 一
      "[\"\xef\xbf\xbf\"]",              // U+FFFF
      "[\"\xe1\x80\"]",                  // a lead byte and one continuation, then the quote
      "[\"\xe1\xc0\x80\"]",              // a second byte that is not a continuation
      "[\"\xe4\xb8\x22]",                // a quote where the third byte should be
      "[\"\xe0\x80\x80\"]",              // overlong three-byte form (E0 goes the long way)
      "\"\xe4\xb8",                      // cut off inside a sequence at the end of the text
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

// What build_value gives must equal nlohmann's parse of the same text.
TEST(JsonBuild, BuildsWhatTheParserBuilds) {
  const std::vector<std::string> cases = {
      R"({"a":[1,2.5,-0,1e3,1E-2,-7,18446744073709551615,18446744073709551616,true,false,null]})",
      R"({"a":1,"a":{"b":2},"c":"x","c":"y"})",
      R"({"名称":{"zh":"居住证","en":"Residence permit"},"keys":["\u5c45\ud83d\ude00\n\"\\"]})",
      R"([[],{},"",[[[]]],{"":0}])",
      "\"\xef\xbc\x8c\xe4\xb8\x80 \xf0\x9f\x98\x80\"",
      R"(  {"spaces" :  [ 1 , 2 ]  }  )",
  };
  for (const auto& text : cases) {
    json_scan::Scanner s(text, 64);
    json built;
    bool bad = false;
    ASSERT_TRUE(json_scan::build_value(s, 0, &built, &bad)) << text;
    EXPECT_FALSE(bad) << text;
    EXPECT_TRUE(s.at_end()) << text;
    const json parsed = json::parse(text);
    EXPECT_EQ(built, parsed) << text;
    EXPECT_EQ(built.dump(), parsed.dump()) << text;  // number kinds too (unsigned, integer, float)
  }
}

TEST(JsonBuild, RejectsWhatTheScannerRejectsAndFlagsNumbersOutOfRange) {
  for (const std::string text : {R"({"a":[1,]})", R"({"a" 1})", "[\"\xe5\xb1\"]", R"([[[1]]])"}) {
    json_scan::Scanner s(text, 2);  // [[[1]]] is too deep at 2
    json built;
    bool bad = false;
    EXPECT_FALSE(json_scan::build_value(s, 0, &built, &bad)) << text;
    EXPECT_TRUE(s.failed()) << text;
  }
  json_scan::Scanner s(R"({"a":1e400,"b":2})", 64);
  json built;
  bool bad = false;
  EXPECT_TRUE(json_scan::build_value(s, 0, &built, &bad));
  EXPECT_TRUE(bad);  // nlohmann refuses 1e400: the load fails, as an eager one would
  EXPECT_EQ(built["b"], 2);
}

TEST(LazyDocument, TopLevelIdsFollowTheLastDuplicateKeyAtEveryLevel) {
  const std::string text = R"({"formatVersion":1,"items":[
    {"id":"a","form":{"pages":[{"fields":[{"id":"gone"}]}],"pages":[{"fields":[{"id":"kept"}]}]},"materials":[]},
    {"id":"b","form":{"pages":[{"fields":[{"id":"x"}]}],"pages":7},"materials":[]},
    {"id":"c","form":{"pages":[{"fields":[{"id":"was","id":"is"},{"id":"s","id":5},{"id":5,"id":"t"}]}]},"materials":[]},
    {"id":"d","form":{"pages":[{"fields":[{"id":"p1"}]},"not a page",{"fields":"none"},{"fields":[1,{"id":"p4"}]}]},"materials":[]},
    {"id":"e","form":{"pages":[{"fields":[{"id":"one"}]}]},"form":{"pages":[{"fields":[{"id":"two"}]}]},"materials":[]}]})";
  LazyDocument lazy;
  ASSERT_EQ(scan_lazy_document(text, 32, &lazy), LazyScan::Ok);
  ASSERT_EQ(lazy.items.size(), 5u);
  using Ids = std::unordered_set<std::string>;
  EXPECT_EQ(lazy.items[0].top_ids, (Ids{"kept"}));
  EXPECT_EQ(lazy.items[1].top_ids, Ids{});
  EXPECT_EQ(lazy.items[2].top_ids, (Ids{"is", "t"}));
  EXPECT_EQ(lazy.items[3].top_ids, (Ids{"p1", "p4"}));
  EXPECT_EQ(lazy.items[4].top_ids, (Ids{"two"}));
  EXPECT_EQ(json::parse(lazy.items[4].form.of(text))["pages"][0]["fields"][0]["id"], "two");
  // The rest of each item is what nlohmann's parse gives, without form and materials.
  json expected = json::parse(text);
  for (auto& item : expected["items"]) item.erase("form"), item.erase("materials");
  EXPECT_EQ(lazy.doc, expected);
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
  EXPECT_EQ(json::parse(lazy.items[0].form.of(text))["pages"][0]["id"], "p");
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
