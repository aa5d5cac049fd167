// The sql::Database contract, run against every backend: SQLite always, PostgreSQL when
// PG_TEST_DSN is set (scripts/with-pg.sh); with KEYLINE_REQUIRE_PG=1 a missing server fails.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <iostream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "storage/pg/pg_database.h"
#include "storage/sql/database.h"
#include "storage/sqlite/sqlite_database.h"
#include "testing/test_env.h"

namespace keyline::sql {
namespace {

enum class Backend { kSqlite, kPostgres };

constexpr char kSchema[] = R"sql(
CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  qty BIGINT CHECK (qty IS NULL OR qty >= 0),
  big BIGINT,
  price DOUBLE PRECISION,
  note TEXT
);
CREATE TABLE tags (
  item_id BIGINT NOT NULL REFERENCES items(id),
  tag TEXT NOT NULL
);
CREATE TABLE log (
  thread INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (thread, seq)
);
)sql";

constexpr char kInsertItem[] =
    "INSERT INTO items (id, name, qty, big, price, note) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr char kCountItems[] = "SELECT COUNT(*) FROM items";

int64_t PreparedStatements(Database* db) {
  if (auto* s = dynamic_cast<sqlite::SqliteDatabase*>(db)) return s->Stats().statements_prepared;
  if (auto* p = dynamic_cast<pg::PgDatabase*>(db)) return p->Stats().statements_prepared;
  return -1;
}

class DatabaseContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      url_ = "sqlite:" + dir_.path() + "/nested/dir/keyline.db";
    } else {
      KL_ASSIGN_FRESH_PG_URL_OR_SKIP(url_);
    }
    Reopen();
    ASSERT_TRUE(db_->Write([](Conn& c) { return c.ExecScript(kSchema); }).ok());
  }

  void TearDown() override {
    if (db_) db_->Close();
  }

  void Reopen() {
    if (db_) db_->Close();
    db_.reset();
    auto db = OpenDatabase(url_, 4);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  Status InsertItem(int64_t id, const std::string& name) {
    return db_->Write([&](Conn& c) -> Status {
      KL_ASSIGN_OR_RETURN(int64_t n,
                          c.Exec(kInsertItem, {id, name, Null(), Null(), Null(), Null()}));
      if (n != 1) return Status::Internal("expected one inserted row");
      return Status::Ok();
    });
  }

  int64_t Count(const std::string& sql) {
    int64_t n = -1;
    Status s = db_->Read([&](Conn& c) -> Status {
      KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query(sql, {}));
      n = rs.GetInt(0, 0, -1);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return n;
  }

  testing::TempDir dir_;
  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_P(DatabaseContractTest, ReportsDialect) {
  EXPECT_EQ(db_->dialect(), GetParam() == Backend::kSqlite ? Dialect::kSqlite : Dialect::kPostgres);
}

TEST_P(DatabaseContractTest, AllValueTypesRoundTrip) {
  const int64_t kBig = std::numeric_limits<int64_t>::max();
  const int64_t kSmall = std::numeric_limits<int64_t>::min();
  const std::string kChinese = "延塔区第三网格·张伟（测试）🙂";
  ASSERT_TRUE(db_->Write([&](Conn& c) -> Status {
                   KL_RETURN_IF_ERROR(
                       c.Exec(kInsertItem, {int64_t{1}, kChinese, int64_t{7}, kBig, 3.25, Null()})
                           .status());
                   return c
                       .Exec(kInsertItem,
                             {int64_t{2}, std::string("b"), Null(), kSmall, -0.5, std::string("")})
                       .status();
                 })
                  .ok());

  ResultSet rs;
  ASSERT_TRUE(db_->Read([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(rs,
                                       c.Query("SELECT id, name, qty, big, price, note FROM items "
                                               "WHERE id >= $1 ORDER BY id",
                                               {int64_t{1}}));
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs.columns, (std::vector<std::string>{"id", "name", "qty", "big", "price", "note"}));
  EXPECT_EQ(std::get<int64_t>(rs.rows[0][0]), 1);
  EXPECT_EQ(std::get<std::string>(rs.rows[0][1]), kChinese);
  EXPECT_EQ(std::get<int64_t>(rs.rows[0][2]), 7);
  EXPECT_EQ(std::get<int64_t>(rs.rows[0][3]), kBig);
  EXPECT_EQ(std::get<double>(rs.rows[0][4]), 3.25);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(rs.rows[0][5]));
  EXPECT_TRUE(rs.IsNull(0, 5));
  EXPECT_EQ(rs.GetOptText(0, 5), std::nullopt);
  EXPECT_EQ(rs.GetText(0, 1), kChinese);

  EXPECT_TRUE(rs.IsNull(1, 2));
  EXPECT_EQ(rs.GetOptInt(1, 2), std::nullopt);
  EXPECT_EQ(rs.GetInt(1, 2, 42), 42);
  EXPECT_EQ(rs.GetInt(1, 3), kSmall);
  EXPECT_EQ(rs.GetDouble(1, 4), -0.5);
  EXPECT_EQ(rs.GetOptText(1, 5), std::optional<std::string>(""));

  // NULL and text parameters in WHERE, and one placeholder used twice.
  Status where = db_->Read([&](Conn& c) -> Status {
    KL_ASSIGN_OR_RETURN(ResultSet by_name,
                        c.Query("SELECT id FROM items WHERE name = $1 OR note = $1", {kChinese}));
    EXPECT_EQ(by_name.size(), 1u);
    EXPECT_EQ(by_name.GetInt(0, 0), 1);
    KL_ASSIGN_OR_RETURN(ResultSet by_null,
                        c.Query("SELECT COUNT(*) FROM items WHERE qty IS NOT DISTINCT FROM $1",
                                {Opt(std::optional<int64_t>())}));
    EXPECT_EQ(by_null.GetInt(0, 0), 1);
    return Status::Ok();
  });
  EXPECT_TRUE(where.ok()) << where.ToString();
}

TEST_P(DatabaseContractTest, EmptyResultKeepsColumns) {
  ResultSet rs;
  ASSERT_TRUE(db_->Read([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(
                       rs, c.Query("SELECT id, name FROM items WHERE id = $1", {int64_t{99}}));
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_TRUE(rs.empty());
  EXPECT_EQ(rs.columns, (std::vector<std::string>{"id", "name"}));
}

TEST_P(DatabaseContractTest, ExecReturnsChangedRows) {
  ASSERT_TRUE(InsertItem(1, "a").ok());
  ASSERT_TRUE(InsertItem(2, "b").ok());
  ASSERT_TRUE(InsertItem(3, "c").ok());
  int64_t changed = -1;
  ASSERT_TRUE(db_->Write([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(changed, c.Exec("UPDATE items SET qty = $1 WHERE id <= $2",
                                                       {int64_t{5}, int64_t{2}}));
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(changed, 2);
  ASSERT_TRUE(db_->Write([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(changed, c.Exec("CREATE TABLE other (x INTEGER)", {}));
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(changed, 0);
}

TEST_P(DatabaseContractTest, ConstraintViolationsMapToCodes) {
  ASSERT_TRUE(InsertItem(1, "a").ok());
  Status dup = InsertItem(2, "a");
  EXPECT_EQ(dup.code(), ErrorCode::kConflict) << dup.ToString();
  EXPECT_FALSE(dup.message_zh().empty());
  EXPECT_FALSE(dup.message_en().empty());
  EXPECT_EQ(InsertItem(1, "z").code(), ErrorCode::kConflict);  // primary key

  Status fk = db_->Write([](Conn& c) {
    return c
        .Exec("INSERT INTO tags (item_id, tag) VALUES ($1, $2)", {int64_t{404}, std::string("x")})
        .status();
  });
  EXPECT_EQ(fk.code(), ErrorCode::kConflict) << fk.ToString();

  Status check = db_->Write([](Conn& c) {
    return c.Exec("UPDATE items SET qty = $1 WHERE id = $2", {int64_t{-3}, int64_t{1}}).status();
  });
  EXPECT_EQ(check.code(), ErrorCode::kInvalidArgument) << check.ToString();

  Status not_null = db_->Write([](Conn& c) {
    return c.Exec("INSERT INTO tags (item_id, tag) VALUES ($1, $2)", {int64_t{1}, Null()}).status();
  });
  EXPECT_EQ(not_null.code(), ErrorCode::kInvalidArgument) << not_null.ToString();

  Status syntax = db_->Read([](Conn& c) { return c.Query("SELEC nonsense", {}).status(); });
  EXPECT_EQ(syntax.code(), ErrorCode::kInternal) << syntax.ToString();

  EXPECT_EQ(Count(kCountItems), 1);
}

TEST_P(DatabaseContractTest, FailedWriteRollsBackOnlyItself) {
  ASSERT_TRUE(InsertItem(1, "kept-before").ok());
  Status failed = db_->Write([](Conn& c) -> Status {
    KL_RETURN_IF_ERROR(
        c.Exec(kInsertItem, {int64_t{2}, std::string("undone"), Null(), Null(), Null(), Null()})
            .status());
    return Status::InvalidArgument("测试失败", "deliberate failure");
  });
  EXPECT_EQ(failed.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(failed.message_en(), "deliberate failure");
  ASSERT_TRUE(InsertItem(3, "kept-after").ok());
  EXPECT_EQ(Count(kCountItems), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM items WHERE name = 'undone'"), 0);
}

TEST_P(DatabaseContractTest, ExceptionInCallbackIsInternalAndRollsBack) {
  Status s = db_->Write([](Conn& c) -> Status {
    (void)c.Exec(kInsertItem, {int64_t{1}, std::string("x"), Null(), Null(), Null(), Null()});
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(s.code(), ErrorCode::kInternal);
  EXPECT_EQ(Count(kCountItems), 0);
  ASSERT_TRUE(InsertItem(1, "x").ok());
}

TEST_P(DatabaseContractTest, ReadSeesCommittedDataInOneSnapshot) {
  ASSERT_TRUE(InsertItem(1, "a").ok());
  EXPECT_EQ(Count(kCountItems), 1);
  Status s = db_->Read([&](Conn& c) -> Status {
    KL_ASSIGN_OR_RETURN(ResultSet before, c.Query(kCountItems, {}));
    EXPECT_TRUE(InsertItem(2, "b").ok());  // commits on another connection meanwhile
    KL_ASSIGN_OR_RETURN(ResultSet after, c.Query(kCountItems, {}));
    EXPECT_EQ(before.GetInt(0, 0), 1);
    EXPECT_EQ(after.GetInt(0, 0), 1) << "a read transaction must keep its snapshot";
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count(kCountItems), 2);
}

TEST_P(DatabaseContractTest, ConcurrentWritersAllLand) {
  constexpr int kThreads = 8;
  constexpr int kWrites = 200;
  constexpr int kFailEvery = 20;  // these writes insert, then fail: they must not persist
  std::atomic<int> unexpected{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        bool fail = i % kFailEvery == 0;
        Status s = db_->Write([&](Conn& c) -> Status {
          KL_RETURN_IF_ERROR(
              c.Exec("INSERT INTO log (thread, seq) VALUES ($1, $2)", {int64_t{t}, int64_t{i}})
                  .status());
          if (fail) return Status::Conflict("故意失败", "deliberate failure");
          return Status::Ok();
        });
        if (s.ok() == fail) ++unexpected;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(unexpected.load(), 0);
  const int kExpected = kThreads * (kWrites - kWrites / kFailEvery);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM log"), kExpected);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM log WHERE seq % 20 = 0"), 0);

  if (auto* sqlite_db = dynamic_cast<sqlite::SqliteDatabase*>(db_.get())) {
    sqlite::SqliteStats st = sqlite_db->Stats();
    std::cout << "[ group commit ] write_jobs=" << st.write_jobs << " commits=" << st.commits
              << " max_batch=" << st.max_batch << " failed_commits=" << st.failed_commits << "\n";
    EXPECT_GE(st.write_jobs, kThreads * kWrites);
    EXPECT_LT(st.commits, st.write_jobs) << "group commit never batched writers";
    EXPECT_GT(st.max_batch, 1);
    EXPECT_EQ(st.failed_commits, 0);
  }
}

TEST_P(DatabaseContractTest, ReopenKeepsData) {
  ASSERT_TRUE(InsertItem(1, "持久化").ok());
  Reopen();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM items WHERE name = '持久化'"), 1);
}

TEST_P(DatabaseContractTest, StatementCacheReusesPreparedStatements) {
  ASSERT_TRUE(InsertItem(1, "a").ok());
  int64_t before = PreparedStatements(db_.get());
  ASSERT_GE(before, 0);
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(db_->Read([&](Conn& c) -> Status {
                     KL_ASSIGN_OR_RETURN(
                         ResultSet rs,
                         c.Query("SELECT name FROM items WHERE id = $1", {int64_t{1}}));
                     EXPECT_EQ(rs.GetText(0, 0), "a");
                     return Status::Ok();
                   })
                    .ok());
  }
  int64_t prepared = PreparedStatements(db_.get()) - before;
  EXPECT_GE(prepared, 1);
  EXPECT_LE(prepared, 8) << "at most once per SQL text per connection (4 readers)";
}

TEST_P(DatabaseContractTest, ExecScriptRunsSeveralStatements) {
  ASSERT_TRUE(db_->Write([](Conn& c) {
                   return c.ExecScript(
                       "CREATE TABLE s (a INTEGER);\n"
                       "INSERT INTO s VALUES (1);\n"
                       "INSERT INTO s VALUES (2);\n");
                 })
                  .ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM s"), 2);

  Status bad = db_->Write([](Conn& c) {
    return c.ExecScript("INSERT INTO s VALUES (3); INSERT INTO nowhere VALUES (4);");
  });
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM s"), 2) << "a failed script's write rolls back";
}

TEST_P(DatabaseContractTest, ClosedDatabaseIsUnavailable) {
  db_->Close();
  db_->Close();  // idempotent
  EXPECT_EQ(db_->Write([](Conn&) { return Status::Ok(); }).code(), ErrorCode::kUnavailable);
  EXPECT_EQ(db_->Read([](Conn&) { return Status::Ok(); }).code(), ErrorCode::kUnavailable);
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseContractTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

}  // namespace
}  // namespace keyline::sql
