#include "http/router.h"

#include <gtest/gtest.h>

namespace keyline::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Json(200, name); };
}

std::string Call(const Router::Match& match, Request& request) {
  return (*match.handler)(request).body;
}

Request Make(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

TEST(RouterTest, MatchesLiteralAndCaptureSegments) {
  Router router;
  router.Add("GET", "/api/v1/projects", Named("list"));
  router.Add("GET", "/api/v1/projects/{id}", Named("get"));
  router.Add("POST", "/api/v1/projects/{id}/stage", Named("stage"));

  Request list = Make("GET", "/api/v1/projects");
  auto m = router.Find(list);
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(Call(m, list), "list");

  Request get = Make("GET", "/api/v1/projects/42");
  m = router.Find(get);
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(Call(m, get), "get");
  EXPECT_EQ(get.path_params.at("id"), "42");

  Request stage = Make("POST", "/api/v1/projects/7/stage");
  m = router.Find(stage);
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(stage.path_params.at("id"), "7");
}

TEST(RouterTest, RoutesListsMethodAndTemplateInOrder) {
  Router router;
  router.Add("GET", "/api/v1/projects", Named("list"));
  router.Add("DELETE", "/api/v1/projects/{id}/assignments/{aid}", Named("del"));
  router.Add("GET", "/", Named("root"));
  auto routes = router.Routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].path_template, "/api/v1/projects");
  EXPECT_EQ(routes[1].method, "DELETE");
  EXPECT_EQ(routes[1].path_template, "/api/v1/projects/{id}/assignments/{aid}");
  EXPECT_EQ(routes[2].path_template, "/");
}

TEST(RouterTest, NotFoundForOtherPaths) {
  Router router;
  router.Add("GET", "/api/v1/projects/{id}", Named("get"));
  for (const char* path : {"/api/v1/projects", "/api/v1/projects/", "/api/v1/projects/1/x",
                           "/api/v1", "/", "", "/api/v1/projects//"}) {
    Request r = Make("GET", path);
    EXPECT_EQ(router.Find(r).kind, Router::MatchKind::kNotFound) << path;
  }
}

TEST(RouterTest, MethodNotAllowedListsMethods) {
  Router router;
  router.Add("GET", "/api/v1/items/{id}", Named("get"));
  router.Add("PATCH", "/api/v1/items/{id}", Named("patch"));
  router.Add("DELETE", "/api/v1/items/{id}", Named("delete"));
  Request r = Make("POST", "/api/v1/items/3");
  auto m = router.Find(r);
  EXPECT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allowed_methods, "GET, PATCH, DELETE, HEAD");
  EXPECT_EQ(m.handler, nullptr);
}

TEST(RouterTest, HeadFallsBackToGet) {
  Router router;
  router.Add("GET", "/api/v1/items", Named("get"));
  Request r = Make("HEAD", "/api/v1/items");
  auto m = router.Find(r);
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(Call(m, r), "get");
}

TEST(RouterTest, LiteralBeatsCaptureRegardlessOfOrder) {
  Router router;
  router.Add("GET", "/api/v1/projects/{id}", Named("get"));
  router.Add("GET", "/api/v1/projects/export", Named("export"));
  Request r = Make("GET", "/api/v1/projects/export");
  auto m = router.Find(r);
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(Call(m, r), "export");
  EXPECT_TRUE(r.path_params.empty());
}

TEST(RouterTest, MultipleCaptures) {
  Router router;
  router.Add("DELETE", "/api/v1/projects/{id}/assignments/{aid}", Named("del"));
  Request r = Make("DELETE", "/api/v1/projects/5/assignments/9");
  ASSERT_EQ(router.Find(r).kind, Router::MatchKind::kFound);
  EXPECT_EQ(r.path_params.at("id"), "5");
  EXPECT_EQ(r.path_params.at("aid"), "9");
}

TEST(RouterTest, MaxBodyForUsesMatchingRoute) {
  Router router;
  router.Add("POST", "/api/v1/files", Named("upload"), {.max_body_bytes = 10 << 20});
  router.Add("POST", "/api/v1/small", Named("small"), {.max_body_bytes = 16});
  router.Add("GET", "/api/v1/files", Named("list"));
  EXPECT_EQ(router.MaxBodyFor("POST", "/api/v1/files"), size_t{10 << 20});
  EXPECT_EQ(router.MaxBodyFor("GET", "/api/v1/files"), size_t{1 << 20});
  EXPECT_EQ(router.MaxBodyFor("POST", "/api/v1/small"), 16u);
  // Unrouted requests get the default limit; they are answered 404/405 anyway.
  EXPECT_EQ(router.MaxBodyFor("POST", "/nowhere"), RouteOptions{}.max_body_bytes);
}

}  // namespace
}  // namespace keyline::http
