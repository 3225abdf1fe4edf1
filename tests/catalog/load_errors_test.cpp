// Each kind of load error names the JSON path of the offending value; a broken item is
// skipped while the others load, and strict mode fails the whole load.
#include <gtest/gtest.h>

#include "haoban/catalog/json_reader.h"
#include "haoban/catalog/loader.h"

namespace haoban::catalog {
namespace {

using nlohmann::json;

json small_item(const std::string& id, const std::string& impl) {
  json item = json::parse(R"J({
    "revision": 1, "basicCode": "000121999000",
    "name": { "zh": "养犬登记", "en": "Dog registration" },
    "type": "07", "audience": ["自然人"],
    "department": { "name": { "zh": "广州市公安局", "en": "Guangzhou PSB" }, "division": "440100" },
    "legalBasis": [ { "title": { "zh": "《广州市养犬管理条例》" } } ],
    "acceptanceConditions": [
      { "id": "adult", "zh": "年满18周岁", "en": "At least 18", "when": "age(applicant.birthDate) >= 18" } ],
    "timeLimits": { "statutory": { "value": 20, "unit": "工作日" }, "promised": { "value": 5, "unit": "工作日" } },
    "handlingType": "承诺件", "visits": 0, "onlineDepth": 4, "scope": { "range": "全市" }, "fees": [],
    "keywords": ["养狗"], "themes": [],
    "form": { "pages": [ { "id": "dog", "title": { "zh": "犬只", "en": "Dog" }, "fields": [
      { "id": "ownerName", "type": "text", "label": { "zh": "姓名", "en": "Name" }, "required": true,
        "prefill": { "from": "applicant.name", "editable": false } },
      { "id": "breed", "type": "select", "label": { "zh": "品种", "en": "Breed" }, "required": true,
        "options": [ { "code": "small", "zh": "小型犬", "en": "Small" }, { "code": "large", "zh": "大型犬", "en": "Large" } ] },
      { "id": "cage", "type": "text", "label": { "zh": "犬笼", "en": "Cage" }, "visible": "breed == \"large\"" },
      { "id": "vaccinatedOn", "type": "date", "label": { "zh": "接种日期", "en": "Vaccinated on" }, "max": "today()" },
      { "id": "proof", "type": "material", "label": { "zh": "免疫证明", "en": "Proof" }, "material": "vaccination" }
    ] } ], "rules": [] },
    "materials": [ { "id": "vaccination", "name": { "zh": "免疫证明", "en": "Vaccination certificate" },
      "kind": 1, "form": "纸质+电子", "originals": 1, "copies": 0, "necessity": "必要", "source": "申请人自备",
      "replaceBy": { "licence": "resident_id_card" } } ],
    "sources": []
  })J");
  item["id"] = id;
  item["implCode"] = impl;
  return item;
}

json small_catalog() {
  return {{"formatVersion", 1},
          {"catalogVersion", "2026.11.1"},
          {"region", {{"division", "440100"}, {"name", {{"zh", "广州市"}, {"en", "Guangzhou"}}}}},
          {"profileFields", json::parse(R"J([
             { "path": "applicant.name", "type": "text", "label": { "zh": "姓名", "en": "Name" } },
             { "path": "applicant.birthDate", "type": "date", "label": { "zh": "出生日期", "en": "Birth date" } } ])J")},
          {"licenceTypes",
           json::parse(
               R"J([ { "id": "resident_id_card", "name": { "zh": "居民身份证", "en": "ID card" },
             "fields": [ { "id": "name", "type": "text", "label": { "zh": "姓名", "en": "Name" } } ] } ])J")},
          {"commitmentTemplates", json::array()},
          {"items", json::array({small_item("demo-dog", "DOG1"), small_item("demo-cat", "CAT1")})},
          {"bundles",
           json::parse(
               R"J([ { "id": "pets", "revision": 1, "name": { "zh": "宠物一件事", "en": "Pets" },
             "audience": ["自然人"], "items": [ { "item": "demo-dog" }, { "item": "demo-cat" } ] } ])J")},
          {"policies", json::array()}};
}

LoadResult load(const json& doc, bool strict = false) {
  LoadOptions options;
  options.strict = strict;
  return load_catalog(doc.dump(), options);
}

