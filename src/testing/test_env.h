// Helpers shared by tests: scratch directories and the PostgreSQL test server URL.
#pragma once

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
