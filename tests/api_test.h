// The base of every HTTP-level test: a fresh in-process server per test, on SQLite and on
// PostgreSQL (skipped when PG_TEST_DSN is absent, failing when KEYLINE_REQUIRE_PG=1).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "common/date.h"
#include "tests/test_server.h"

namespace keyline::testing {

// The test clock's value (epoch ms) for 02:00 UTC on `date` ("YYYY-MM-DD").
inline int64_t At(const char* date) {
  return Date::Parse(date)->ToDays() * 86400000LL + 2 * 3600000LL;
}

class ApiTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    std::string reason;
    server_ = TestServer::Start(GetParam(), &reason);
    if (!server_) {
      if (GetParam() == Backend::kPostgres && PgTestUrl().empty() && !PgRequired()) {
        GTEST_SKIP() << reason;
      }
      FAIL() << "server did not start: " << reason;
    }
  }

  TestServer& server() { return *server_; }
  const Fixture& fx() { return server_->fixture(); }
  std::unique_ptr<HttpClient> As(const std::string& username) {
    auto client = server_->LoggedIn(username);
    EXPECT_NE(client, nullptr) << "login as " << username;
    return client;
  }
  static std::string Id(int64_t id) { return std::to_string(id); }
  static std::string Json(const boost::json::object& o) { return boost::json::serialize(o); }

  std::unique_ptr<TestServer> server_;
};

inline std::string ParamName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

#define KL_INSTANTIATE_BACKENDS(Suite)                                                \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite,                                           \
                           ::testing::Values(::keyline::testing::Backend::kSqlite,    \
                                             ::keyline::testing::Backend::kPostgres), \
                           ::keyline::testing::ParamName)

}  // namespace keyline::testing
