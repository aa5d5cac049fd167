#include "storage/sqlite/sqlite_errors.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace keyline::sqlite {
namespace {

TEST(SqliteErrorsTest, MapsCodes) {
  EXPECT_EQ(SqliteError(SQLITE_CONSTRAINT_UNIQUE, "m").code(), ErrorCode::kConflict);
  EXPECT_EQ(SqliteError(SQLITE_CONSTRAINT_PRIMARYKEY, "m").code(), ErrorCode::kConflict);
  EXPECT_EQ(SqliteError(SQLITE_CONSTRAINT_FOREIGNKEY, "m").code(), ErrorCode::kConflict);
  EXPECT_EQ(SqliteError(SQLITE_CONSTRAINT_CHECK, "m").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SqliteError(SQLITE_CONSTRAINT_NOTNULL, "m").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(SqliteError(SQLITE_BUSY, "m").code(), ErrorCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_BUSY_SNAPSHOT, "m").code(), ErrorCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_LOCKED, "m").code(), ErrorCode::kUnavailable);
  EXPECT_EQ(SqliteError(SQLITE_ERROR, "m").code(), ErrorCode::kInternal);
  EXPECT_EQ(SqliteError(SQLITE_IOERR_FSYNC, "m").code(), ErrorCode::kInternal);
}

TEST(SqliteErrorsTest, KeepsSqliteMessageInEnglishText) {
  Status s = SqliteError(SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed: users.login");
  EXPECT_NE(s.message_en().find("users.login"), std::string::npos);
  EXPECT_FALSE(s.message_zh().empty());
}

}  // namespace
}  // namespace keyline::sqlite
