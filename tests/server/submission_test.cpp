// Submissions: the stub re-checks with the same core, answers 409 with the 一次性告知单 when a
// client claimed ready wrongly, issues a receipt (受理编号, status, 承诺办结日期) once per
// Idempotency-Key, keeps each user to their own cases, and takes 容缺 materials until due.
#include <algorithm>
#include <thread>

#include "http/receipt_number.h"
#include "office_fixture.h"

namespace haoban::testing {
namespace {

using nlohmann::json;

class SubmissionTest : public OfficeTest {
 protected:
  void SetUp() override {
    OfficeTest::SetUp();
    start();
    mother_ = login("chen-fang-new-mother");
  }

  json list(const std::string& token) { return body_of(get("/api/v1/submissions", token)); }

  std::string mother_;
};

TEST_F(SubmissionTest, ACompleteApplicationGetsAReceipt) {
  const auto result = submit(mother_, newborn_medical_insurance());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  const json receipt = body_of(result);
  const std::string number = receipt["receiptNumber"];
  EXPECT_TRUE(http::is_valid_receipt_number(number)) << number;
  EXPECT_EQ(number.substr(0, 22), "GZ20261127000121028000");  // date + the item's 基本编码
  EXPECT_EQ(number.substr(22, 6), "000001");                  // first of the day
  EXPECT_EQ(receipt["id"], number);
  EXPECT_EQ(receipt["itemId"], "gz-resident-medical-insurance");
  EXPECT_EQ(receipt["status"], "accepted");
  EXPECT_EQ(receipt["receivedOn"], "2026-11-27");
  EXPECT_EQ(receipt["promisedDate"], "2026-11-27");  // 即时办结: 0 working days
  EXPECT_TRUE(receipt["deferredMaterials"].empty());
  EXPECT_EQ(result->get_header_value("Location"), "/api/v1/submissions/" + number);
}

TEST_F(SubmissionTest, ARepeatedKeyReturnsTheSameReceiptAndCreatesNothing) {
  const json first = body_of(submit(mother_, newborn_medical_insurance()));
  for (int i = 0; i < 3; ++i) {
    const auto again = submit(mother_, newborn_medical_insurance());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200) << again->body;
    EXPECT_EQ(again->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(body_of(again), first);
  }
  // A retry on a later day (the package would now be dated anew) still finds its receipt.
  const std::string key = first["idempotencyKey"];
  today_ = {2026, 11, 30};
  const auto late = submit(mother_, newborn_medical_insurance(), key);
  EXPECT_EQ(late->status, 200);
  EXPECT_EQ(body_of(late), first);
  EXPECT_EQ(list(mother_)["submissions"].size(), 1u);
  // A different package has a different digest: a different case, the day's next number.
  today_ = {2026, 11, 27};
  json changed = newborn_medical_insurance();
  changed["answers"]["bankAccount"] = "6222020000000000000";
  const json second = body_of(submit(mother_, changed));
  ASSERT_TRUE(second.contains("receiptNumber")) << second;
  EXPECT_EQ(second["receiptNumber"].get<std::string>().substr(22, 6), "000002");
  EXPECT_NE(second["idempotencyKey"], first["idempotencyKey"]);
  EXPECT_EQ(list(mother_)["submissions"].size(), 2u);
}

TEST_F(SubmissionTest, TheKeyMustBeTheDigestOfThePackageTheStubRecomputes) {
  const std::string expected = package_key(mother_, newborn_medical_insurance());
  ASSERT_EQ(expected.size(), 64u);
  const auto result = submit(mother_, newborn_medical_insurance(), key_for(1));
  ASSERT_EQ(result->status, 422) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(body["error"]["type"], "idempotency_key_mismatch");
  EXPECT_EQ(body["expectedKey"], expected);
  EXPECT_EQ(body["package"]["itemId"], "gz-resident-medical-insurance");
  EXPECT_EQ(body["package"]["submittedOn"], "2026-11-27");
  // A client that checked on another day computed another package (submittedOn differs).
  today_ = {2026, 11, 26};
  const std::string yesterdays = package_key(mother_, newborn_medical_insurance());
  today_ = {2026, 11, 27};
  EXPECT_NE(yesterdays, expected);
  EXPECT_EQ(submit(mother_, newborn_medical_insurance(), yesterdays)->status, 422);
  EXPECT_TRUE(list(mother_)["submissions"].empty());
  EXPECT_EQ(submit(mother_, newborn_medical_insurance(), expected)->status, 201);
}

TEST_F(SubmissionTest, ConcurrentDuplicatesCreateOneCase) {
  const json package = newborn_medical_insurance();
  const std::string key = package_key(mother_, package);
  constexpr int kThreads = 8;
  std::vector<int> statuses(kThreads);
  std::vector<std::string> numbers(kThreads);
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        auto c = client();
        const auto result = c.Post("/api/v1/submissions", auth(mother_, {{"Idempotency-Key", key}}),
                                   package.dump(), "application/json");
        if (!result) return;
        statuses[i] = result->status;
        numbers[i] = body_of(result).value("receiptNumber", "");
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), kThreads - 1);
  for (const auto& number : numbers) EXPECT_EQ(number, numbers.front());
  EXPECT_EQ(list(mother_)["submissions"].size(), 1u);
}

