// The API contract: every route the server registers is documented in docs/api.yaml
// and every documented operation is routed; the document is served without login. (Each answer
// of every integration test is checked against its operation's schema in tests/http_client.cc.)
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/status.h"
#include "http/error_response.h"
#include "http/router.h"
#include "tests/api_test.h"
#include "tests/openapi_validator.h"

namespace keyline::testing {
namespace {

TEST(ApiContract, EveryRouteIsDocumentedAndEveryDocumentedOperationRouted) {
  const OpenApiDocument* contract = ApiContract();
  if (contract == nullptr)
    GTEST_SKIP() << "build/api.json not built (needs node and web/node_modules)";
  std::string reason;
  auto server = TestServer::Start(Backend::kSqlite, &reason);
  ASSERT_NE(server, nullptr) << reason;

  std::set<std::pair<std::string, std::string>> routed;
  for (const auto& route : server->app().router().Routes()) {
    if (route.path_template.rfind("/api/", 0) == 0)
      routed.emplace(route.method, route.path_template);
  }
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& operation : contract->Operations()) documented.insert(operation);
  ASSERT_GT(routed.size(), 100u) << "the app's router lists its routes";

  for (const auto& [method, path] : routed) {
    EXPECT_TRUE(documented.count({method, path}))
        << "route " << method << " " << path << " is not documented in docs/api.yaml";
  }
  for (const auto& [method, path] : documented) {
    EXPECT_TRUE(routed.count({method, path}))
        << "docs/api.yaml documents " << method << " " << path << " but no route serves it";
  }
}

TEST(ApiContract, ErrorCodesAreTheTaxonomyOfTheServer) {
  const OpenApiDocument* contract = ApiContract();
  if (contract == nullptr)
    GTEST_SKIP() << "build/api.json not built (needs node and web/node_modules)";
  for (int i = static_cast<int>(ErrorCode::kInvalidArgument);
       i <= static_cast<int>(ErrorCode::kInternal); ++i) {
    auto code = static_cast<ErrorCode>(i);
    std::string name(ErrorCodeName(code));
    boost::json::object error{{"error", boost::json::object{{"code", name},
                                                            {"message", "m"},
                                                            {"message_zh", "m"},
                                                            {"message_en", "m"},
                                                            {"details", boost::json::array{}},
                                                            {"request_id", "r"}}}};
    // Any operation's undocumented error status must be the Error envelope with a known code.
    EXPECT_EQ(
        contract->CheckAnswer("GET", "/api/v1/projects", http::HttpStatusFor(code), true, error),
        "")
        << name;
  }
}

class ApiDocumentServed : public ApiTest {};
KL_INSTANTIATE_BACKENDS(ApiDocumentServed);

TEST_P(ApiDocumentServed, WithoutLoginAsTheYamlInTheRepository) {
  std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/docs/api.yaml", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());

  auto anonymous = server().Anonymous();
  HttpResult r = anonymous->Get("/api/v1/openapi.yaml");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "application/yaml; charset=utf-8");
  EXPECT_EQ(r.body, text.str());
}

}  // namespace
}  // namespace keyline::testing
