#include "storage/pg/pg_errors.h"

#include <gtest/gtest.h>

namespace keyline::pg {
namespace {

TEST(PgErrorsTest, MapsSqlStates) {
  EXPECT_EQ(PgError("23505", "m").code(), ErrorCode::kConflict);
  EXPECT_EQ(PgError("23503", "m").code(), ErrorCode::kConflict);
  EXPECT_EQ(PgError("23514", "m").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(PgError("23502", "m").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(PgError("22P02", "m").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(PgError("22003", "m").code(), ErrorCode::kInvalidArgument);
  for (const char* s : {"40001", "40P01", "55P03", "57014", "08006", "08001"}) {
    EXPECT_EQ(PgError(s, "m").code(), ErrorCode::kUnavailable) << s;
  }
  EXPECT_EQ(PgError("08P01", "m").code(), ErrorCode::kInternal);
  EXPECT_EQ(PgError("42601", "m").code(), ErrorCode::kInternal);
  EXPECT_EQ(PgError("42P01", "m").code(), ErrorCode::kInternal);
}

TEST(PgErrorsTest, RetriesOnlySerializationAndDeadlock) {
  EXPECT_TRUE(IsRetryableSqlState("40001"));
  EXPECT_TRUE(IsRetryableSqlState("40P01"));
  EXPECT_FALSE(IsRetryableSqlState("55P03"));
  EXPECT_FALSE(IsRetryableSqlState(""));
}

TEST(PgErrorsTest, KeepsServerMessage) {
  Status s = PgError("23505", "duplicate key value violates unique constraint \"users_login\"");
  EXPECT_NE(s.message_en().find("users_login"), std::string::npos);
  EXPECT_NE(s.message_en().find("23505"), std::string::npos);
}

}  // namespace
}  // namespace keyline::pg
