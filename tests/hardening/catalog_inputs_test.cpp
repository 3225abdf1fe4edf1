// Hostile and malformed catalogue text: each is refused with a load error that has a code,
// a JSON path and both messages, or loads with a defined meaning. Never a crash or a hang.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "haoban/form/session.h"
#include "hardening_support.h"

namespace haoban::hardening {
namespace {

using nlohmann::json;

catalog::LoadResult load(const std::string& text) { return catalog::load_catalog(text); }

void expect_refused_as_bad_json(const catalog::LoadResult& result) {
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(first_error_code(result), "bad_json");
  EXPECT_EQ(result.errors.front().path, "$");
  EXPECT_FALSE(result.errors.front().zh.empty());
  EXPECT_FALSE(result.errors.front().en.empty());
}

TEST(CatalogInputs, Utf8ByteOrderMarkIsSkipped) {
  const auto result = load("\xEF\xBB\xBF" + sample_catalog_text());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.catalog->items.size(), sample_catalog()->items.size());
}

TEST(CatalogInputs, DuplicateKeysTakeTheLastValueLikeJavaScript) {
  // JSON.parse in the app keeps the last of duplicate keys; the core must read the same
  // document the same way, or client and back office would disagree about a catalogue.
  std::string text = sample_catalog_text();
  text.insert(text.find('{') + 1, "\"catalogVersion\": \"ignored-first\",");
  const auto result = load(text);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.catalog->catalog_version, sample_catalog()->catalog_version);
}

TEST(CatalogInputs, NanAndInfinityLiteralsAreNotJson) {
  expect_refused_as_bad_json(load(R"({"formatVersion": NaN})"));
  expect_refused_as_bad_json(load(R"({"formatVersion": Infinity})"));
  expect_refused_as_bad_json(load(R"({"formatVersion": -Infinity})"));
}

TEST(CatalogInputs, NumberOverflowingADoubleIsRefused) {
  expect_refused_as_bad_json(load(R"({"formatVersion": 1e400})"));
}

TEST(CatalogInputs, IntegerBeyondSixtyFourBitsIsAWrongTypeAtItsPath) {
  const auto result = load(R"({"formatVersion": 18446744073709551617})");
  EXPECT_FALSE(result.ok());
  ASSERT_EQ(first_error_code(result), "wrong_type");
  EXPECT_EQ(result.errors.front().path, "$.formatVersion");
}

TEST(CatalogInputs, InvalidUtf8AndLoneSurrogatesAreRefused) {
  expect_refused_as_bad_json(load("{\"formatVersion\": 1, \"catalogVersion\": \"\xFF\xFE\"}"));
  expect_refused_as_bad_json(load("{\"formatVersion\": 1, \"catalogVersion\": \"\xC0\xAF\"}"));
  expect_refused_as_bad_json(load(R"({"formatVersion": 1, "catalogVersion": "\ud800"})"));
}

TEST(CatalogInputs, NulByteDoesNotEndTheDocumentEarly) {
  // nlohmann's lexer stops at NUL; the bounded parser refuses it instead of ignoring the rest.
  std::string text = sample_catalog_text();
  text.push_back('\0');
  text += "{\"formatVersion\": 99}";
  expect_refused_as_bad_json(load(text));
}

TEST(CatalogInputs, HundredThousandLevelsOfNestingAreRefusedBeforeParsing) {
  expect_refused_as_bad_json(load(std::string(100000, '[') + std::string(100000, ']')));
  expect_refused_as_bad_json(load("{\"a\":" + std::string(100000, '{')));
}

TEST(CatalogInputs, EmptyAndWhitespaceOnlyTextAreRefused) {
  expect_refused_as_bad_json(load(""));
  expect_refused_as_bad_json(load(" \t\r\n"));
  expect_refused_as_bad_json(load("\xEF\xBB\xBF"));
}

