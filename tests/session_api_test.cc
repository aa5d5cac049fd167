// Logging in and out, lockout, idle expiry, CSRF and account administration over HTTP.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class SessionApi : public ApiTest {};
KL_INSTANTIATE_BACKENDS(SessionApi);

TEST_P(SessionApi, LoginSetsAnHttpOnlyCookieAndTellsWhoIAm) {
  auto client = server().Anonymous();
  HttpResult login = client->Login("edu", kFixturePassword);
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("set-cookie");
  EXPECT_NE(cookie.find("keyline_sid="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(login.body.find("password"), std::string::npos) << "no hash leaves the server";
  EXPECT_EQ(client->csrf_token().size(), 43u);

  HttpResult me = client->Get("/api/v1/session");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json.at("user").at("username").as_string(), "edu");
  EXPECT_EQ(me.json.at("user").at("role").as_string(), "department");
  EXPECT_EQ(me.json.at("user").at("unit_id").as_int64(), fx().dept_edu);
}

TEST_P(SessionApi, WrongPasswordAndUnknownUserLookTheSame) {
  auto client = server().Anonymous();
  HttpResult wrong = client->Login("edu", "Nope#12345");
  HttpResult unknown = client->Login("nobody", "Nope#12345");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  // The whole envelope but the request id.
  for (const char* key : {"code", "message", "message_zh", "message_en", "details"}) {
    EXPECT_EQ(wrong.json.at("error").at(key), unknown.json.at("error").at(key)) << key;
  }
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
  EXPECT_EQ(client->Get("/api/v1/projects").status, 401);
}

// Five wrong passwords hold back this address for this account, with growing delays; the
// owner at another address logs in as usual (nobody can lock anybody out).
TEST_P(SessionApi, WrongPasswordsHoldBackTheGuessingAddressOnly) {
  auto guesser = server().Anonymous();
  guesser->set_source_address("127.0.0.2");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(guesser->Login("build", "Wrong#pass1").status, 401);
  HttpResult held = guesser->Login("build", kFixturePassword);
  EXPECT_EQ(held.status, 429) << held.body;
  EXPECT_EQ(held.ErrorCode(), "rate_limited");
  EXPECT_EQ(held.Header("retry-after"), "30");
  EXPECT_NE(held.json.at("error").at("message_zh").as_string().find("30秒"), std::string::npos)
      << held.body;

  auto owner = server().Anonymous();  // 127.0.0.1
  EXPECT_EQ(owner->Login("build", kFixturePassword).status, 200) << "the owner is not locked out";

  server().clock().Advance(31 * 1000);
  EXPECT_EQ(guesser->Login("build", "Wrong#pass1").status, 401);
  HttpResult longer = guesser->Login("build", kFixturePassword);
  EXPECT_EQ(longer.status, 429);
  EXPECT_EQ(longer.Header("retry-after"), "60") << "the delay doubles";
  server().clock().Advance(61 * 1000);
  EXPECT_EQ(guesser->Login("build", kFixturePassword).status, 200);
}

TEST_P(SessionApi, AdminUnlocksAHeldBackAccount) {
  auto client = server().Anonymous();
  for (int i = 0; i < 5; ++i) client->Login("company_b", "Wrong#pass1");
  EXPECT_EQ(client->Login("company_b", kFixturePassword).status, 429);
  auto admin = As("admin");
  HttpResult users = admin->Get("/api/v1/users");
  ASSERT_EQ(users.status, 200);
  int64_t id = 0;
  for (const auto& u : users.json.at("items").as_array()) {
    if (u.at("username") == "company_b") {
      id = u.at("id").as_int64();
      EXPECT_GT(u.at("locked_until").as_int64(), server().clock().NowMs())
          << "the admin's list shows the account held back";
    }
  }
  ASSERT_GT(id, 0);
  EXPECT_EQ(admin->Post("/api/v1/users/" + Id(id) + "/unlock", "").status, 204);
  EXPECT_EQ(client->Login("company_b", kFixturePassword).status, 200);
}

TEST_P(SessionApi, LogoutEndsTheSession) {
  auto client = As("fgw");
  std::string cookie = client->cookies()["keyline_sid"];
  HttpResult out = client->Delete("/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
  // The old cookie value is dead on the server, not only forgotten by the client.
  auto replay = server().Anonymous();
  replay->cookies()["keyline_sid"] = cookie;
  EXPECT_EQ(replay->Get("/api/v1/projects").status, 401);
}

TEST_P(SessionApi, IdleSessionsExpire) {
  auto client = As("fgw");
  server().clock().Advance(20 * 60 * 1000);
  EXPECT_EQ(client->Get("/api/v1/session").status, 200) << "20 idle minutes are fine";
  server().clock().Advance(31 * 60 * 1000);
  HttpResult expired = client->Get("/api/v1/projects");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(expired.ErrorCode(), "unauthenticated");
}

// Idle time counts from the last use, although last_seen_at is stored once a minute: a use 59 s
// after the last write still counts (no early expiry), and 30 idle minutes plus 1 ms after
// a use the session is gone (no late one).
TEST_P(SessionApi, IdleExpiryCountsFromTheLastUseToTheMillisecond) {
  constexpr int64_t kIdle = 30 * 60 * 1000;
  auto client = As("fgw");
  server().clock().Advance(59 * 1000);
  ASSERT_EQ(client->Get("/api/v1/session").status, 200);  // a use the database does not see
  server().clock().Advance(kIdle);
  EXPECT_EQ(client->Get("/api/v1/session").status, 200) << "exactly 30 idle minutes: not expired";
  // The same again, with another login's sweep of idle sessions at that very moment.
  server().clock().Advance(59 * 1000);
  ASSERT_EQ(client->Get("/api/v1/session").status, 200);
  server().clock().Advance(kIdle);
  ASSERT_NE(As("edu"), nullptr);
  EXPECT_EQ(client->Get("/api/v1/session").status, 200) << "the sweep kept it";
  server().clock().Advance(kIdle + 1);
  HttpResult late = client->Get("/api/v1/session");
  EXPECT_EQ(late.status, 401) << "30 min + 1 ms idle: expired";
  EXPECT_EQ(late.ErrorCode(), "unauthenticated");
}

TEST_P(SessionApi, WritesNeedTheCsrfTokenAndASameOrigin) {
  auto client = As("fgw");
  std::string body = Json({{"name", "测试项目"}, {"total_investment", "1000"}});
  std::string token = client->csrf_token();
  client->set_csrf_token("");
  HttpResult missing = client->Post("/api/v1/projects", body);
  EXPECT_EQ(missing.status, 403);
  client->set_csrf_token(std::string(43, 'x'));
  EXPECT_EQ(client->Post("/api/v1/projects", body).status, 403);
  client->set_csrf_token(token);
  HttpResult cross =
      client->Request("POST", "/api/v1/projects", body, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(cross.status, 403);
  HttpResult site =
      client->Request("POST", "/api/v1/projects", body, {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(site.status, 403);
  EXPECT_EQ(client->Get("/api/v1/projects?q=测试项目").json.at("total").as_int64(), 0)
      << "no refused write landed";
  EXPECT_EQ(client->Post("/api/v1/projects", body).status, 201);
}

TEST_P(SessionApi, OnlyAdminsManageAccounts) {
  auto fgw = As("fgw");
  EXPECT_EQ(fgw->Get("/api/v1/users").status, 403);
  std::string create = Json({{"username", "newbie"},
                             {"role", "reporter"},
                             {"unit_id", fx().company_a},
                             {"password", "Strong#Pass1"}});
  EXPECT_EQ(fgw->Post("/api/v1/users", create).status, 403);
  auto admin = As("admin");
  HttpResult created = admin->Post("/api/v1/users", create);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.body.find("password"), std::string::npos);
  EXPECT_EQ(admin->Post("/api/v1/users", create).status, 409) << "duplicate username";
  auto newbie = server().Anonymous();
  EXPECT_EQ(newbie->Login("newbie", "Strong#Pass1").status, 200);
}

TEST_P(SessionApi, WeakPasswordsAreRefusedWithAReason) {
  auto admin = As("admin");
  HttpResult weak = admin->Post("/api/v1/users", Json({{"username", "weak"},
                                                       {"role", "leader"},
                                                       {"unit_id", fx().office},
                                                       {"password", "12345678"}}));
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.json.at("error").at("details").at(0).at("field"), "password");
  HttpResult bad_role = admin->Post("/api/v1/users", Json({{"username", "x1"},
                                                           {"role", "emperor"},
                                                           {"unit_id", fx().office},
                                                           {"password", "Strong#Pass1"}}));
  EXPECT_EQ(bad_role.status, 400);
}

TEST_P(SessionApi, DisablingAnAccountEndsItsSessionsAtOnce) {
  auto victim = As("company_a");
  ASSERT_EQ(victim->Get("/api/v1/projects").status, 200);
  auto admin = As("admin");
  HttpResult users = admin->Get("/api/v1/users");
  int64_t id = 0, version = 0;
  for (const auto& u : users.json.at("items").as_array()) {
    if (u.at("username") == "company_a") {
      id = u.at("id").as_int64();
      version = u.at("version").as_int64();
    }
  }
  HttpResult patch =
      admin->Patch("/api/v1/users/" + Id(id), Json({{"version", version}, {"disabled", true}}));
  ASSERT_EQ(patch.status, 200) << patch.body;
  EXPECT_EQ(victim->Get("/api/v1/projects").status, 401);
  EXPECT_EQ(server().Anonymous()->Login("company_a", kFixturePassword).status, 403);
}

TEST_P(SessionApi, ChangingMyPasswordNeedsTheOldOneAndLogsMeOut) {
  auto client = As("leader");
  HttpResult wrong =
      client->Request("PUT", "/api/v1/session/password",
                      Json({{"old_password", "Nope#1234"}, {"new_password", "Brand#New2026"}}));
  EXPECT_EQ(wrong.status, 400);
  HttpResult ok = client->Request(
      "PUT", "/api/v1/session/password",
      Json({{"old_password", kFixturePassword}, {"new_password", "Brand#New2026"}}));
  EXPECT_EQ(ok.status, 204) << ok.body;
  EXPECT_EQ(client->Get("/api/v1/session").status, 401);
  auto again = server().Anonymous();
  EXPECT_EQ(again->Login("leader", kFixturePassword).status, 401);
  EXPECT_EQ(again->Login("leader", "Brand#New2026").status, 200);
}

}  // namespace
}  // namespace keyline::testing
