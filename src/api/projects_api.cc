// /api/v1/projects: the ledger, stage moves, stage history and assignments.
#include "api/api_context.h"
#include "api/json_input.h"
#include "api/project_input.h"
#include "api/supervision_input.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/service/project_service.h"

namespace keyline::api {
namespace {

std::string PageJson(const PageOf<Project>& page, const Page& request_page) {
  return PagedJson(page, request_page, [](JsonWriter& w, const Project& p) { WriteJson(w, p); });
}

template <typename T>
std::string ListJson(const std::vector<T>& items) {
  return ItemsJson(items, [](JsonWriter& w, const T& item) { WriteJson(w, item); });
}

http::Response ListProjects(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProjectQuery query;
  Status st = ReadProjectQuery(req, &query);
  if (!st.ok()) return Error(req, st);
  auto page = ctx.projects->List(caller, query);
  if (!page.ok()) return Error(req, page.status());
  return JsonOk(PageJson(*page, query.page));
}

http::Response CreateProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  Project draft;
  std::string reason;
  int64_t version = 0;
  Status st = ReadProject(*body, /*creating=*/true, &draft, &reason, &version);
  if (!st.ok()) return Error(req, st);
  auto created = ctx.projects->Create(caller, std::move(draft), reason);
  if (!created.ok()) return Error(req, created.status());
  http::Response res = JsonOk(ToJson(*created), 201);
  res.headers.emplace_back("Location", "/api/v1/projects/" + std::to_string(created->id));
  return res;
}

http::Response GetProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto project = ctx.projects->Get(caller, *id);
  if (!project.ok()) return Error(req, project.status());
  return JsonOk(ToJson(*project));
}

http::Response PatchProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  // Validate the body's shape before touching the database.
  Project scratch;
  std::string unused;
  int64_t version = 0;
  Status shape = ReadProject(*body, /*creating=*/false, &scratch, &unused, &version);
  if (!shape.ok()) return Error(req, shape);
  const boost::json::object& fields = *body;
  auto updated = ctx.projects->Update(caller, *id, version, [&](Project& p) {
    std::string ignored_reason;
    int64_t ignored_version = 0;
    return ReadProject(fields, /*creating=*/false, &p, &ignored_reason, &ignored_version);
  });
  if (!updated.ok()) return Error(req, updated.status());
  return JsonOk(ToJson(*updated));
}

http::Response MoveStage(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  StageMove move;
  Status st = ReadStageMove(*body, &move);
  if (!st.ok()) return Error(req, st);
  auto updated = ctx.projects->MoveStage(caller, *id, move);
  if (!updated.ok()) return Error(req, updated.status());
  return JsonOk(ToJson(*updated));
}

http::Response StageHistory(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto history = ctx.projects->StageHistory(caller, *id);
  if (!history.ok()) return Error(req, history.status());
  return JsonOk(ListJson(*history));
}

http::Response ListAssignments(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto items = ctx.projects->Assignments(caller, *id);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ListJson(*items));
}

http::Response AddAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  Assignment a;
  int64_t version = 0;
  Status st = ReadAssignment(*body, /*creating=*/true, &a, &version);
  if (!st.ok()) return Error(req, st);
  a.project_id = *id;
  auto created = ctx.projects->AddAssignment(caller, a);
  if (!created.ok()) return Error(req, created.status());
  return JsonOk(ToJson(*created), 201);
}

http::Response PatchAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto aid = PathId(req, "aid");
  if (!aid.ok()) return Error(req, aid.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  Assignment scratch;
  int64_t version = 0;
  Status shape = ReadAssignment(*body, /*creating=*/false, &scratch, &version);
  if (!shape.ok()) return Error(req, shape);
  const boost::json::object& fields = *body;
  auto updated = ctx.projects->UpdateAssignment(caller, *id, *aid, version, [&](Assignment& a) {
    int64_t ignored = 0;
    return ReadAssignment(fields, /*creating=*/false, &a, &ignored);
  });
  if (!updated.ok()) return Error(req, updated.status());
  return JsonOk(ToJson(*updated));
}

http::Response DeleteAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto aid = PathId(req, "aid");
  if (!aid.ok()) return Error(req, aid.status());
  Status st = ctx.projects->RemoveAssignment(caller, *id, *aid);
  if (!st.ok()) return Error(req, st);
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

void RegisterProjectRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/projects", bind(ListProjects));
  router.Add("POST", "/api/v1/projects", bind(CreateProject));
  router.Add("GET", "/api/v1/projects/{id}", bind(GetProject));
  router.Add("PATCH", "/api/v1/projects/{id}", bind(PatchProject));
  router.Add("POST", "/api/v1/projects/{id}/stage", bind(MoveStage));
  router.Add("GET", "/api/v1/projects/{id}/stages", bind(StageHistory));
  router.Add("GET", "/api/v1/projects/{id}/assignments", bind(ListAssignments));
  router.Add("POST", "/api/v1/projects/{id}/assignments", bind(AddAssignment));
  router.Add("PATCH", "/api/v1/projects/{id}/assignments/{aid}", bind(PatchAssignment));
  router.Add("DELETE", "/api/v1/projects/{id}/assignments/{aid}", bind(DeleteAssignment));
}

}  // namespace keyline::api