TEST_F(SubmissionTest, ABundleIsCheckedAsOneCase) {
  json birth = read_json_file(std::filesystem::path(HAOBAN_SOURCE_DIR) /
                              "tests/data/check/birth-one-thing.pass.json");
  birth.erase("bundle");
  birth["bundleId"] = "birth-one-thing";
  birth["claimedReady"] = true;
  const auto result = submit(mother_, birth);
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 201) << result->body;
  const json receipt = body_of(result);
  EXPECT_EQ(receipt["itemId"], "birth-one-thing");
  EXPECT_TRUE(http::is_valid_receipt_number(receipt["receiptNumber"].get<std::string>()));
  EXPECT_EQ(receipt["idempotencyKey"], package_key(mother_, birth));
  const json detail =
      body_of(get("/api/v1/submissions/" + receipt["id"].get<std::string>(), mother_));
  EXPECT_EQ(detail["package"]["bundleId"], "birth-one-thing");

  // Without the insurance registration form the bundle blocks: 409 with the notice.
  birth["materials"].erase("gz-resident-medical-insurance");
  const auto refused = submit(mother_, birth);
  ASSERT_EQ(refused->status, 409) << refused->body;
  const json body = body_of(refused);
  EXPECT_EQ(body["notice"]["kind"], "bundle");
  bool form_missing = false;
  for (const auto& problem : body["problems"]) {
    form_missing |=
        problem["path"] == "registrationForm" && problem["item"] == "gz-resident-medical-insurance";
  }
  EXPECT_TRUE(form_missing) << body["problems"];
}

TEST_F(SubmissionTest, AClaimedReadyApplicationTheStubRejectsIs409WithTheNotice) {
  json package = newborn_medical_insurance();
  package["answers"].erase("bankAccount");
  package["answers"]["contactMobile"] = "12345";
  package["materials"].erase("registrationForm");
  const auto result = submit(mother_, package, key_for(7));  // the key is not even looked at
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 409) << result->body;
  const json body = body_of(result);
  EXPECT_EQ(body["error"]["type"], "recheck_disagrees");
  // The notice is the core's 一次性告知单, as the client renders it; problems flatten it.
  EXPECT_EQ(body["notice"]["ready"], false);
  EXPECT_EQ(body["notice"]["kind"], "item");
  EXPECT_EQ(body["notice"]["summary"]["fieldErrors"], 2);
  EXPECT_EQ(body["notice"]["summary"]["missingMaterials"], 1);
  std::map<std::string, std::string> problems;  // path → code
  for (const auto& problem : body["problems"]) {
    EXPECT_FALSE(problem["zh"].get<std::string>().empty());
    problems[problem["path"].get<std::string>()] = problem["code"].get<std::string>();
  }
  EXPECT_EQ(problems["bankAccount"], "required");
  EXPECT_TRUE(problems.count("contactMobile"));
  EXPECT_EQ(problems["registrationForm"], "required_missing");
  EXPECT_TRUE(list(mother_)["submissions"].empty());  // nothing was accepted
}

