// The applicant-side tables of migration 3: the submission outbox (idempotent enqueue, the
// queued → sending → sent/failed states, attempts and exponential backoff from a host-given
// now, lease expiry), receipts, the cached catalogue with version and ETag, and listing and
// deleting drafts. Also: a version-2 file (the stub's, before this migration) upgrades in place.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "haoban/store/catalog_cache.h"
#include "haoban/store/database.h"
#include "haoban/store/migrations.h"
#include "haoban/store/outbox.h"
#include "haoban/store/receipts.h"

namespace fs = std::filesystem;
using namespace haoban::store;

namespace {

constexpr int64_t kNow = 1'795'000'000'000;  // 2026-11-18, any fixed host time will do
const std::string kKey(64, 'a');

std::unique_ptr<Database> memory_db() {
  std::string error;
  auto db = Database::open(":memory:", &error);
  EXPECT_NE(db, nullptr) << error;
  return db;
}

std::unique_ptr<Outbox> outbox_of(Database& db, BackoffPolicy policy = {}) {
  std::string error;
  auto outbox = Outbox::open(db, policy, &error);
  EXPECT_NE(outbox, nullptr) << error;
  return outbox;
}

}  // namespace

TEST(Backoff, DoublesFromTheBaseUpToTheCap) {
  BackoffPolicy p;  // 2 s, cap 10 min
  EXPECT_EQ(backoff_delay_ms(0, p), 0);
  EXPECT_EQ(backoff_delay_ms(1, p), 2'000);
  EXPECT_EQ(backoff_delay_ms(2, p), 4'000);
  EXPECT_EQ(backoff_delay_ms(3, p), 8'000);
  EXPECT_EQ(backoff_delay_ms(9, p), 512'000);
  EXPECT_EQ(backoff_delay_ms(10, p), 600'000);
  EXPECT_EQ(backoff_delay_ms(1'000'000, p), 600'000);  // no overflow however many attempts
}

TEST(Outbox, EnqueueIsIdempotentOnThePackageDigest) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  auto first = outbox->enqueue(kKey, "gz-residence-permit", R"({"answers":{}})", kNow);
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.entry.state, "queued");
  EXPECT_EQ(first.entry.attempts, 0);
  EXPECT_EQ(first.entry.next_attempt_ms, kNow);
  auto again = outbox->enqueue(kKey, "gz-residence-permit", R"({"other":1})", kNow + 5);
  ASSERT_TRUE(again.ok);
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.entry.body, R"({"answers":{}})");  // the first package is kept
  EXPECT_EQ(outbox->pending().size(), 1u);
}

TEST(Outbox, AFailedSendIsRetriedWithExponentialBackoff) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  ASSERT_TRUE(outbox->enqueue(kKey, "item", "{}", kNow).ok);
  ASSERT_EQ(outbox->due(kNow, 10).size(), 1u);
  std::string error;
  ASSERT_TRUE(outbox->begin_send(kKey, kNow, &error)) << error;
  EXPECT_EQ(outbox->find(kKey)->state, "sending");
  EXPECT_TRUE(outbox->due(kNow, 10).empty()) << "a send in flight is not due";
  EXPECT_FALSE(outbox->begin_send(kKey, kNow, &error)) << "a second tab may not send it too";

  ASSERT_TRUE(outbox->mark_retry(kKey, "network down", kNow + 100, &error)) << error;
  auto e = *outbox->find(kKey);
  EXPECT_EQ(e.state, "queued");
  EXPECT_EQ(e.attempts, 1);
  EXPECT_EQ(e.next_attempt_ms, kNow + 100 + 2'000);
  EXPECT_EQ(e.last_error, "network down");
  EXPECT_TRUE(outbox->due(kNow + 2'099, 10).empty());
  EXPECT_EQ(outbox->due(kNow + 2'100, 10).size(), 1u);

  ASSERT_TRUE(outbox->begin_send(kKey, kNow + 2'100, &error));
  ASSERT_TRUE(outbox->mark_retry(kKey, "502", kNow + 2'200, &error));
  e = *outbox->find(kKey);
  EXPECT_EQ(e.attempts, 2);
  EXPECT_EQ(e.next_attempt_ms, kNow + 2'200 + 4'000);

  ASSERT_TRUE(outbox->begin_send(kKey, kNow + 6'200, &error));
  ASSERT_TRUE(outbox->mark_sent(kKey, "GZ2026112700001X", kNow + 6'300, &error)) << error;
  e = *outbox->find(kKey);
  EXPECT_EQ(e.state, "sent");
  EXPECT_EQ(e.attempts, 3);
  EXPECT_EQ(e.receipt_number, "GZ2026112700001X");
  EXPECT_EQ(e.last_error, std::nullopt);
  EXPECT_TRUE(outbox->pending().empty());
  EXPECT_TRUE(outbox->due(kNow + 10'000'000, 10).empty());
  // A duplicate response is fine; a retry of a sent entry is refused.
  EXPECT_TRUE(outbox->mark_sent(kKey, "GZ2026112700001X", kNow + 7'000, &error));
  error.clear();
  EXPECT_FALSE(outbox->mark_retry(kKey, "late", kNow + 7'000, &error));
  EXPECT_FALSE(error.empty());
}

TEST(Outbox, ASendThatNeverReportedBackIsDueAfterItsLease) {
  auto db = memory_db();
  BackoffPolicy policy;
  policy.lease_ms = 30'000;
  auto outbox = outbox_of(*db, policy);
  ASSERT_TRUE(outbox->enqueue(kKey, "item", "{}", kNow).ok);
  std::string error;
  ASSERT_TRUE(outbox->begin_send(kKey, kNow, &error));
  // The tab closed mid-request: no outcome was recorded.
  EXPECT_TRUE(outbox->due(kNow + 29'999, 10).empty());
  ASSERT_EQ(outbox->due(kNow + 30'000, 10).size(), 1u);
  ASSERT_TRUE(outbox->begin_send(kKey, kNow + 30'000, &error));
  EXPECT_EQ(outbox->find(kKey)->attempts, 2);
}

TEST(Outbox, ARefusedSubmissionFailsAndStaysForTheApplicant) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  ASSERT_TRUE(outbox->enqueue(kKey, "item", "{}", kNow).ok);
  std::string error;
  ASSERT_TRUE(outbox->begin_send(kKey, kNow, &error));
  ASSERT_TRUE(outbox->mark_failed(kKey, "422 材料不齐", kNow + 1, &error)) << error;
  const auto e = *outbox->find(kKey);
  EXPECT_EQ(e.state, "failed");
  EXPECT_EQ(e.last_error, "422 材料不齐");
  EXPECT_TRUE(outbox->due(kNow + 10'000'000, 10).empty());
  ASSERT_EQ(outbox->pending().size(), 1u);
  EXPECT_FALSE(outbox->begin_send(kKey, kNow + 10'000'000, &error));
  EXPECT_TRUE(outbox->remove(kKey, &error));
  EXPECT_FALSE(outbox->remove(kKey, &error));
  EXPECT_EQ(outbox->find(kKey), std::nullopt);
}

TEST(Outbox, DueIsOldestFirstAndBounded) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(outbox->enqueue("key-" + std::to_string(i), "item", "{}", kNow + 10 - i).ok);
  const auto due = outbox->due(kNow + 100, 3);
  ASSERT_EQ(due.size(), 3u);
  EXPECT_EQ(due[0].idempotency_key, "key-4");
  EXPECT_EQ(due[1].idempotency_key, "key-3");
  EXPECT_EQ(due[2].idempotency_key, "key-2");
}

TEST(Outbox, HostileInputIsRefusedAndStoredVerbatimOtherwise) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  EXPECT_FALSE(outbox->enqueue("", "item", "{}", kNow).ok);
  EXPECT_FALSE(outbox->enqueue(std::string(129, 'k'), "item", "{}", kNow).ok);
  EXPECT_FALSE(outbox->enqueue("k", "", "{}", kNow).ok);
  EXPECT_FALSE(outbox->enqueue("k", "item", std::string(Outbox::kMaxBodyBytes + 1, 'x'), kNow).ok);
  const std::string key = "'; DROP TABLE outbox; --";
  ASSERT_TRUE(outbox->enqueue(key, "item", "{\"q\":\"');--\"}", kNow).ok);
  EXPECT_EQ(outbox->find(key)->body, "{\"q\":\"');--\"}");
  std::string error;
  EXPECT_FALSE(outbox->mark_retry("missing", "x", kNow, &error));
  EXPECT_NE(error.find("no entry"), std::string::npos) << error;
}

TEST(Outbox, TheNumberOfUnsentEntriesIsBounded) {
  auto db = memory_db();
  auto outbox = outbox_of(*db);
  for (int64_t i = 0; i < Outbox::kMaxUnsent; ++i)
    ASSERT_TRUE(outbox->enqueue("key-" + std::to_string(i), "item", "{}", kNow).ok);
  auto over = outbox->enqueue("one-more", "item", "{}", kNow);
  EXPECT_FALSE(over.ok);
  EXPECT_NE(over.error.find("unsent"), std::string::npos);
  // Sending one frees a place.
  std::string error;
  ASSERT_TRUE(outbox->mark_sent("key-0", "R1", kNow, &error));
  EXPECT_TRUE(outbox->enqueue("one-more", "item", "{}", kNow).ok);
}

TEST(Receipts, PutListNewestFirstAndReplace) {
  auto db = memory_db();
  std::string error;
  auto receipts = Receipts::open(*db, &error);
  ASSERT_NE(receipts, nullptr) << error;
  ASSERT_TRUE(receipts->put({"R-1", kKey, "gz-residence-permit", R"({"n":1})", kNow}, &error));
  ASSERT_TRUE(
      receipts->put({"R-2", "k2", "gz-individual-business", R"({"n":2})", kNow + 1}, &error));
  auto list = receipts->list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].receipt_number, "R-2");
  EXPECT_EQ(list[1].item_id, "gz-residence-permit");
  ASSERT_TRUE(receipts->put({"R-1", kKey, "gz-residence-permit", R"({"n":3})", kNow + 2}, &error));
  EXPECT_EQ(receipts->find("R-1")->body, R"({"n":3})");
  EXPECT_EQ(receipts->list().size(), 2u);
  EXPECT_EQ(receipts->find("R-9"), std::nullopt);
  EXPECT_FALSE(receipts->put({"", kKey, "i", "{}", kNow}, &error));
  EXPECT_FALSE(error.empty());
}

TEST(CatalogCache, KeepsVersionAndEtagPerSlot) {
  auto db = memory_db();
  std::string error;
  auto cache = CatalogCache::open(*db, &error);
  ASSERT_NE(cache, nullptr) << error;
  EXPECT_EQ(cache->get("default"), std::nullopt);
  ASSERT_TRUE(cache->put({"default", "2026.11.1", "\"abc\"", R"({"items":[]})", kNow}, &error));
  auto head = cache->head("default");
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->version, "2026.11.1");
  EXPECT_EQ(head->etag, "\"abc\"");
  EXPECT_EQ(head->body, "");
  ASSERT_TRUE(
      cache->put({"default", "2026.11.2", "W/\"def\"", R"({"items":[1]})", kNow + 1}, &error));
  auto got = cache->get("default");
  EXPECT_EQ(got->version, "2026.11.2");
  EXPECT_EQ(got->etag, "W/\"def\"");
  EXPECT_EQ(got->body, R"({"items":[1]})");
  EXPECT_EQ(got->stored_ms, kNow + 1);
  EXPECT_FALSE(cache->put({"default", "", "", "{}", kNow}, &error));
}

TEST(Drafts, ListNewestFirstWithSizesAndDelete) {
  auto db = memory_db();
  std::string error;
  ASSERT_TRUE(db->put_draft("a", "{}", &error));
  ASSERT_TRUE(db->put_draft("b", "{\"名\":1}", &error));
  auto list = db->list_drafts();
  ASSERT_EQ(list.size(), 2u);
  for (const auto& d : list) {
    EXPECT_FALSE(d.updated.empty());
    EXPECT_EQ(d.bytes, d.id == "a" ? 2u : std::string("{\"名\":1}").size());
  }
  EXPECT_TRUE(db->delete_draft("a", &error));
  EXPECT_FALSE(db->delete_draft("a", &error));
  EXPECT_EQ(db->get_draft("a"), std::nullopt);
  ASSERT_EQ(db->list_drafts().size(), 1u);
  EXPECT_EQ(db->list_drafts()[0].id, "b");
}

TEST(Migrations, AVersion2FileUpgradesKeepingItsRows) {
  const fs::path dir = fs::temp_directory_path() / ("haoban-v2-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "v2.sqlite").string();
  {
    // Build a version-2 file by hand: migrations 1 and 2's drafts table with one row.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "CREATE TABLE drafts (id TEXT PRIMARY KEY NOT NULL, body TEXT NOT NULL, "
                           "updated TEXT NOT NULL) STRICT;"
                           "INSERT INTO drafts VALUES ('kept', '{\"step\":2}', '2026-01-01');"
                           "PRAGMA user_version = 2;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  std::string error;
  auto db = Database::open(path, &error);
  ASSERT_NE(db, nullptr) << error;
  EXPECT_EQ(db->schema_version(), 3);
  EXPECT_EQ(db->get_draft("kept"), std::optional<std::string>("{\"step\":2}"));
  auto outbox = Outbox::open(*db, {}, &error);
  ASSERT_NE(outbox, nullptr) << error;
  EXPECT_TRUE(outbox->enqueue(kKey, "item", "{}", kNow).ok);
  db.reset();
  fs::remove_all(dir);
}
