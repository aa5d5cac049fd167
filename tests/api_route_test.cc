// api::Route, the one way an API handler is registered: the caller is resolved first (401
// without a session, 403 for a write without its CSRF token), a non-OK Status is answered with
// the error envelope, and an OK reply goes out as the handler built it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/api_context.h"
#include "app/keyline_app.h"
#include "core/service/auth_service.h"
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class ApiRouteTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ctx_.auth = &server().app().auth();
    api::Route(router_, ctx_, "GET", "/t/me",
               [](api::ApiContext&, const Caller& caller, http::Request&) -> api::Reply {
                 http::Response res = api::JsonOk("{\"user\":\"" + caller.username + "\"}");
                 res.headers.emplace_back("Cache-Control", "no-store");
                 return res;
               });
    api::Route(router_, ctx_, "POST", "/t/{id}",
               [](api::ApiContext&, const Caller&, http::Request& req) -> api::Reply {
                 KL_ASSIGN_OR_RETURN(int64_t id, api::PathId(req, "id"));
                 if (id == 7) return Status::Conflict("已被他人修改", "changed meanwhile");
                 return api::JsonOk("{\"id\":" + std::to_string(id) + "}", 201);
               });
    auto login = server().app().auth().Login("fgw", kFixturePassword, "127.0.0.1", "test");
    ASSERT_TRUE(login.ok()) << login.status().message_en();
    token_ = login->token;
    csrf_ = login->csrf_token;
  }

  http::Response Call(const std::string& method, const std::string& path, bool session, bool csrf) {
    http::Request req;
    req.method = method;
    req.target = req.path = path;
    req.remote_ip = "127.0.0.1";
    req.request_id = "route-test";
    if (session) req.headers.emplace_back("cookie", "keyline_sid=" + token_);
    if (csrf) req.headers.emplace_back("x-csrf-token", csrf_);
    http::Router::Match match = router_.Find(req);
    EXPECT_EQ(match.kind, http::Router::MatchKind::kFound);
    return (*match.handler)(req);
  }

  static std::string ErrorCode(const http::Response& res) {
    return std::string(boost::json::parse(res.body).at("error").at("code").as_string());
  }

  api::ApiContext ctx_;
  http::Router router_;
  std::string token_, csrf_;
};

TEST_P(ApiRouteTest, AnOkReplyGoesOutAsBuilt) {
  http::Response res = Call("GET", "/t/me", true, false);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(boost::json::parse(res.body).at("user").as_string(), "fgw");
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].second, "no-store");

  res = Call("POST", "/t/5", true, true);
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(boost::json::parse(res.body).at("id").as_int64(), 5);
}

TEST_P(ApiRouteTest, AnErrorStatusBecomesTheEnvelope) {
  http::Response res = Call("POST", "/t/7", true, true);
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(ErrorCode(res), "conflict");
  auto error = boost::json::parse(res.body).at("error");
  EXPECT_EQ(error.at("message_zh").as_string(), "已被他人修改");
  EXPECT_EQ(error.at("message_en").as_string(), "changed meanwhile");

  res = Call("POST", "/t/0", true, true);  // PathId's kNotFound, returned by KL_ASSIGN_OR_RETURN
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(ErrorCode(res), "not_found");
}

TEST_P(ApiRouteTest, NoSessionIs401AndTheHandlerDoesNotRun) {
  http::Response res = Call("GET", "/t/me", false, false);
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(ErrorCode(res), "unauthenticated");
  res = Call("POST", "/t/7", false, true);
  EXPECT_EQ(res.status, 401);
}

TEST_P(ApiRouteTest, AWriteWithoutItsCsrfTokenIs403) {
  http::Response res = Call("POST", "/t/5", true, false);
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(ErrorCode(res), "forbidden");
}

KL_INSTANTIATE_BACKENDS(ApiRouteTest);

}  // namespace
}  // namespace keyline::testing
