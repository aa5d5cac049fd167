// A real Keyline server in-process on 127.0.0.1:0, on a fresh SQLite file or a fresh
// PostgreSQL database, with a small fixture: a district, two departments, two companies,
// people, one user per role and three projects owned by different units.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "app/keyline_app.h"
#include "common/clock.h"
#include "testing/test_env.h"
#include "tests/http_client.h"

namespace keyline::testing {

enum class Backend { kSqlite, kPostgres };
std::string BackendName(Backend backend);

struct Fixture {
  int64_t office = 0;      // 发改 unit
  int64_t dept_edu = 0;    // 教育局
  int64_t dept_build = 0;  // 住建局
  int64_t company_a = 0;   // owns project_school
  int64_t company_b = 0;   // owns project_road
  int64_t leader_person = 0;
  int64_t officer_person = 0;
  int64_t project_school = 0;  // responsible: 教育局, owner: company A, leader + officer assigned
  int64_t project_road = 0;    // responsible: 住建局, owner: company B
  int64_t project_mall = 0;    // responsible: 住建局, owner: company B, 教育局 cooperating
};

// Password of every fixture account.
inline constexpr const char* kFixturePassword = "Fixture#2026";

struct TestServerOptions {
  bool fast_hashing = true;  // false: production argon2id limits (slow: ~8 hashes to set up)
  std::function<void(Config&)> configure;  // adjusts the config before the app opens
};

class TestServer {
 public:
  // Starts a server; when the backend is unavailable returns nullptr and sets *skip_reason.
  static std::unique_ptr<TestServer> Start(Backend backend, std::string* skip_reason,
                                           const TestServerOptions& options = {});
  ~TestServer();

  uint16_t port() const { return port_; }
  KeylineApp& app() { return *app_; }
  ManualClock& clock() { return clock_; }
  const Fixture& fixture() const { return fixture_; }
  // A client logged in as one of: admin, fgw, edu, build, company_a, company_b, leader, officer.
  std::unique_ptr<HttpClient> LoggedIn(const std::string& username);
  std::unique_ptr<HttpClient> Anonymous();

 private:
  TestServer();
  bool BuildFixture(std::string* error);
  std::unique_ptr<TempDir> dir_;
  ManualClock clock_;
  std::unique_ptr<KeylineApp> app_;
  uint16_t port_ = 0;
  Fixture fixture_;
};

}  // namespace keyline::testing
