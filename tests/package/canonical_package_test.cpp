#include <gtest/gtest.h>

#include "haoban/package/canonical_package.h"
#include "haoban/package/sha256.h"

using namespace haoban::package;
using json = nlohmann::json;

namespace {
PackageInput sample() {
  PackageInput in;
  in.catalog_version = "2026.11.1";
  in.item_id = "gz-residence-permit";
  in.item_revision = 3;
  in.applicant = json::parse(
      R"({"kind":"自然人","name":"李明","idNumber":"430524199506123411","mobile":"13800138000","creditStatus":"good"})");
  in.answers = json::parse(R"({"applyBasis":"employment","mobile":"13800138000"})");
  in.materials = json::parse(
      R"([{"id":"photoReceipt","state":"attached"},{"id":"idCard","state":"satisfied_by_licence"}])");
  in.submitted_on = "2026-11-27";
  return in;
}
}  // namespace

TEST(CanonicalPackage, ExactBytesAndDigest) {
  const Package p = build_package(sample());
  ASSERT_TRUE(p.ok) << p.error;
  const std::string expected =
      R"({"answers":{"applyBasis":"employment","mobile":"13800138000"},)"
      R"("applicant":{"idNumber":"430524199506123411","kind":"自然人","name":"李明"},)"
      R"("catalogVersion":"2026.11.1","itemId":"gz-residence-permit","itemRevision":3,)"
      R"("materials":[{"id":"idCard","state":"satisfied_by_licence"},{"id":"photoReceipt","state":"attached"}],)"
      R"("submittedOn":"2026-11-27"})";
  EXPECT_EQ(p.canonical, expected);
  EXPECT_EQ(p.digest, sha256_hex(expected));
  EXPECT_EQ(p.digest.size(), 64u);
}

TEST(CanonicalPackage, NonIdentityFactsDoNotChangeTheKey) {
  PackageInput a = sample(), b = sample();
  b.applicant["creditStatus"] = "serious";  // a profile fact, not part of the package
  b.applicant["mobile"] = "13900000000";
  EXPECT_EQ(build_package(a).digest, build_package(b).digest);
}

TEST(CanonicalPackage, AnyAnswerChangesTheKey) {
  PackageInput a = sample(), b = sample();
  b.answers["applyBasis"] = "study";
  EXPECT_NE(build_package(a).digest, build_package(b).digest);
  PackageInput c = sample();
  c.item_revision = 4;
  EXPECT_NE(build_package(a).digest, build_package(c).digest);
}

TEST(CanonicalPackage, BundlesNameTheBundle) {
  PackageInput in = sample();
  in.bundle = true;
  in.item_id = "open-restaurant";
  in.item_revision = 1;
  const Package p = build_package(in);
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.body["bundleId"], "open-restaurant");
  EXPECT_EQ(p.body["bundleRevision"], 1);
  EXPECT_FALSE(p.body.contains("itemId"));
}

// Materials from a hostile caller (not objects, ids that are not strings) still build a
// package: they sort as an empty id, after-stable, instead of throwing out of the sort.
TEST(CanonicalPackage, MaterialsWithoutStringIdsDoNotThrow) {
  PackageInput in = sample();
  in.materials = json::parse(R"([{"id":"photoReceipt"},"loose",{"id":7},{"id":"idCard"}])");
  const Package p = build_package(in);
  ASSERT_TRUE(p.ok) << p.error;
  EXPECT_EQ(p.body["materials"],
            json::parse(R"(["loose",{"id":7},{"id":"idCard"},{"id":"photoReceipt"}])"));
}