bool has(const LoadResult& r, const std::string& path, const std::string& code) {
  for (const auto& e : r.errors)
    if (e.path == path && e.code == code) return !e.zh.empty() && !e.en.empty();
  return false;
}

std::string dump_errors(const LoadResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e.path + " " + e.code + " " + e.en + "\n";
  return out;
}

TEST(LoadErrors, SmallCatalogueLoadsClean) {
  const auto r = load(small_catalog(), true);
  EXPECT_TRUE(r.ok()) << dump_errors(r);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.catalog->items.size(), 2u);
}

struct Case {
  const char* name;
  std::function<void(json&)> mutate;
  const char* path;
  const char* code;
};

class EachError : public ::testing::TestWithParam<Case> {};

TEST_P(EachError, NamesItsPathAndSkipsOnlyThatItem) {
  json doc = small_catalog();
  GetParam().mutate(doc);
  const auto r = load(doc);
  EXPECT_TRUE(has(r, GetParam().path, GetParam().code)) << dump_errors(r);
  if (std::string(GetParam().path).rfind("$.items[0]", 0) == 0) {
    ASSERT_TRUE(r.ok()) << dump_errors(r);
    EXPECT_EQ(r.catalog->item("demo-dog"), nullptr);
    EXPECT_NE(r.catalog->item("demo-cat"), nullptr);  // the other item still loads
  }
  EXPECT_FALSE(load(doc, true).ok());  // strict: any error fails the load
}

#define FIELD(i) doc["items"][0]["form"]["pages"][0]["fields"][i]

