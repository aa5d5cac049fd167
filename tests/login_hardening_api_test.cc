// Logins under load (busy is 503, never a wrong password), the same answer and time
// for unknown and existing accounts, wrong old passwords limited and audited, duplicate JSON
// keys refused, idle sockets from one address starving nobody.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class LoginHardeningApi : public ApiTest {
 protected:
  // A second server with production argon2id hashing (fixture passwords included), so that a
  // password check costs what it costs in production.
  std::unique_ptr<TestServer> SlowServer(std::function<void(Config&)> configure = {}) {
    std::string reason;
    TestServerOptions options;
    options.fast_hashing = false;
    options.configure = std::move(configure);
    auto slow = TestServer::Start(GetParam(), &reason, options);
    EXPECT_NE(slow, nullptr) << reason;
    return slow;
  }

  static void ExpectSameEnvelope(const HttpResult& a, const HttpResult& b) {
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.Header("retry-after"), b.Header("retry-after"));
    for (const char* key : {"code", "message", "message_zh", "message_en", "details"}) {
      EXPECT_EQ(a.json.at("error").at(key), b.json.at("error").at(key)) << key;
    }
  }

  static double Median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  }
};
KL_INSTANTIATE_BACKENDS(LoginHardeningApi);

const char* const kAccounts[] = {"admin",     "fgw",       "edu",    "build",
                                 "company_a", "company_b", "leader", "officer"};

// 20 simultaneous correct logins: each is 200 or 503 with Retry-After ("busy, retry"), never
// 401, and a 503 counts as no failure. Returns {200s, 503s}.
std::pair<int, int> TwentySimultaneousLogins(TestServer& slow) {
  std::vector<HttpResult> results(20);
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i) {
    threads.emplace_back([&, i] {
      HttpClient client("127.0.0.1", slow.port());
      results[i] = client.Login(kAccounts[i % 8], kFixturePassword);
    });
  }
  for (auto& t : threads) t.join();
  int ok = 0, busy = 0;
  for (const HttpResult& r : results) {
    if (r.status == 200) {
      ++ok;
      continue;
    }
    EXPECT_EQ(r.status, 503) << "a correct password must never be refused: " << r.body;
    if (r.status != 503) continue;
    ++busy;
    EXPECT_EQ(r.Header("retry-after"), "1");
    EXPECT_EQ(r.ErrorCode(), "unavailable");
    EXPECT_EQ(r.json.at("error").at("message_zh"), "系统繁忙，请稍后重试");
    EXPECT_EQ(r.json.at("error").at("message_en"), "The system is busy, please retry shortly");
  }
  EXPECT_EQ(ok + busy, 20);
  // Nothing was counted against anybody: one after the other, every account logs in (from
  // another address: the 20 used up 127.0.0.1's burst of the per-address login rate).
  for (const char* account : kAccounts) {
    HttpClient client("127.0.0.1", slow.port());
    client.set_source_address("127.0.0.3");
    EXPECT_EQ(client.Login(account, kFixturePassword).status, 200) << account;
  }
  return {ok, busy};
}

// One hashing slot and a 50 ms budget: most must wait too long, and they hear "busy".
TEST_P(LoginHardeningApi, SimultaneousCorrectLoginsAreNeverWrongPasswords) {
  auto slow = SlowServer([](Config& c) {
    c.worker_threads = 8;
    c.hash_concurrency = 1;
    c.hash_wait_ms = 50;
  });
  if (!slow) return;
  auto [ok, busy] = TwentySimultaneousLogins(*slow);
  std::printf("20 simultaneous correct logins, 1 hashing slot, 50 ms budget: %d x 200, %d x 503\n",
              ok, busy);
  EXPECT_GT(ok, 0);
  EXPECT_GT(busy, 0) << "the budget was meant to run out";
}

// The production defaults (8 workers, 2 hashing slots, 1000 ms): 20 simultaneous
// correct logins of the load case (before the hashing budget, 5 of them were answered 401).
TEST_P(LoginHardeningApi, SimultaneousCorrectLoginsWithTheDefaultBudget) {
  auto slow = SlowServer([](Config& c) { c.worker_threads = 8; });
  if (!slow) return;
  auto [ok, busy] = TwentySimultaneousLogins(*slow);
  std::printf("20 simultaneous correct logins, defaults: %d x 200, %d x 503\n", ok, busy);
  EXPECT_GT(ok, 0);
}

