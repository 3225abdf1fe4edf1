// The SQLite store against real files: migrations, drafts, reopening, hostile ids and bodies,
// and files that are not databases.
#include "haoban/store/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "haoban/store/migrations.h"
#include "haoban/store/sqlite_version.h"

namespace fs = std::filesystem;
using haoban::store::Database;

namespace {

// A fresh directory per test, removed afterwards, so tests never see each other's files.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("haoban-store-" + std::string(info->test_suite_name()) +
                                         "-" + info->name() + "-" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::unique_ptr<Database> open_ok(const std::string& path) {
  std::string error;
  auto db = Database::open(path, &error);
  EXPECT_NE(db, nullptr) << error;
  EXPECT_EQ(error, "");
  return db;
}

// Reads a single-value pragma or query through a separate connection, to see what is on disk.
std::string query_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    out = text ? reinterpret_cast<const char*>(text) : "<null>";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

TEST(Database, OpenInMemoryAppliesAllMigrations) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->schema_version(), haoban::store::latest_schema_version());
  EXPECT_GE(db->schema_version(), 1);
}

TEST(Database, OpenCreatesTheFileWithSchemaAndWal) {
  TempDir dir;
  const std::string path = dir.file("haoban.sqlite");
  ASSERT_FALSE(fs::exists(path));
  {
    auto db = open_ok(path);
    ASSERT_NE(db, nullptr);
    EXPECT_TRUE(fs::exists(path));
  }
  EXPECT_EQ(query_text(path, "PRAGMA user_version;"),
            std::to_string(haoban::store::latest_schema_version()));
  EXPECT_EQ(query_text(path, "PRAGMA journal_mode;"), "wal");
  EXPECT_EQ(
      query_text(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'drafts';"),
      "drafts");
}

TEST(Database, PutThenGetDraft) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  std::string error;
  ASSERT_TRUE(db->put_draft("draft-1", R"({"name":"张三"})", &error)) << error;
  EXPECT_EQ(db->get_draft("draft-1"), std::optional<std::string>(R"({"name":"张三"})"));
  EXPECT_EQ(db->get_draft("draft-2"), std::nullopt);
}

TEST(Database, PutReplacesAndStampsUpdated) {
  TempDir dir;
  const std::string path = dir.file("d.sqlite");
  {
    auto db = open_ok(path);
    ASSERT_NE(db, nullptr);
    std::string error;
    ASSERT_TRUE(db->put_draft("a", "{\"v\":1}", &error)) << error;
    ASSERT_TRUE(db->put_draft("a", "{\"v\":2}", &error)) << error;
    EXPECT_EQ(db->get_draft("a").value_or(""), "{\"v\":2}");
  }
  EXPECT_EQ(query_text(path, "SELECT count(*) FROM drafts;"), "1");
  // ISO 8601 UTC with milliseconds, e.g. 2026-11-27T23:01:02.345Z.
  const std::string updated = query_text(path, "SELECT updated FROM drafts WHERE id = 'a';");
  EXPECT_EQ(updated.size(), 24u) << updated;
  EXPECT_EQ(updated.back(), 'Z') << updated;
}

TEST(Database, ReopenFindsTheDraftAndKeepsTheVersion) {
  TempDir dir;
  const std::string path = dir.file("reopen.sqlite");
  {
    auto db = open_ok(path);
    ASSERT_NE(db, nullptr);
    std::string error;
    ASSERT_TRUE(db->put_draft("kept", "{\"step\":3}", &error)) << error;
  }
  auto again = open_ok(path);
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->schema_version(), haoban::store::latest_schema_version());
  EXPECT_EQ(again->get_draft("kept").value_or("<missing>"), "{\"step\":3}");
}

TEST(Database, SqlMetacharactersAreStoredVerbatim) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  const std::string hostile_ids[] = {
      "'; DROP TABLE drafts; --",  "\" OR 1=1 --", "a'b\"c`d[e]f%g_h\\i", "?1 ?2 :name @x $y",
      "身份证'11010519491231002X",
  };
  std::string error;
  for (const auto& id : hostile_ids) {
    const std::string body = "{\"id\":\"" + id + "\",\"sql\":\"'); DELETE FROM drafts; --\"}";
    ASSERT_TRUE(db->put_draft(id, body, &error)) << id << ": " << error;
  }
  for (const auto& id : hostile_ids) {
    const std::string body = "{\"id\":\"" + id + "\",\"sql\":\"'); DELETE FROM drafts; --\"}";
    EXPECT_EQ(db->get_draft(id).value_or("<missing>"), body) << id;
  }
  // LIKE-style wildcards are not wildcards in an equality lookup.
  EXPECT_EQ(db->get_draft("%"), std::nullopt);
}