INSTANTIATE_TEST_SUITE_P(
    Loader, EachError,
    ::testing::Values(
        Case{"unknown_name",
             [](json& doc) {
               FIELD(2)["visible"] = "bred == \"large\"";
             },
             "$.items[0].form.pages[0].fields[2].visible", "unknown_name"},
        Case{"syntax",
             [](json& doc) {
               FIELD(2)["visible"] = "breed == ";
             },
             "$.items[0].form.pages[0].fields[2].visible", "bad_expression"},
        Case{"jsonlogic_unknown_op",
             [](json& doc) {
               FIELD(2)["required"] = {{"frobnicate", {1}}};
             },
             "$.items[0].form.pages[0].fields[2].required/frobnicate", "bad_expression"},
        Case{"unknown_profile",
             [](json& doc) {
               doc["items"][0]["acceptanceConditions"][0]["when"] = "applicant.salary > 1";
             },
             "$.items[0].acceptanceConditions[0].when", "unknown_profile_field"},
        Case{"row_outside_group",
             [](json& doc) {
               FIELD(2)["visible"] = "row.breed == \"x\"";
             },
             "$.items[0].form.pages[0].fields[2].visible", "row_outside_group"},
        Case{"duplicate_field",
             [](json& doc) {
               FIELD(2)["id"] = "breed";
             },
             "$.items[0].form.pages[0].fields[2].id", "duplicate_field"},
        Case{"reserved_id",
             [](json& doc) {
               FIELD(2)["id"] = "today";
             },
             "$.items[0].form.pages[0].fields[2].id", "reserved_id"},
        Case{"duplicate_option",
             [](json& doc) {
               FIELD(1)["options"][1]["code"] = "small";
             },
             "$.items[0].form.pages[0].fields[1].options[1].code", "duplicate_option"},
        Case{"bad_default",
             [](json& doc) {
               FIELD(1)["default"] = "huge";
             },
             "$.items[0].form.pages[0].fields[1].default", "bad_default"},
        Case{"unknown_material",
             [](json& doc) {
               FIELD(4)["material"] = "passport";
             },
             "$.items[0].form.pages[0].fields[4].material", "unknown_material"},
        Case{"unknown_licence",
             [](json& doc) {
               doc["items"][0]["materials"][0]["replaceBy"]["licence"] = "dog_licence";
             },
             "$.items[0].materials[0].replaceBy.licence", "unknown_licence_type"},
        Case{"unknown_commitment",
             [](json& doc) { doc["items"][0]["materials"][0]["replaceBy"]["commitment"] = "nope"; },
             "$.items[0].materials[0].replaceBy.commitment", "unknown_commitment"},
        Case{"prefill",
             [](json& doc) {
               FIELD(0)["prefill"]["from"] = "licences.resident_id_card.height";
             },
             "$.items[0].form.pages[0].fields[0].prefill.from", "unknown_licence_field"},
        Case{"division", [](json& doc) { doc["items"][0]["department"]["division"] = "990100"; },
             "$.items[0].department.division", "unknown_division"},
        Case{"division_literal",
             [](json& doc) {
               FIELD(2)["visible"] = "division_contains(\"990000\", applicant.name)";
             },
             "$.items[0].form.pages[0].fields[2].visible", "unknown_division"},
        Case{
            "rule_field",
            [](json& doc) {
              doc["items"][0]["form"]["rules"] = json::parse(
                  R"J([{"id":"r","assert":"breed != null","message":{"zh":"x","en":"x"},"fields":["colour"]}])J");
            },
            "$.items[0].form.rules[0].fields[0]", "unknown_field"},
        Case{"cycle",
             [](json& doc) {
               FIELD(2)["visible"] = "vaccinatedOn != null";
               FIELD(3)["visible"] = "cage != null";
             },
             "$.items[0].form.pages[0].fields[2]", "dependency_cycle"},
        Case{"missing_key", [](json& doc) { doc["items"][0].erase("handlingType"); },
             "$.items[0].handlingType", "missing"},
        Case{"bad_enum", [](json& doc) { doc["items"][0]["handlingType"] = "快办件"; },
             "$.items[0].handlingType", "bad_value"},
        Case{"duplicate_item", [](json& doc) { doc["items"][1]["id"] = "demo-dog"; },
             "$.items[1].id", "duplicate_id"},
        Case{"impl_code", [](json& doc) { doc["items"][1]["implCode"] = "DOG1"; },
             "$.items[1].implCode", "duplicate_impl_code"},
        Case{"bundle_item", [](json& doc) { doc["bundles"][0]["items"][1]["item"] = "demo-bird"; },
             "$.bundles[0].items[1].item", "unknown_item"},
        Case{"bad_pattern",
             [](json& doc) {
               FIELD(2)["pattern"] = "(a";
             },
             "$.items[0].form.pages[0].fields[2].pattern", "bad_pattern"},
        Case{"group_min_max",
             [](json& doc) {
               FIELD(2) =
                   json::parse(R"J({"id":"pups","type":"group","label":{"zh":"幼犬","en":"Pups"},
                 "min":3,"max":2,"fields":[{"id":"pupName","type":"text","label":{"zh":"名","en":"Name"}}]})J");
             },
             "$.items[0].form.pages[0].fields[2].min", "min_above_max"},
        // Where an object is expected and a string is given, the loader reports what it
        // looked for there; it used to throw out of the load (a fuzz finding: "fees": ["x"]).
        Case{"fee_not_object", [](json& doc) { doc["items"][0]["fees"] = {"policies"}; },
             "$.items[0].fees[0].id", "missing"},
        Case{"department_not_object", [](json& doc) { doc["items"][0]["department"] = "公安"; },
             "$.items[0].department.name", "missing"},
        Case{"time_limit_not_object",
             [](json& doc) { doc["items"][0]["timeLimits"]["statutory"] = "20天"; },
             "$.items[0].timeLimits.statutory.value", "missing"},
        Case{"option_not_object",
             [](json& doc) {
               FIELD(1)["options"][0] = "small";
             },
             "$.items[0].form.pages[0].fields[1].options[0].code", "missing"},
        Case{"share_key_not_string",
             [](json& doc) {
               FIELD(0)["shareKey"] = 5;
             },
             "$.items[0].form.pages[0].fields[0].shareKey", "wrong_type"},
        Case{"material_share_key_not_string",
             [](json& doc) { doc["items"][0]["materials"][0]["shareKey"] = {1}; },
             "$.items[0].materials[0].shareKey", "wrong_type"},
        // The reader builds these paths only when it reports (json_reader.h): each shape that
        // leaves its fast path still names the value.
        Case{"keyword_not_string",
             [](json& doc) {
               doc["items"][0]["keywords"] = {"猫", 7};
             },
             "$.items[0].keywords[1]", "wrong_type"},
        Case{"keyword_too_long",
             [](json& doc) {
               doc["items"][0]["keywords"] = {std::string(kMaxStringBytes + 1, 'x')};
             },
             "$.items[0].keywords[0]", "too_long"},
        Case{"name_en_not_string", [](json& doc) { doc["items"][0]["name"]["en"] = 1; },
             "$.items[0].name.en", "wrong_type"},
        Case{"name_en_missing", [](json& doc) { doc["items"][0]["name"].erase("en"); },
             "$.items[0].name.en", "missing"},
        Case{"name_not_object", [](json& doc) { doc["items"][0]["name"] = "猫"; },
             "$.items[0].name", "wrong_type"},
        Case{"visits_out_of_range", [](json& doc) { doc["items"][0]["visits"] = 9; },
             "$.items[0].visits", "out_of_range"},
        Case{"revision_not_integer", [](json& doc) { doc["items"][0]["revision"] = 1.5; },
             "$.items[0].revision", "wrong_type"},
        Case{"level_bad_enum", [](json& doc) { doc["items"][0]["level"] = "9"; },
             "$.items[0].level", "bad_value"},
        Case{"audience_bad_enum",
             [](json& doc) {
               doc["items"][0]["audience"] = {"自然人", "猫"};
             },
             "$.items[0].audience[1]", "bad_value"},
        Case{"type_too_long",
             [](json& doc) { doc["items"][0]["type"] = std::string(kMaxStringBytes + 1, '1'); },
             "$.items[0].type", "too_long"}),
    [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(LoadErrors, UnknownFormatVersionAndBadJson) {
  json doc = small_catalog();
  doc["formatVersion"] = 2;
  EXPECT_TRUE(has(load(doc), "$.formatVersion", "unknown_format"));
  EXPECT_FALSE(load(doc).ok());
  const auto bad = load_catalog("{\"formatVersion\": 1,");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors.at(0).code, "bad_json");
  std::string deep(10000, '[');
  EXPECT_EQ(load_catalog(deep).errors.at(0).code, "bad_json");
  LoadOptions tiny;
  tiny.max_bytes = 100;
  EXPECT_EQ(load_catalog(small_catalog().dump(), tiny).errors.at(0).code, "bad_json");
}