TEST(CatalogInputs, TextOverTheSizeBoundIsRefusedWithoutParsing) {
  catalog::LoadOptions options;
  options.max_bytes = 1024;
  const auto result = catalog::load_catalog(sample_catalog_text(), options);
  expect_refused_as_bad_json(result);
}

TEST(CatalogInputs, TenMegabyteItemNameIsTooLongAndOnlyThatItemIsSkipped) {
  json doc = json::parse(sample_catalog_text());
  doc["items"][0]["name"]["zh"] = std::string(10u << 20, 'x');
  const auto result = load(doc.dump());
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].code, "too_long");
  EXPECT_EQ(result.errors[0].path, "$.items[0].name.zh");
  EXPECT_EQ(result.skipped, std::vector<std::string>{doc["items"][0]["id"].get<std::string>()});
  EXPECT_EQ(result.catalog->items.size(), sample_catalog()->items.size() - 1);
}

TEST(CatalogInputs, DuplicateItemIdsAreReportedAndTheSecondIsSkipped) {
  json doc = json::parse(sample_catalog_text());
  doc["items"].push_back(doc["items"][0]);
  const auto result = load(doc.dump());
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.catalog->items.size(), sample_catalog()->items.size());
  ASSERT_FALSE(result.errors.empty());
  EXPECT_NE(result.errors.front().path.find("$.items[" + std::to_string(doc["items"].size() - 1)),
            std::string::npos)
      << result.errors.front().path;
}

TEST(CatalogInputs, BacktrackingPatternInAFieldRunsInLinearTime) {
  // "(a+)+$" takes 2^n steps in a backtracking engine; the core's regex is a Pike VM.
  json doc = json::parse(sample_catalog_text());
  json& field = doc["items"][0]["form"]["pages"][0]["fields"][0];
  ASSERT_EQ(field["id"], "applicantName");
  field["pattern"] = "(a+)+$";
  field["maxLength"] = 100000;
  const auto result = load(doc.dump());
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result.errors.empty()) << catalog::summary_json(result).dump();
  form::SessionOptions options;
  options.today = time::CivilDate{2026, 11, 28};
  form::SessionError error;
  auto session = form::FormSession::create(result.catalog, doc["items"][0]["id"].get<std::string>(),
                                           options, &error);
  ASSERT_TRUE(session) << error.en;
  const auto set = session->set("applicantName", std::string(30000, 'a') + "!");
  ASSERT_TRUE(set.ok);
  ASSERT_EQ(set.changed.size(), 1u);
  ASSERT_EQ(set.changed[0].errors.size(), 1u);
  EXPECT_EQ(set.changed[0].errors[0].code, "pattern");
}

TEST(CatalogInputs, ExpressionBombInARuleFailsTheKeystrokeBoundedNotTheProcess) {
  // A visible rule that maps every row over every row three times over: with the group's
  // 10 rows that is cheap, so the bomb reads a profile array the applicant controls.
  json doc = json::parse(sample_catalog_text());
  json& field = doc["items"][0]["form"]["pages"][0]["fields"][0];
  field["visible"] =
      "len(map(applicant.tags, map(applicant.tags, map(applicant.tags, current)))) >= 0";
  const auto result = load(doc.dump());
  ASSERT_TRUE(result.ok()) << catalog::summary_json(result).dump();
  json tags = json::array();
  for (int i = 0; i < 1000; ++i) tags.push_back(i);  // 10^9 steps if unbounded
  form::SessionOptions options;
  options.today = time::CivilDate{2026, 11, 28};
  options.profile = {{"applicant", {{"tags", tags}}}};
  form::SessionError error;
  auto session = form::FormSession::create(result.catalog, doc["items"][0]["id"].get<std::string>(),
                                           options, &error);
  // Whether the session refuses to open or opens with the field in a failed state, it
  // answers: the step bound ends the evaluation.
  if (session) {
    (void)session->validate_all();
    EXPECT_TRUE(session->state("applicantName").has_value());
  } else {
    EXPECT_FALSE(error.code.empty());
  }
}

}  // namespace
}  // namespace haoban::hardening