// Unknown and existing accounts: the same status and body (429 too, once held back), and
// about the same time with production hashing (medians within a factor of 1.5 each way).
TEST_P(LoginHardeningApi, UnknownAndExistingAccountsAnswerAlikeInSimilarTime) {
  auto slow = SlowServer();
  if (!slow) return;
  HttpClient client("127.0.0.1", slow->port());
  client.Login("warm-up", "Wrong#pass1");  // first connection, first statements
  std::vector<double> existing, unknown;
  auto timed = [&](const std::string& name) {
    auto start = std::chrono::steady_clock::now();
    HttpResult r = client.Login(name, "Wrong#pass1");
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.status, 401) << name << ": " << r.body;
    return std::make_pair(r, ms);
  };
  for (int round = 0; round < 2; ++round) {
    for (const char* account : kAccounts) {
      slow->clock().Advance(60'000);  // refills the per-address login rate (20 a minute)
      auto [known, known_ms] = timed(account);
      auto [ghost, ghost_ms] = timed(std::string("ghost_") + account);
      ExpectSameEnvelope(known, ghost);
      existing.push_back(known_ms);
      unknown.push_back(ghost_ms);
    }
  }
  double ratio = Median(unknown) / Median(existing);
  std::printf("wrong password, median ms: existing %.1f, unknown %.1f (ratio %.2f)\n",
              Median(existing), Median(unknown), ratio);
  EXPECT_GT(ratio, 1 / 1.5);
  EXPECT_LT(ratio, 1.5);
  // Held back alike after five failures.
  for (int i = 0; i < 3; ++i) {
    client.Login("edu", "Wrong#pass1");
    client.Login("ghost_edu", "Wrong#pass1");
  }
  HttpResult known = client.Login("edu", "Wrong#pass1");
  HttpResult ghost = client.Login("ghost_edu", "Wrong#pass1");
  EXPECT_EQ(known.status, 429);
  ExpectSameEnvelope(known, ghost);
}

TEST_P(LoginHardeningApi, WrongLoginPasswordsAreAuditedForKnownAndUnknownNames) {
  auto client = server().Anonymous();
  EXPECT_EQ(client->Login("edu", "Wrong#pass1").status, 401);
  EXPECT_EQ(client->Login("ghost", "Wrong#pass1").status, 401);
  auto admin = As("admin");
  HttpResult log = admin->Get("/api/v1/audit?entity=user&limit=100");
  ASSERT_EQ(log.status, 200) << log.body;
  bool known = false, unknown = false;
  for (const auto& e : log.json.at("items").as_array()) {
    if (e.at("action") != "login_failed") continue;
    EXPECT_EQ(e.at("ip"), "127.0.0.1");
    if (e.at("username") == "edu") {
      known = true;
      EXPECT_EQ(e.at("role"), "department");
    } else if (e.at("after").is_object() && e.at("after").at("username") == "ghost") {
      unknown = true;
      EXPECT_EQ(e.at("username"), "login") << "recorded by the system: no account, no role";
      EXPECT_EQ(e.at("entity_id"), "");
    }
  }
  EXPECT_TRUE(known) << log.body;
  EXPECT_TRUE(unknown) << log.body;
}

