#include "http/request.h"

#include <gtest/gtest.h>

#include "http/error_response.h"
#include "http/url_codec.h"

namespace keyline::http {
namespace {

Request WithHeader(std::string name, std::string value) {
  Request r;
  r.headers.emplace_back(std::move(name), std::move(value));
  return r;
}

TEST(RequestTest, HeaderReturnsFirstOrEmpty) {
  Request r;
  r.headers = {{"content-type", "application/json"}, {"x-a", "1"}, {"x-a", "2"}};
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.Header("x-a"), "1");
  EXPECT_EQ(r.Header("missing"), "");
}

TEST(RequestTest, QueryReturnsFirstValue) {
  Request r;
  r.query = {{"stage", "construction"}, {"stage", "done"}, {"empty", ""}};
  EXPECT_EQ(r.Query("stage"), "construction");
  EXPECT_EQ(r.Query("empty"), "");
  EXPECT_EQ(r.Query("nope"), std::nullopt);
}

TEST(RequestTest, CookieParsesPairs) {
  Request r = WithHeader("cookie", "theme=dark; kl_session=abc123;  lang=\"en\"; flag");
  EXPECT_EQ(r.Cookie("kl_session"), "abc123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("lang"), "en");
  EXPECT_EQ(r.Cookie("flag"), "");
  EXPECT_EQ(r.Cookie("session"), "");
  EXPECT_EQ(Request().Cookie("kl_session"), "");
}

TEST(RequestTest, CookieLooksAtEveryCookieHeader) {
  Request r;
  r.headers = {{"cookie", "a=1"}, {"cookie", "b=2"}};
  EXPECT_EQ(r.Cookie("b"), "2");
}

TEST(RequestTest, PrefersEnglish) {
  struct Case {
    const char* header;
    bool english;
  };
  const Case cases[] = {
      {"", false},
      {"en", true},
      {"en-US,en;q=0.9", true},
      {"EN-gb", true},
      {"zh-CN,zh;q=0.9,en;q=0.8", false},
      {"en;q=0.5, zh;q=0.9", false},
      {"zh;q=0.5, en-US;q=0.9", true},
      {"fr, en", false},  // first top-quality tag is French: default Chinese
      {"en;q=0.8, zh;q=0.8", true},
      {"eng", false},
      {"en;q=0, zh;q=0.1", false},
      {"*", false},
      {" , en-US ;q=1", true},
  };
  for (const Case& c : cases) {
    Request r = WithHeader("accept-language", c.header);
    EXPECT_EQ(r.PrefersEnglish(), c.english) << c.header;
  }
  EXPECT_FALSE(Request().PrefersEnglish());
}

TEST(UrlCodecTest, ParsesTarget) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  ASSERT_TRUE(ParseTarget("/api/v1/a%20b?q=x+y%2Bz&k&=v&&n=%E9%9B%81", &path, &query));
  EXPECT_EQ(path, "/api/v1/a b");
  ASSERT_EQ(query.size(), 4u);
  EXPECT_EQ(query[0], (std::pair<std::string, std::string>{"q", "x y+z"}));
  EXPECT_EQ(query[1], (std::pair<std::string, std::string>{"k", ""}));
  EXPECT_EQ(query[2], (std::pair<std::string, std::string>{"", "v"}));
  EXPECT_EQ(query[3], (std::pair<std::string, std::string>{"n", "雁"}));
}

TEST(UrlCodecTest, PlusInPathStaysPlus) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  ASSERT_TRUE(ParseTarget("/a+b", &path, &query));
  EXPECT_EQ(path, "/a+b");
}

TEST(UrlCodecTest, RejectsBadTargets) {
  for (const char* target :
       {"/a%", "/a%2", "/a%zz", "/a%00b", "", "api", "*", "http://x/y", "/a?b=%4"}) {
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;
    EXPECT_FALSE(ParseTarget(target, &path, &query)) << target;
  }
}

TEST(ErrorResponseTest, MapsCodes) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kForbidden), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kTooLarge), 413);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnsupportedMedia), 415);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kLocked), 423);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kRateLimited), 429);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(ErrorResponseTest, BuildsEnvelopeInChinese) {
  Request r;
  r.request_id = "0123456789abcdef";
  Response res = ErrorResponse(
      r, Status::InvalidArgument("输入无效", "invalid input", {{"code", "必填", "required"}}));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(res.body,
            R"({"error":{"code":"invalid_argument","message":"输入无效","message_zh":"输入无效",)"
            R"("message_en":"invalid input","details":[{"field":"code","message":"必填",)"
            R"("message_zh":"必填","message_en":"required"}],"request_id":"0123456789abcdef"}})");
}

TEST(ErrorResponseTest, EnglishWhenPreferred) {
  Request r = WithHeader("accept-language", "en-US,en;q=0.9");
  Response res = ErrorResponse(r, Status::NotFound("资源不存在", "not found"));
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.body.find(R"("code":"not_found","message":"not found")"), std::string::npos)
      << res.body;
  EXPECT_NE(res.body.find(R"("details":[])"), std::string::npos);
}

TEST(ErrorResponseTest, UnavailableSetsRetryAfter) {
  Response res = ErrorResponse(Request(), Status::Unavailable("忙", "busy"));
  EXPECT_EQ(res.status, 503);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].first, "Retry-After");
}

}  // namespace
}  // namespace keyline::http
