// Helpers shared by tests: scratch directories and the PostgreSQL test server URL.
#pragma once

#include <gtest/gtest.h>

#include <string>

namespace keyline::testing {

// A fresh empty directory under $TMPDIR (or /tmp), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The PostgreSQL URL from PG_TEST_DSN, or "" when unset (PG tests then skip, except when
// KEYLINE_REQUIRE_PG=1, which the test script sets: then a missing DSN fails the test).
std::string PgTestUrl();
bool PgRequired();

// Creates an empty, uniquely named schema-free database on the PostgreSQL test server and
// returns its URL, so tests never see each other's rows. Returns "" on failure (with *error).
std::string CreateFreshPgDatabase(std::string* error);

}  // namespace keyline::testing

// In a test's SetUp: assigns the URL of a fresh PostgreSQL test database to `lhs`, or skips
// the test when PG_TEST_DSN is unset (fails instead under KEYLINE_REQUIRE_PG=1), or fails
// when the database cannot be created.
#define KL_ASSIGN_FRESH_PG_URL_OR_SKIP(lhs)                                 \
  do {                                                                      \
    if (::keyline::testing::PgTestUrl().empty()) {                          \
      if (::keyline::testing::PgRequired()) {                               \
        FAIL() << "KEYLINE_REQUIRE_PG=1 but PG_TEST_DSN is unset";          \
      }                                                                     \
      GTEST_SKIP() << "PG_TEST_DSN not set (run under scripts/with-pg.sh)"; \
    }                                                                       \
    std::string kl_pg_error_;                                               \
    lhs = ::keyline::testing::CreateFreshPgDatabase(&kl_pg_error_);         \
    ASSERT_FALSE((lhs).empty()) << kl_pg_error_;                            \
  } while (0)