TEST_P(LoginHardeningApi, WrongOldPasswordsAreLimitedAndAudited) {
  auto leader = As("leader");
  auto wrong = [&] {
    return leader->Request(
        "PUT", "/api/v1/session/password",
        Json({{"old_password", "Nope#1234"}, {"new_password", "Brand#New2026"}}));
  };
  for (int i = 0; i < 5; ++i) {
    HttpResult r = wrong();
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.json.at("error").at("details").at(0).at("field"), "old_password");
  }
  HttpResult held = leader->Request(
      "PUT", "/api/v1/session/password",
      Json({{"old_password", kFixturePassword}, {"new_password", "Brand#New2026"}}));
  EXPECT_EQ(held.status, 429) << held.body;
  EXPECT_EQ(held.Header("retry-after"), "30");
  // The same limiter as the login: this address is held back for the account ...
  EXPECT_EQ(server().Anonymous()->Login("leader", kFixturePassword).status, 429);
  // ... another is not.
  auto elsewhere = server().Anonymous();
  elsewhere->set_source_address("127.0.0.2");
  EXPECT_EQ(elsewhere->Login("leader", kFixturePassword).status, 200);

  auto admin = As("admin");
  HttpResult users = admin->Get("/api/v1/users");
  int64_t id = 0;
  for (const auto& u : users.json.at("items").as_array()) {
    if (u.at("username") == "leader") id = u.at("id").as_int64();
  }
  HttpResult log = admin->Get("/api/v1/audit?entity=user&entity_id=" + Id(id) + "&limit=100");
  ASSERT_EQ(log.status, 200) << log.body;
  int failed = 0;
  for (const auto& e : log.json.at("items").as_array()) {
    if (e.at("action") == "change_password_failed") {
      ++failed;
      EXPECT_EQ(e.at("username"), "leader");
    }
  }
  EXPECT_EQ(failed, 5) << log.body;
  // The password did not change.
  EXPECT_EQ(elsewhere->Get("/api/v1/session").status, 200);
}

TEST_P(LoginHardeningApi, DuplicateJsonKeysAreRefusedEverywhere) {
  auto client = server().Anonymous();
  HttpResult login =
      client->Request("POST", "/api/v1/session",
                      R"({"username":"nobody","username":"edu","password":"Fixture#2026"})");
  EXPECT_EQ(login.status, 400) << login.body;
  EXPECT_EQ(login.ErrorCode(), "invalid_argument");
  EXPECT_NE(login.json.at("error").at("message_zh").as_string().find("字段重复：username"),
            std::string::npos)
      << login.body;
  EXPECT_NE(login.json.at("error").at("message_en").as_string().find("duplicate key"),
            std::string::npos);
  EXPECT_EQ(login.json.at("error").at("details").at(0).at("field"), "username");
  EXPECT_EQ(client->Get("/api/v1/session").status, 401) << "no session was made";

  auto fgw = As("fgw");
  HttpResult create = fgw->Post(
      "/api/v1/projects", R"({"name":"重复字段项目","total_investment":"1000","name":"另一个"})");
  EXPECT_EQ(create.status, 400) << create.body;
  EXPECT_EQ(fgw->Get("/api/v1/projects?q=重复字段项目").json.at("total").as_int64(), 0);
  EXPECT_EQ(fgw->Get("/api/v1/projects?q=另一个").json.at("total").as_int64(), 0);

  std::string road = "/api/v1/projects/" + Id(fx().project_road);
  HttpResult before = fgw->Get(road);
  int64_t version = before.json.at("version").as_int64();
  HttpResult patch = fgw->Patch(
      road, R"({"version":)" + std::to_string(version) + R"(,"address":"甲","address":"乙"})");
  EXPECT_EQ(patch.status, 400) << patch.body;
  EXPECT_EQ(fgw->Get(road).json.at("address"), before.json.at("address")) << "nothing changed";
  // Escapes do not hide a duplicate.
  HttpResult escaped = fgw->Patch(
      road, R"({"version":)" + std::to_string(version) + R"(,"address":"甲","addr\u0065ss":"乙"})");
  EXPECT_EQ(escaped.status, 400) << escaped.body;
}

// Many idle sockets from 127.0.0.2 (more than the default 64 per address): 127.0.0.1 logs in
// at once.
TEST_P(LoginHardeningApi, IdleSocketsFromOneAddressStarveNobody) {
  std::vector<int> sockets;
  for (int i = 0; i < 200; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.2", &local.sin_addr);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local), 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(server().port());
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << i;
    sockets.push_back(fd);
  }
  auto start = std::chrono::steady_clock::now();
  auto client = server().Anonymous();
  EXPECT_EQ(client->Login("edu", kFixturePassword).status, 200);
  EXPECT_EQ(client->Get("/api/v1/projects").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  for (int fd : sockets) ::close(fd);
}

}  // namespace
}  // namespace keyline::testing