TEST_F(SubmissionTest, AnIncompleteApplicationNotClaimedReadyIs422) {
  json package = newborn_medical_insurance();
  package["claimedReady"] = false;
  package["answers"].erase("insuredName");
  const auto result = submit(mother_, package, key_for(8));
  EXPECT_EQ(result->status, 422);
  EXPECT_EQ(body_of(result)["error"]["type"], "incomplete");
}

TEST_F(SubmissionTest, ALicenceTheApplicantDoesNotHoldCannotReplaceAMaterial) {
  // 李明 holds no household register: he cannot claim it as an e-licence.
  json package = newborn_medical_insurance();
  const auto result = submit(login("li-ming-migrant"), package);
  ASSERT_EQ(result->status, 409) << result->body;
  bool refused = false;
  const json body = body_of(result);
  for (const auto& problem : body["problems"]) {
    if (problem["path"] == "householdRegister") refused = problem["code"] == "required_missing";
  }
  EXPECT_TRUE(refused) << result->body;
  for (const auto& material : body["notice"]["materials"]) {
    if (material["id"] == "householdRegister")
      EXPECT_EQ(material["problem"]["code"], "licence_not_held") << material;
  }
}

TEST_F(SubmissionTest, UnknownItemsBadKeysAndBadPackagesAre4xx) {
  json package = newborn_medical_insurance();
  package["itemId"] = "no-such-item";
  EXPECT_EQ(submit(mother_, package, key_for(3))->status, 422);
  EXPECT_EQ(body_of(submit(mother_, package, key_for(3)))["error"]["type"], "unknown_item");
  json both = newborn_medical_insurance();
  both["bundleId"] = "birth-one-thing";
  EXPECT_EQ(submit(mother_, both, key_for(3))->status, 400);
  json old_materials = newborn_medical_insurance();
  old_materials["materials"] = json::array({{{"id", "registrationForm"}, {"via", "upload"}}});
  EXPECT_EQ(submit(mother_, old_materials, key_for(3))->status, 400);
  json bad_revision = newborn_medical_insurance();
  bad_revision["revision"] = "2";
  EXPECT_EQ(submit(mother_, bad_revision, key_for(3))->status, 400);
  EXPECT_EQ(submit(mother_, newborn_medical_insurance(), "abc")->status, 400);
  EXPECT_EQ(submit(mother_, newborn_medical_insurance(), std::string(64, 'G'))->status, 400);
  EXPECT_EQ(post("/api/v1/submissions", mother_, newborn_medical_insurance().dump())->status, 400);
  EXPECT_EQ(submit(mother_, json{{"itemId", "x"}, {"answers", json::array()}}, key_for(4))->status,
            400);
  EXPECT_EQ(post("/api/v1/submissions", mother_, "[[[", {{"Idempotency-Key", key_for(5)}})->status,
            400);
}

TEST_F(SubmissionTest, OtherUsersCasesAreNotFound) {
  const json receipt = body_of(submit(mother_, newborn_medical_insurance()));
  const std::string path = "/api/v1/submissions/" + receipt["id"].get<std::string>();
  ASSERT_EQ(get(path, mother_)->status, 200);
  const std::string stranger = login("wang-qiang-operator");
  for (const auto& target : {path, path + "/rating"}) {
    const auto result = get(target, stranger);
    EXPECT_EQ(result->status, 404) << target;
    EXPECT_EQ(body_of(result)["error"]["type"], "not_found");
  }
  EXPECT_EQ(post(path + "/rating", stranger, R"({"level":5})")->status, 404);
  EXPECT_EQ(post(path + "/materials", stranger, R"({"materialId":"x"})")->status, 404);
  EXPECT_TRUE(list(stranger)["submissions"].empty());
  // A well-formed number of a case nobody has.
  EXPECT_EQ(get("/api/v1/submissions/GZ20261127000000000000000000", mother_)->status, 404);
}

