// A real Keyline server in-process on 127.0.0.1:0 over the demo district (雁塔区), seeded as
// `keyline seed-demo` seeds it, on a fresh SQLite file, with the clock fixed at `now_ms`
// (default 2026-12-08 10:00 Beijing time, so the open report period is 2026-11).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "app/keyline_app.h"
#include "common/clock.h"
#include "testing/test_env.h"
#include "tests/http_client.h"

namespace keyline::testing {

// 2026-12-08 10:00 Beijing time.
inline constexpr int64_t kDemoNowMs = 1796695200000;

class DemoServer {
 public:
  // Seeds the demo and starts the server; nullptr with *error set when anything fails.
  static std::unique_ptr<DemoServer> Start(std::string* error, int64_t now_ms = kDemoNowMs);
  ~DemoServer();

  KeylineApp& app() { return *app_; }
  ManualClock& clock() { return clock_; }
  // A client logged in as a demo account (admin, fgw, jyj, zjj, qiye, lingdao, fwy), or nullptr.
  std::unique_ptr<HttpClient> LoggedIn(const std::string& username);

 private:
  explicit DemoServer(int64_t now_ms) : clock_(now_ms) {}
  std::unique_ptr<TempDir> dir_;
  ManualClock clock_;
  std::unique_ptr<KeylineApp> app_;
  uint16_t port_ = 0;
};

// The fixture of the demo-based API tests: a fresh demo server per test and a client logged in
// as the office (fgw). Json(target) GETs an answer that must be 200 (null otherwise).
class DemoApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    demo_ = DemoServer::Start(&error);
    ASSERT_NE(demo_, nullptr) << error;
    fgw_ = demo_->LoggedIn("fgw");
    ASSERT_NE(fgw_, nullptr);
  }
  boost::json::value Json(const std::string& target) {
    HttpResult r = fgw_->Get(target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body.substr(0, 300);
    return r.status == 200 ? boost::json::parse(r.body) : boost::json::value(nullptr);
  }
  std::unique_ptr<DemoServer> demo_;
  std::unique_ptr<HttpClient> fgw_;
};

}  // namespace keyline::testing