TEST(LoadErrors, BundleOfASkippedItemIsSkippedToo) {
  json doc = small_catalog();
  FIELD(2)["visible"] = "nonsense(1)";
  const auto r = load(doc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.catalog->items.size(), 1u);
  EXPECT_TRUE(r.catalog->bundles.empty());
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"demo-dog", "pets"}));
}

// Opaque members (legal basis, notes, results, condition bases) are moved out of the parsed
// document into the catalogue (loader.cpp, take()): what the catalogue holds is what was written.
TEST(LoadErrors, OpaqueMembersKeptAsWritten) {
  json doc = small_catalog();
  doc["items"][0]["legalBasis"] = json::array({{{"title", {{"zh", "《条例》"}}}}});
  doc["items"][0]["notes"] = json::array({{{"zh", "注意"}}});
  doc["items"][0]["department"]["handledBy"] = {{"zh", "窗口"}};
  for (const bool lazy : {false, true}) {
    LoadOptions options;
    options.lazy_forms = lazy;
    const auto r = load_catalog(doc.dump(), options);
    ASSERT_TRUE(r.ok()) << dump_errors(r);
    const Item* dog = r.catalog->item("demo-dog");
    ASSERT_NE(dog, nullptr);
    EXPECT_EQ(dog->legal_basis, doc["items"][0]["legalBasis"]);
    EXPECT_EQ(dog->notes, doc["items"][0]["notes"]);
    EXPECT_EQ(dog->department.handled_by, doc["items"][0]["department"]["handledBy"]);
    EXPECT_EQ(dog->promised.unit, doc["items"][0]["timeLimits"]["promised"]["unit"]);
  }
}

TEST(LoadErrors, LazyFormsReportErrorsOnFirstUse) {
  json doc = small_catalog();
  FIELD(2)["visible"] = "bred == 1";
  LoadOptions options;
  options.lazy_forms = true;
  const auto r = load_catalog(doc.dump(), options);
  ASSERT_TRUE(r.ok());
  const Item* dog = r.catalog->item("demo-dog");
  ASSERT_NE(dog, nullptr);
  std::vector<LoadError> errors;
  EXPECT_EQ(r.catalog->form(*dog, &errors), nullptr);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "$.items[0].form.pages[0].fields[2].visible");
}

}  // namespace
}  // namespace haoban::catalog
