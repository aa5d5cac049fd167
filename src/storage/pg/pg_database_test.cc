#include "storage/pg/pg_database.h"

#include <gtest/gtest.h>

#include "testing/test_env.h"

namespace keyline::pg {
namespace {

using sql::Conn;
using sql::ResultSet;

class PgDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KL_ASSIGN_FRESH_PG_URL_OR_SKIP(url_);
    auto db = PgDatabase::Open(url_, 1);  // one connection: every call reuses it
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  std::string url_;
  std::unique_ptr<PgDatabase> db_;
};

constexpr char kRaiseSerializationFailure[] =
    "DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '40001'; END $$";

TEST_F(PgDatabaseTest, RetriesSerializationFailures) {
  int calls = 0;
  Status s = db_->Write([&](Conn& c) -> Status {
    if (++calls == 1) return c.ExecScript(kRaiseSerializationFailure);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(db_->Stats().write_retries, 1);

  calls = 0;
  s = db_->Write([&](Conn& c) -> Status {
    ++calls;
    return c.ExecScript(kRaiseSerializationFailure);
  });
  EXPECT_EQ(s.code(), ErrorCode::kUnavailable);
  EXPECT_EQ(calls, 1 + PgDatabase::kMaxWriteRetries);
}

TEST_F(PgDatabaseTest, OtherErrorsAreNotRetried) {
  int calls = 0;
  Status s = db_->Write([&](Conn& c) -> Status {
    ++calls;
    return c.Query("SELECT * FROM missing_table", {}).status();
  });
  EXPECT_EQ(s.code(), ErrorCode::kInternal);
  EXPECT_EQ(calls, 1);
}

TEST_F(PgDatabaseTest, SwallowedStatementErrorIsReported) {
  ASSERT_TRUE(
      db_->Write([](Conn& c) { return c.ExecScript("CREATE TABLE t (id INTEGER PRIMARY KEY)"); })
          .ok());
  Status s = db_->Write([](Conn& c) -> Status {
    (void)c.Exec("INSERT INTO t VALUES ($1)", {int64_t{1}});
    (void)c.Exec("INSERT INTO t VALUES ($1)", {int64_t{1}});  // fails, aborts the tx
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), ErrorCode::kConflict) << s.ToString();
  int64_t n = -1;
  ASSERT_TRUE(db_->Read([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query("SELECT COUNT(*) FROM t", {}));
                   n = rs.GetInt(0, 0);
                   return Status::Ok();
                 })
                  .ok());
  EXPECT_EQ(n, 0);
}

TEST_F(PgDatabaseTest, BrokenConnectionIsReplaced) {
  Status killed = db_->Read([](Conn& c) {
    return c.Query("SELECT pg_terminate_backend(pg_backend_pid())", {}).status();
  });
  EXPECT_FALSE(killed.ok());
  EXPECT_EQ(killed.code(), ErrorCode::kUnavailable) << killed.ToString();
  int64_t one = 0;
  Status s = db_->Read([&](Conn& c) -> Status {
    KL_ASSIGN_OR_RETURN(ResultSet rs, c.Query("SELECT 1::bigint", {}));
    one = rs.GetInt(0, 0);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(one, 1);
}

TEST_F(PgDatabaseTest, ConvertsColumnsByType) {
  ResultSet rs;
  ASSERT_TRUE(db_->Read([&](Conn& c) -> Status {
                   KL_ASSIGN_OR_RETURN(
                       rs, c.Query("SELECT 1::int2, 2::int4, 3::int8, true, 1.5::float4, "
                                   "2.25::float8, 12.5::numeric, 'x'::text, NULL::int8, "
                                   "DATE '2024-01-02'",
                                   {}));
                   return Status::Ok();
                 })
                  .ok());
  ASSERT_EQ(rs.size(), 1u);
  const auto& r = rs.rows[0];
  EXPECT_EQ(std::get<int64_t>(r[0]), 1);
  EXPECT_EQ(std::get<int64_t>(r[1]), 2);
  EXPECT_EQ(std::get<int64_t>(r[2]), 3);
  EXPECT_EQ(std::get<int64_t>(r[3]), 1);
  EXPECT_EQ(std::get<double>(r[4]), 1.5);
  EXPECT_EQ(std::get<double>(r[5]), 2.25);
  EXPECT_EQ(std::get<double>(r[6]), 12.5);
  EXPECT_EQ(std::get<std::string>(r[7]), "x");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r[8]));
  EXPECT_EQ(std::get<std::string>(r[9]), "2024-01-02");
}

TEST_F(PgDatabaseTest, ReadIsReadOnly) {
  Status s = db_->Read([](Conn& c) { return c.ExecScript("CREATE TABLE nope (a INTEGER)"); });
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace keyline::pg
