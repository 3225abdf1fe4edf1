// The back-office tables of the store (migration 2), driven directly: idempotent inserts,
// per-day sequence numbers, 容缺 materials, one rating per case with its follow-up.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <thread>
#include <vector>

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

// Group commit, made deterministic: while the test holds the connection, the first caller
// takes itself as a group and blocks on it; seven more queue. Released, they are written as
// ONE second group — a duplicate key in it yields one record, and a submission whose insert
// fails (its receipt number is taken) fails alone while the others commit.
TEST_F(OfficeStoreTest, CallersThatQueueDuringACommitAreWrittenAsOneGroup) {
  std::vector<CreateOutcome> outcomes(8);
  std::vector<NewSubmission> submissions;
  for (int i = 0; i < 8; ++i) submissions.push_back(submission("alice", "k" + std::to_string(i)));
  submissions[3].idempotency_key = "k2";  // a concurrent duplicate of caller 2
  const auto numbered = [](int64_t n) { return "R" + std::to_string(n); };
  const auto taken = [](int64_t) { return std::string("R1"); };  // caller 0's number
  std::vector<std::thread> callers;
  {
    std::unique_lock connection(database_->connection_mutex());
    callers.emplace_back(
        [&] { outcomes[0] = store_->create_submission(submissions[0], numbered); });
    while (!store_->group_commit_stats().writing) std::this_thread::yield();
    for (int i = 1; i < 8; ++i) {
      callers.emplace_back([&, i] {
        outcomes[i] = i == 5 ? store_->create_submission(submissions[i], taken)
                             : store_->create_submission(submissions[i], numbered);
      });
    }
    while (store_->group_commit_stats().waiting < 7) std::this_thread::yield();
  }
  for (auto& caller : callers) caller.join();
  const auto stats = store_->group_commit_stats();
  EXPECT_EQ(stats.groups, 2u);
  EXPECT_EQ(stats.submissions, 8u);
  for (int i = 0; i < 8; ++i) {
    if (i == 5) continue;
    ASSERT_TRUE(outcomes[i].ok) << i << ": " << outcomes[i].error;
    EXPECT_EQ(
        store_->find_submission_by_key("alice", submissions[i].idempotency_key)->receipt_number,
        outcomes[i].record.receipt_number);
  }
  EXPECT_FALSE(outcomes[5].ok);
  EXPECT_NE(outcomes[5].error.find("insert submission"), std::string::npos) << outcomes[5].error;
  EXPECT_FALSE(store_->find_submission_by_key("alice", "k5"));
  EXPECT_NE(outcomes[2].created, outcomes[3].created);  // one created it, one got it back
  EXPECT_EQ(outcomes[2].record.receipt_number, outcomes[3].record.receipt_number);
  EXPECT_EQ(store_->list_submissions("alice").size(), 6u);  // 8 callers, 1 duplicate, 1 failed
}

// On a file the store reads through its own second connection (WAL): every acknowledged
// submission is visible there at once, and concurrent duplicates still make one record.
TEST(OfficeStoreOnFile, ConcurrentSubmissionsAreReadBackThroughTheReader) {
  std::random_device random;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("haoban-office-store-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(dir);
  {
    std::string error;
    auto database = Database::open((dir / "office.sqlite").string(), &error);
    ASSERT_TRUE(database) << error;
    // synchronous=NORMAL: this checks visibility and idempotency, not the disk's speed.
    OfficeStore store(*database, OfficeStore::Durability::normal);
    std::vector<std::thread> callers;
    std::vector<int> created(4, 0);
    for (int t = 0; t < 4; ++t) {
      callers.emplace_back([&, t] {
        for (int i = 0; i < 25; ++i) {
          // Callers 0/1 and 2/3 send the same 25 keys at once: 50 records in all.
          const std::string key = "k" + std::to_string(t / 2) + "-" + std::to_string(i);
          const NewSubmission s{"bob",        key,          "item", "accepted",
                                "2026-11-27", "2026-12-04", "{}",   {{"m1", "2026-12-04", {}, {}}}};
          const auto outcome =
              store.create_submission(s, [](int64_t n) { return "F" + std::to_string(n); });
          ASSERT_TRUE(outcome.ok) << outcome.error;
          created[t] += outcome.created ? 1 : 0;
          const auto read = store.find_submission_by_key("bob", key);
          ASSERT_TRUE(read);
          EXPECT_EQ(read->receipt_number, outcome.record.receipt_number);
          EXPECT_EQ(store.deferred_materials(read->receipt_number).size(), 1u);
        }
      });
    }
    for (auto& caller : callers) caller.join();
    EXPECT_EQ(created[0] + created[1], 25);
    EXPECT_EQ(created[2] + created[3], 25);
    EXPECT_EQ(store.list_submissions("bob").size(), 50u);
    EXPECT_EQ(store.group_commit_stats().submissions, 100u);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace haoban::store