TEST(Database, BodiesWithNulAndNonUtf8BytesRoundTrip) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  const std::string body("a\0b\xff\xfe\n'\"", 8);
  std::string error;
  ASSERT_TRUE(db->put_draft("bytes", body, &error)) << error;
  auto got = db->get_draft("bytes");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->size(), body.size());
  EXPECT_EQ(*got, body);
}

TEST(Database, EmptyBodyIsAllowedButEmptyIdIsNot) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  std::string error;
  EXPECT_TRUE(db->put_draft("empty", "", &error)) << error;
  EXPECT_EQ(db->get_draft("empty"), std::optional<std::string>(""));
  EXPECT_FALSE(db->put_draft("", "{}", &error));
  EXPECT_NE(error.find("id"), std::string::npos) << error;
  EXPECT_EQ(db->get_draft(""), std::nullopt);
}

TEST(Database, OversizedInputIsRefusedNotTruncated) {
  auto db = open_ok(":memory:");
  ASSERT_NE(db, nullptr);
  std::string error;
  EXPECT_FALSE(db->put_draft(std::string(257, 'x'), "{}", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_TRUE(db->put_draft(std::string(256, 'x'), "{}", &error)) << error;

  error.clear();
  const std::string huge(8 * 1024 * 1024 + 1, ' ');
  EXPECT_FALSE(db->put_draft("huge", huge, &error));
  EXPECT_NE(error.find("body"), std::string::npos) << error;
  EXPECT_EQ(db->get_draft("huge"), std::nullopt);

  const std::string one_mb(1024 * 1024, 'y');
  EXPECT_TRUE(db->put_draft("1mb", one_mb, &error)) << error;
  EXPECT_EQ(db->get_draft("1mb").value_or("").size(), one_mb.size());
}

TEST(Database, ANonDatabaseFileFailsCleanly) {
  TempDir dir;
  const std::string path = dir.file("not-a-db.sqlite");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 200; ++i) out << "this is a text file, not a SQLite database\n";
  }
  std::string error;
  auto db = Database::open(path, &error);
  EXPECT_EQ(db, nullptr);
  EXPECT_NE(error.find("not a database"), std::string::npos) << error;
  // The file is left as it was.
  EXPECT_EQ(fs::file_size(path), 200u * 43u);
}

TEST(Database, AMissingDirectoryFailsCleanly) {
  TempDir dir;
  std::string error;
  auto db = Database::open(dir.file("no/such/dir/haoban.sqlite"), &error);
  EXPECT_EQ(db, nullptr);
  EXPECT_NE(error.find("unable to open"), std::string::npos) << error;
}

TEST(Database, EmptyPathFailsCleanlyAndNullErrorIsAllowed) {
  std::string error;
  EXPECT_EQ(Database::open("", &error), nullptr);
  EXPECT_FALSE(error.empty());
  TempDir dir;
  EXPECT_EQ(Database::open(dir.file("missing/x.sqlite"), nullptr), nullptr);
}

TEST(Database, ANewerSchemaIsRefused) {
  TempDir dir;
  const std::string path = dir.file("future.sqlite");
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version = 999;", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  std::string error;
  EXPECT_EQ(Database::open(path, &error), nullptr);
  EXPECT_NE(error.find("newer"), std::string::npos) << error;
  EXPECT_EQ(query_text(path, "PRAGMA user_version;"), "999");
}

TEST(Database, AFailedMigrationRollsBack) {
  TempDir dir;
  const std::string path = dir.file("clash.sqlite");
  {
    // A version-0 database that already holds a table named drafts: migration 1 must fail
    // and leave both the table and the version untouched.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE drafts (x INTEGER);", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  std::string error;
  EXPECT_EQ(Database::open(path, &error), nullptr);
  EXPECT_NE(error.find("migration 1"), std::string::npos) << error;
  EXPECT_EQ(query_text(path, "PRAGMA user_version;"), "0");
  EXPECT_EQ(query_text(path, "SELECT sql FROM sqlite_schema WHERE name = 'drafts';"),
            "CREATE TABLE drafts (x INTEGER)");
}

TEST(Database, TwoConnectionsShareTheFile) {
  TempDir dir;
  const std::string path = dir.file("shared.sqlite");
  auto first = open_ok(path);
  auto second = open_ok(path);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  std::string error;
  ASSERT_TRUE(first->put_draft("from-first", "{}", &error)) << error;
  EXPECT_EQ(second->get_draft("from-first"), std::optional<std::string>("{}"));
}

TEST(SqliteVersion, IsTheBundledAmalgamation) {
  EXPECT_EQ(haoban::store::sqlite_version(), SQLITE_VERSION);
  EXPECT_EQ(haoban::store::sqlite_version().rfind("3.", 0), 0u);
}

}  // namespace
