// Dispatch by kind and the JSON shape of the shared contract.
#include <gtest/gtest.h>

#include <string>

#include "haoban/ids/validators.h"

namespace haoban::ids {
namespace {

constexpr time::CivilDate kToday{2026, 11, 27};

TEST(Validate, DispatchesEveryKind) {
  EXPECT_TRUE(validate("resident_id", "11010519491231002X", kToday).valid);
  EXPECT_TRUE(validate("uscc", "91350100M000100Y43", kToday).valid);
  EXPECT_TRUE(validate("mobile", "+86 138 0013 8000", kToday).valid);
  EXPECT_TRUE(validate("hk_macau_permit", "C12345678", kToday).valid);
  EXPECT_TRUE(validate("mainland_travel_permit", "H12345678", kToday).valid);
  EXPECT_TRUE(validate("passport", "E12345678", kToday).valid);
  EXPECT_EQ(validate("passport", "E12345678", kToday).kind, "passport");
}

TEST(Validate, UnknownKind) {
  const auto r = validate("driving_licence", "440106199001011235", kToday);
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.error_code, "unknown_kind");
  EXPECT_EQ(r.kind, "driving_licence");
  EXPECT_NE(r.message.zh.find("driving_licence"), std::string::npos);
}

TEST(Validate, HostileKindIsNotEchoed) {
  const std::string huge(1 << 20, 'k');
  const auto r = validate(huge, "x", kToday);
  EXPECT_EQ(r.error_code, "unknown_kind");
  EXPECT_TRUE(r.kind.empty());
  EXPECT_LT(r.message.zh.size(), 200u);
  const auto bad_utf8 = validate(std::string("\xFF\xFE"), "x", kToday);
  EXPECT_EQ(bad_utf8.error_code, "unknown_kind");
  EXPECT_NO_THROW((void)to_json(bad_utf8).dump());
}

TEST(Validate, KindIsCaseSensitive) {
  EXPECT_EQ(validate("Resident_ID", "11010519491231002X", kToday).error_code, "unknown_kind");
}

TEST(ToJson, ValidShape) {
  const auto j = to_json(validate("resident_id", "11010519491231002x", kToday));
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["kind"], "resident_id");
  EXPECT_EQ(j["normalized"], "11010519491231002X");
  EXPECT_TRUE(j["error"].is_null());
  EXPECT_EQ(j["facts"]["birthDate"], "1949-12-31");
  EXPECT_EQ(j["facts"]["sex"], "female");
  EXPECT_EQ(j["facts"]["division"], "110105");
  EXPECT_EQ(j.size(), 5u);
}

TEST(ToJson, ErrorShape) {
  const auto j = to_json(validate("resident_id", "110105194912310021", kToday));
  EXPECT_EQ(j["valid"], false);
  EXPECT_EQ(j["error"]["code"], "checksum");
  EXPECT_TRUE(j["error"]["zh"].is_string());
  EXPECT_TRUE(j["error"]["en"].is_string());
  EXPECT_EQ(j["error"].size(), 3u);
  EXPECT_TRUE(j["facts"].is_object());
  EXPECT_TRUE(j["facts"].empty());
}

TEST(ToJson, InvalidUtf8NeverReachesTheJson) {
  const auto r = validate("mobile", std::string("138\xC0\xAF"), kToday);
  EXPECT_EQ(r.error_code, "encoding");
  EXPECT_NO_THROW((void)to_json(r).dump());
}

TEST(ToJson, NonObjectFactsBecomeAnEmptyObject) {
  ValidationResult r;
  r.kind = "mobile";
  r.facts = nullptr;
  EXPECT_TRUE(to_json(r)["facts"].is_object());
}

}  // namespace
}  // namespace haoban::ids
