// The back-office tables of the store (migration 2), driven directly: idempotent inserts,
// per-day sequence numbers, 容缺 materials, one rating per case with its follow-up.
#include <gtest/gtest.h>

#include "haoban/store/database.h"
#include "haoban/store/office_store.h"

namespace haoban::store {
namespace {

class OfficeStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    database_ = Database::open(":memory:", &error);
    ASSERT_TRUE(database_) << error;
    store_ = std::make_unique<OfficeStore>(*database_);
  }

  NewSubmission submission(const std::string& owner, const std::string& key) {
    return {owner, key, "item", "accepted", "2026-11-27", "2026-12-04", "{\"a\":1}", {}};
  }

  CreateOutcome create(const NewSubmission& s) {
    return store_->create_submission(s, [](int64_t n) { return "R" + std::to_string(n); });
  }

  std::unique_ptr<Database> database_;
  std::unique_ptr<OfficeStore> store_;
};

TEST_F(OfficeStoreTest, ARepeatedKeyReturnsTheFirstRecord) {
  const auto first = create(submission("alice", "k1"));
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.record.receipt_number, "R1");
  const auto again = create(submission("alice", "k1"));
  ASSERT_TRUE(again.ok) << again.error;
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.record.receipt_number, "R1");
  EXPECT_EQ(store_->list_submissions("alice").size(), 1u);
  // Another owner with the same key is another case.
  const auto other = create(submission("bob", "k1"));
  EXPECT_TRUE(other.created);
  EXPECT_EQ(other.record.receipt_number, "R2");
  EXPECT_EQ(store_->find_submission("R2")->owner, "bob");
  EXPECT_EQ(store_->find_submission_by_key("alice", "k1")->receipt_number, "R1");
}

TEST_F(OfficeStoreTest, DeferredMaterialsAreSuppliedOnceBeforeTheirDueDate) {
  auto s = submission("alice", "k1");
  s.status = "pending";
  s.deferred = {{"m1", "2026-12-04", {}, {}}, {"m2", "2026-12-01", {}, {}}};
  const auto created = create(s);
  ASSERT_TRUE(created.ok) << created.error;
  const auto& number = created.record.receipt_number;
  EXPECT_EQ(store_->supply_material(number, "m9", "2026-11-28", "", "done"),
            SupplyOutcome::not_deferred);
  EXPECT_EQ(store_->supply_material(number, "m2", "2026-12-02", "", "done"),
            SupplyOutcome::past_due);
  EXPECT_EQ(store_->supply_material(number, "m1", "2026-12-04", "ref", "done"),
            SupplyOutcome::supplied);
  EXPECT_EQ(store_->supply_material(number, "m1", "2026-12-04", "ref", "done"),
            SupplyOutcome::already_supplied);
  EXPECT_EQ(store_->find_submission(number)->status, "pending");  // m2 still owed
  const auto owed = store_->deferred_materials(number);
  ASSERT_EQ(owed.size(), 2u);
  EXPECT_EQ(owed[0].supplied_on, "2026-12-04");
  EXPECT_EQ(owed[0].reference, "ref");
  EXPECT_FALSE(owed[1].supplied_on);
}

TEST_F(OfficeStoreTest, TheLastSuppliedMaterialCompletesTheCase) {
  auto s = submission("alice", "k1");
  s.status = "pending";
  s.deferred = {{"m1", "2026-12-04", {}, {}}};
  const auto number = create(s).record.receipt_number;
  EXPECT_EQ(store_->supply_material(number, "m1", "2026-11-30", "", "done"),
            SupplyOutcome::supplied);
  EXPECT_EQ(store_->find_submission(number)->status, "done");
}

TEST_F(OfficeStoreTest, OneRatingPerCaseAndApplicantWithItsFollowUp) {
  const auto number = create(submission("alice", "k1")).record.receipt_number;
  std::string error;
  const FollowUpRecord follow_up{number, "alice", 1, "2026-11-27", "2026-12-04", "open"};
  EXPECT_EQ(store_->put_rating({number, "alice", 1, "{}", "2026-11-27"}, follow_up, &error),
            RateOutcome::rated)
      << error;
  EXPECT_EQ(store_->put_rating({number, "alice", 5, "{}", "2026-11-28"}, std::nullopt, &error),
            RateOutcome::already_rated);
  EXPECT_EQ(store_->find_rating(number, "alice")->level, 1);
  EXPECT_EQ(store_->find_follow_up(number, "alice")->due_date, "2026-12-04");
  EXPECT_FALSE(store_->find_rating(number, "bob"));
}

TEST_F(OfficeStoreTest, ALevelOutsideOneToFiveIsRefusedByTheSchema) {
  const auto number = create(submission("alice", "k1")).record.receipt_number;
  std::string error;
  EXPECT_EQ(store_->put_rating({number, "alice", 6, "{}", "2026-11-27"}, std::nullopt, &error),
            RateOutcome::failed);
  EXPECT_FALSE(store_->find_rating(number, "alice"));
}

}  // namespace
}  // namespace haoban::store
