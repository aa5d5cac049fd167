#include "storage/sql/database_url.h"

#include <gtest/gtest.h>

#include "storage/sql/database.h"

namespace keyline::sql {
namespace {

TEST(DatabaseUrlTest, ParsesSqlite) {
  auto u = ParseDatabaseUrl("sqlite:./data/keyline.db");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->dialect, Dialect::kSqlite);
  EXPECT_EQ(u->sqlite_path, "./data/keyline.db");
  EXPECT_TRUE(u->sqlite_synchronous_full);

  u = ParseDatabaseUrl("sqlite:/var/lib/k.db?synchronous=normal");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->sqlite_path, "/var/lib/k.db");
  EXPECT_FALSE(u->sqlite_synchronous_full);

  u = ParseDatabaseUrl("sqlite:///abs/k.db?synchronous=full");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->sqlite_path, "/abs/k.db");
  EXPECT_TRUE(u->sqlite_synchronous_full);
}

TEST(DatabaseUrlTest, ParsesPostgres) {
  for (const char* url : {"postgresql://u:p@localhost:5432/db", "postgres://localhost/db"}) {
    auto u = ParseDatabaseUrl(url);
    ASSERT_TRUE(u.ok()) << url;
    EXPECT_EQ(u->dialect, Dialect::kPostgres);
  }
}

TEST(DatabaseUrlTest, RejectsBadUrls) {
  for (const char* url : {"", "mysql://localhost/db", "keyline.db", "sqlite:", "sqlite::memory:",
                          "sqlite:k.db?synchronous=off", "sqlite:k.db?mode=ro", "postgresql:/x"}) {
    auto u = ParseDatabaseUrl(url);
    ASSERT_FALSE(u.ok()) << url;
    EXPECT_EQ(u.status().code(), ErrorCode::kInvalidArgument) << url;
    EXPECT_FALSE(u.status().message_zh().empty());
    EXPECT_FALSE(u.status().message_en().empty());
  }
}

TEST(DatabaseUrlTest, ErrorsDoNotLeakPasswords) {
  auto u = ParseDatabaseUrl("mysql://user:secret@host/db");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().message_en().find("secret"), std::string::npos);
}

TEST(OpenDatabaseTest, BadUrlIsInvalidArgument) {
  auto db = OpenDatabase("oracle://x", 2);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kInvalidArgument);
}

TEST(OpenDatabaseTest, UnreachablePostgresIsUnavailable) {
  auto db = OpenDatabase("postgresql://postgres@127.0.0.1:1/none?connect_timeout=2", 2);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), ErrorCode::kUnavailable) << db.status().ToString();
  EXPECT_NE(db.status().message_en().find("PostgreSQL"), std::string::npos);
}

}  // namespace
}  // namespace keyline::sql