TEST_F(SubmissionTest, TheOwnerSeesTheAcceptedPackage) {
  const json receipt = body_of(submit(mother_, newborn_medical_insurance()));
  const json detail =
      body_of(get("/api/v1/submissions/" + receipt["id"].get<std::string>(), mother_));
  EXPECT_EQ(detail["package"]["answers"]["insuredName"], "林小雨");
  EXPECT_EQ(detail["status"], "accepted");
}

TEST_F(SubmissionTest, ADeferredMaterialIsOwedAndCanBeSuppliedBeforeItsDeadline) {
  const auto result = submit(login("li-ming-migrant"), deferred_demo_package("旺财"));
  ASSERT_EQ(result->status, 201) << result->body;
  json receipt = body_of(result);
  EXPECT_EQ(receipt["status"], "accepted_pending_materials");
  // 5 working days after Friday 2026-11-27.
  EXPECT_EQ(receipt["promisedDate"], "2026-12-04");
  ASSERT_EQ(receipt["deferredMaterials"].size(), 1u);
  EXPECT_EQ(receipt["deferredMaterials"][0]["materialId"], "vaccination");
  EXPECT_EQ(receipt["deferredMaterials"][0]["dueDate"], "2026-12-04");
  EXPECT_TRUE(receipt["deferredMaterials"][0]["suppliedOn"].is_null());

  const std::string token = login("li-ming-migrant");
  const std::string path = "/api/v1/submissions/" + receipt["id"].get<std::string>() + "/materials";
  EXPECT_EQ(post(path, token, R"({"materialId":"idCard"})")->status, 404);  // not owed
  today_ = {2026, 12, 4};                                                   // the last day
  const auto supplied = post(path, token, R"({"materialId":"vaccination","reference":"F-1"})");
  ASSERT_EQ(supplied->status, 200) << supplied->body;
  receipt = body_of(supplied);
  EXPECT_EQ(receipt["status"], "accepted");
  EXPECT_EQ(receipt["deferredMaterials"][0]["suppliedOn"], "2026-12-04");
  EXPECT_EQ(post(path, token, R"({"materialId":"vaccination"})")->status, 409);
}

TEST_F(SubmissionTest, ADeferredMaterialAfterItsDeadlineIsRefused) {
  const std::string token = login("li-ming-migrant");
  const json receipt = body_of(submit(token, deferred_demo_package("大黄")));
  today_ = {2026, 12, 5};
  const auto late = post("/api/v1/submissions/" + receipt["id"].get<std::string>() + "/materials",
                         token, R"({"materialId":"vaccination"})");
  EXPECT_EQ(late->status, 409);
  EXPECT_EQ(body_of(late)["error"]["type"], "past_due");
}

TEST_F(SubmissionTest, ABusinessCannotApplyForACitizensItem) {
  const auto result = submit(login("huang-ji-noodles"), deferred_demo_package("x"));
  ASSERT_EQ(result->status, 422) << result->body;
  EXPECT_EQ(body_of(result)["error"]["type"], "wrong_audience");
  EXPECT_EQ(body_of(result)["error"]["zh"], "该事项不面向法人办理。");
}

TEST(ReceiptNumber, CheckCharacterCatchesSingleErrorsAndAdjacentTranspositions) {
  const auto number = http::make_receipt_number({2026, 11, 27}, "000121028000", 42);
  ASSERT_TRUE(number);
  EXPECT_EQ(number->size(), http::kReceiptNumberLength);
  EXPECT_TRUE(http::is_valid_receipt_number(*number));
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (size_t i = 2; i < number->size(); ++i) {
    for (const char c : std::string_view(kAlphabet)) {
      if (c == (*number)[i]) continue;
      std::string changed = *number;
      changed[i] = c;
      EXPECT_FALSE(http::is_valid_receipt_number(changed)) << changed;
    }
    if (i + 1 < number->size() && (*number)[i] != (*number)[i + 1]) {
      std::string swapped = *number;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(http::is_valid_receipt_number(swapped)) << swapped;
    }
  }
  EXPECT_FALSE(http::make_receipt_number({2026, 11, 27}, "000121028000", 1'000'000));
  EXPECT_FALSE(http::make_receipt_number({2026, 11, 27}, "000121028000", 0));
}

}  // namespace
}  // namespace haoban::testing
