#include "storage/sqlite/sqlite_database.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "storage/sql/database.h"
#include "testing/test_env.h"

namespace keyline::sqlite {
namespace {

using sql::Conn;
using sql::ResultSet;

std::unique_ptr<SqliteDatabase> MustOpen(const SqliteOptions& options) {
  auto db = SqliteDatabase::Open(options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(db).value() : nullptr;
}

std::string Pragma(sql::Database& db, const std::string& name, bool writer) {
  std::string value;
  auto fn = [&](Conn& c) -> Status {
    KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query("PRAGMA " + name, {}));
    value = rs.GetText(0, 0);
    return Status::Ok();
  };
  Status s = writer ? db.Write(fn) : db.Read(fn);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return value;
}

TEST(SqliteDatabaseTest, CreatesParentDirectoryAndAppliesPragmas) {
  testing::TempDir dir;
  std::string path = dir.path() + "/a/b/k.db";
  auto db = MustOpen({.path = path, .pool_size = 2});
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(Pragma(*db, "journal_mode", true), "wal");
  // The writer commits with NORMAL; durability comes from the syncer's fdatasync of the WAL.
  EXPECT_EQ(Pragma(*db, "synchronous", true), "1");
  EXPECT_EQ(Pragma(*db, "synchronous", false), "2");  // readers keep FULL (they never write)
  EXPECT_EQ(Pragma(*db, "foreign_keys", true), "1");
  EXPECT_EQ(Pragma(*db, "foreign_keys", false), "1");
  EXPECT_EQ(Pragma(*db, "query_only", false), "1");
  EXPECT_EQ(Pragma(*db, "busy_timeout", false), "5000");
}

TEST(SqliteDatabaseTest, SynchronousNormalFromUrl) {
  testing::TempDir dir;
  auto db = sql::OpenDatabase("sqlite:" + dir.path() + "/k.db?synchronous=normal", 1);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ(Pragma(**db, "synchronous", true), "1");  // NORMAL
  auto* sqlite_db = dynamic_cast<SqliteDatabase*>(db->get());
  ASSERT_NE(sqlite_db, nullptr);
  EXPECT_EQ(sqlite_db->Stats().wal_syncs, 0);  // no syncer: NORMAL means no fsync per write
}

TEST(SqliteDatabaseTest, ReadersCannotWrite) {
  testing::TempDir dir;
  auto db = MustOpen({.path = dir.path() + "/k.db", .pool_size = 1});
  ASSERT_TRUE(db->Write([](Conn& c) { return c.ExecScript("CREATE TABLE t (a INTEGER)"); }).ok());
  Status s = db->Read([](Conn& c) { return c.Exec("INSERT INTO t VALUES (1)", {}).status(); });
  EXPECT_FALSE(s.ok());
}

TEST(SqliteDatabaseTest, NestedWriteIsRejectedNotDeadlocked) {
  testing::TempDir dir;
  auto db = MustOpen({.path = dir.path() + "/k.db", .pool_size = 1});
  Status inner;
  Status outer = db->Write([&](Conn&) {
    inner = db->Write([](Conn&) { return Status::Ok(); });
    return Status::Ok();
  });
  EXPECT_TRUE(outer.ok());
  EXPECT_EQ(inner.code(), ErrorCode::kInternal);
}

TEST(SqliteDatabaseTest, QueryTakesOneStatement) {
  testing::TempDir dir;
  auto db = MustOpen({.path = dir.path() + "/k.db", .pool_size = 1});
  Status s = db->Write([](Conn& c) { return c.Query("SELECT 1; SELECT 2", {}).status(); });
  EXPECT_EQ(s.code(), ErrorCode::kInternal);
  Status trailing = db->Write([](Conn& c) { return c.Query("SELECT 1;  \n", {}).status(); });
  EXPECT_TRUE(trailing.ok()) << trailing.ToString();
}

TEST(SqliteDatabaseTest, WrongParameterCountIsInternal) {
  testing::TempDir dir;
  auto db = MustOpen({.path = dir.path() + "/k.db", .pool_size = 1});
  Status s = db->Read([](Conn& c) { return c.Query("SELECT $1, $2", {int64_t{1}}).status(); });
  EXPECT_EQ(s.code(), ErrorCode::kInternal);
}

// Group commit: concurrent writers share COMMITs, and each job's failure stays its own.
TEST(SqliteDatabaseTest, GroupCommitBatchesConcurrentWriters) {
  testing::TempDir dir;
  auto db = MustOpen({.path = dir.path() + "/k.db", .pool_size = 2});
  ASSERT_TRUE(db->Write([](Conn& c) {
                  return c.ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
                }).ok());
  SqliteStats before = db->Stats();
  constexpr int kThreads = 8;
  constexpr int kWrites = 200;
  std::vector<std::thread> threads;
  std::atomic<int> conflicts{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        Status s = db->Write([&](Conn& c) -> Status {
          KL_RETURN_IF_ERROR(c.Exec("INSERT INTO t (id, v) VALUES ($1, $2)",
                                    {int64_t{t * kWrites + i}, std::string("v")})
                                 .status());
          // Every thread also tries to insert id -1 once per 50 writes: only the first
          // attempt wins, the others get kConflict without disturbing their batch mates.
          if (i % 50 == 0) {
            return c.Exec("INSERT INTO t (id, v) VALUES ($1, $2)", {int64_t{-1}, std::string()})
                .status();
          }
          return Status::Ok();
        });
        if (s.code() == ErrorCode::kConflict) ++conflicts;
      }
    });
  }
  for (auto& th : threads) th.join();
  SqliteStats after = db->Stats();
  int64_t jobs = after.write_jobs - before.write_jobs;
  int64_t commits = after.commits - before.commits;
  std::cout << "[ group commit ] jobs=" << jobs << " commits=" << commits
            << " max_batch=" << after.max_batch << "\n";
  EXPECT_EQ(jobs, kThreads * kWrites);
  EXPECT_LT(commits, jobs);
  EXPECT_GT(after.max_batch, 1);
  EXPECT_EQ(conflicts.load(), kThreads * (kWrites / 50) - 1);
  // Every acknowledged commit waited for an fdatasync of the WAL; one sync may cover several.
  int64_t syncs = after.wal_syncs - before.wal_syncs;
  EXPECT_GE(syncs, 1);
  EXPECT_LE(syncs, commits);

  int64_t rows = 0;
  ASSERT_TRUE(db->Read([&](Conn& c) -> Status {
                  KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query("SELECT COUNT(*) FROM t", {}));
                  rows = rs.GetInt(0, 0);
                  return Status::Ok();
                }).ok());
  // Successful jobs: all but the conflicting ones; plus the single id -1 row.
  EXPECT_EQ(rows, kThreads * kWrites - conflicts.load() + 1);
}

TEST(SqliteDatabaseTest, CloseServesQueuedWritesFirst) {
  testing::TempDir dir;
  std::string path = dir.path() + "/k.db";
  {
    auto db = MustOpen({.path = path, .pool_size = 1});
    ASSERT_TRUE(db->Write([](Conn& c) { return c.ExecScript("CREATE TABLE t (a INTEGER)"); }).ok());
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 4; ++i) {
      threads.emplace_back([&] {
        if (db->Write([](Conn& c) {
                return c.Exec("INSERT INTO t VALUES (1)", {}).status();
              }).ok()) {
          ++ok;
        }
      });
    }
    for (auto& th : threads) th.join();
    db->Close();
    EXPECT_EQ(ok.load(), 4);
  }
  auto db = MustOpen({.path = path, .pool_size = 1});
  int64_t n = 0;
  ASSERT_TRUE(db->Read([&](Conn& c) -> Status {
                  KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query("SELECT COUNT(*) FROM t", {}));
                  n = rs.GetInt(0, 0);
                  return Status::Ok();
                }).ok());
  EXPECT_EQ(n, 4);
}

}  // namespace
}  // namespace keyline::sqlite
