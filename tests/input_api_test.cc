// Hostile and malformed input: every bad request gets a clear 4xx in Chinese and English and
// changes nothing.
#include "tests/api_test.h"

namespace keyline::testing {
namespace {

class InputApi : public ApiTest {
 protected:
  int64_t ProjectCount(HttpClient& client) {
    return client.Get("/api/v1/projects").json.at("total").as_int64();
  }
  void ExpectBilingualError(const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    ASSERT_TRUE(r.json.is_object()) << r.body;
    const auto& e = r.json.at("error").as_object();
    EXPECT_FALSE(e.at("message_zh").as_string().empty());
    EXPECT_FALSE(e.at("message_en").as_string().empty());
    EXPECT_FALSE(e.at("request_id").as_string().empty());
  }
};
KL_INSTANTIATE_BACKENDS(InputApi);

TEST_P(InputApi, MalformedJsonWrongTypesAndUnknownFieldsAreRefused) {
  auto fgw = As("fgw");
  const char* bodies[] = {
      "{",                                                       // truncated
      "[]",                                                      // not an object
      "{\"name\": \"x\", \"total_investment\": \"1000\",}",      // trailing comma
      "{\"name\": 12, \"total_investment\": \"1000\"}",          // wrong type
      "{\"name\": \"x\", \"total_investment\": \"-5\"}",         // negative money
      "{\"name\": \"x\", \"total_investment\": \"1.1234567\"}",  // beyond 分 precision
      "{\"name\": \"x\", \"total_investment\": \"1000\", \"is_admin\": true}",  // unknown
      "{\"name\": \"x\", \"total_investment\": \"1000\", \"stage\": \"finished\"}",
      "{\"name\": \"\", \"total_investment\": \"1000\"}",
      "{\"name\": \"x\", \"total_investment\": \"1000\", \"planned_start\": \"2026-02-30\"}",
      "{\"name\": \"x\", \"total_investment\": \"1000\", \"longitude\": 500, \"latitude\": 34}",
  };
  for (const char* body : bodies) {
    SCOPED_TRACE(body);
    ExpectBilingualError(fgw->Post("/api/v1/projects", body), 400);
  }
  HttpResult unknown =
      fgw->Post("/api/v1/projects", "{\"name\":\"x\",\"total_investment\":\"1\",\"bogus\":1}");
  EXPECT_NE(unknown.body.find("bogus"), std::string::npos) << "the unknown field is named";
  EXPECT_EQ(ProjectCount(*fgw), 3);
}

TEST_P(InputApi, DeepNestingOversizedBodiesAndWrongMediaTypes) {
  auto fgw = As("fgw");
  std::string deep = "{\"name\":" + std::string(5000, '[') + std::string(5000, ']') + "}";
  ExpectBilingualError(fgw->Post("/api/v1/projects", deep), 400);
  std::string huge = "{\"name\":\"" + std::string(3 << 20, 'a') + "\"}";
  HttpResult too_big = fgw->Post("/api/v1/projects", huge);
  EXPECT_EQ(too_big.status, 413);
  auto again = As("fgw");  // the server may close the connection after a 413
  HttpResult form = again->Request("POST", "/api/v1/projects", "name=x",
                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
  ExpectBilingualError(form, 415);
  std::string invalid_utf8 = "{\"name\":\"\xff\xfe\",\"total_investment\":\"1\"}";
  HttpResult bad_text = again->Post("/api/v1/projects", invalid_utf8);
  EXPECT_EQ(bad_text.status, 400);
  EXPECT_EQ(ProjectCount(*again), 3);
}

TEST_P(InputApi, BadCodesAreExplained) {
  auto fgw = As("fgw");
  HttpResult code = fgw->Post("/api/v1/projects", Json({{"name", "代码错误项目"},
                                                        {"total_investment", "1000"},
                                                        {"code", "2026-61011-65-01-00012"}}));
  ExpectBilingualError(code, 400);
  EXPECT_EQ(code.json.at("error").at("details").at(0).at("field"), "code");
  HttpResult industry = fgw->Post(
      "/api/v1/projects",
      Json({{"name", "行业错误项目"}, {"total_investment", "1000"}, {"industry_code", "P01"}}));
  ExpectBilingualError(industry, 400);
  HttpResult credit = fgw->Post("/api/v1/units", Json({{"name", "校验位错误公司"},
                                                       {"kind", "company"},
                                                       {"credit_code", "91350203M0001QAY9B"}}));
  ExpectBilingualError(credit, 400);
  EXPECT_NE(credit.json.at("error").at("message_zh").as_string().find("统一社会信用代码"),
            std::string::npos);
  HttpResult region = fgw->Post("/api/v1/regions", Json({{"code", "990113"}, {"name", "无此地"}}));
  ExpectBilingualError(region, 400);
  HttpResult full_width = fgw->Post(
      "/api/v1/projects", Json({{"name", "全角代码项目"},
                                {"total_investment", "1000"},
                                {"code", "２０２６－６１０１１３－６５－０１－０００９９９"}}));
  ASSERT_EQ(full_width.status, 201) << full_width.body;
  EXPECT_EQ(full_width.json.at("code"), "2026-610113-65-01-000999") << "normalised";
}

TEST_P(InputApi, BadQueriesAndIdsAreRefused) {
  auto fgw = As("fgw");
  for (const char* target :
       {"/api/v1/projects?limit=abc", "/api/v1/projects?limit=100000", "/api/v1/projects?offset=-1",
        "/api/v1/projects?stage=built", "/api/v1/projects?unit=1%27%20OR%201=1",
        "/api/v1/projects?sort=password", "/api/v1/projects?colour=red",
        "/api/v1/projects?year=20x6", "/api/v1/projects?industry=p83"}) {
    SCOPED_TRACE(target);
    ExpectBilingualError(fgw->Get(target), 400);
  }
  for (const char* target : {"/api/v1/projects/abc", "/api/v1/projects/-1",
                             "/api/v1/projects/99999999999999999999", "/api/v1/projects/0"}) {
    SCOPED_TRACE(target);
    EXPECT_EQ(fgw->Get(target).status, 404);
  }
  EXPECT_EQ(fgw->Get("/api/v1/nothing-here").status, 404);
  EXPECT_EQ(fgw->Request("PUT", "/api/v1/projects", "{}").status, 405);
}

TEST_P(InputApi, EnglishWhenTheBrowserPrefersIt) {
  auto fgw = As("fgw");
  HttpResult zh = fgw->Get("/api/v1/projects?limit=abc");
  HttpResult en = fgw->Request("GET", "/api/v1/projects?limit=abc", "",
                               {{"Accept-Language", "en-US,en;q=0.9,zh;q=0.5"}});
  EXPECT_EQ(zh.json.at("error").at("message"), zh.json.at("error").at("message_zh"));
  EXPECT_EQ(en.json.at("error").at("message"), en.json.at("error").at("message_en"));
}

TEST_P(InputApi, MalformedHttpIsAnsweredNotCrashed) {
  auto raw = server().Anonymous();
  std::string reply = raw->SendRaw("GARBAGE\r\n\r\n");
  EXPECT_TRUE(reply.empty() || reply.rfind("HTTP/1.1 400", 0) == 0) << reply;
  reply = raw->SendRaw("GET /api/v1/projects HTTP/1.1\r\nHost: x\r\nX-Big: " +
                       std::string(64 << 10, 'a') + "\r\n\r\n");
  EXPECT_TRUE(reply.empty() || reply.rfind("HTTP/1.1 4", 0) == 0) << reply.substr(0, 100);
  reply = raw->SendRaw("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(reply.find("root:"), std::string::npos);
  EXPECT_EQ(raw->Get("/healthz").status, 200) << "the server is still up";
}

}  // namespace
}  // namespace keyline::testing
