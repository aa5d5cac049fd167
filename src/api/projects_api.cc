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

Reply ListProjects(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProjectQuery query;
  KL_RETURN_IF_ERROR(ReadProjectQuery(req, &query));
  KL_ASSIGN_OR_RETURN(auto page, ctx.projects->List(caller, query));
  return JsonOk(PageJson(page, query.page));
}

Reply CreateProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  Project draft;
  std::string reason;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadProject(body, /*creating=*/true, &draft, &reason, &version));
  KL_ASSIGN_OR_RETURN(auto created, ctx.projects->Create(caller, std::move(draft), reason));
  http::Response res = JsonOk(ToJson(created), 201);
  res.headers.emplace_back("Location", "/api/v1/projects/" + std::to_string(created.id));
  return res;
}

Reply GetProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto project, ctx.projects->Get(caller, id));
  return JsonOk(ToJson(project));
}

Reply PatchProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  // Validate the body's shape before touching the database.
  Project scratch;
  std::string unused;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadProject(body, /*creating=*/false, &scratch, &unused, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated, ctx.projects->Update(caller, id, version, [&](Project& p) {
    std::string ignored_reason;
    int64_t ignored_version = 0;
    return ReadProject(fields, /*creating=*/false, &p, &ignored_reason, &ignored_version);
  }));
  return JsonOk(ToJson(updated));
}

Reply MoveStage(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  StageMove move;
  KL_RETURN_IF_ERROR(ReadStageMove(body, &move));
  KL_ASSIGN_OR_RETURN(auto updated, ctx.projects->MoveStage(caller, id, move));
  return JsonOk(ToJson(updated));
}

Reply StageHistory(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto history, ctx.projects->StageHistory(caller, id));
  return JsonOk(ListJson(history));
}

Reply ListAssignments(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto items, ctx.projects->Assignments(caller, id));
  return JsonOk(ListJson(items));
}

Reply AddAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  Assignment a;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadAssignment(body, /*creating=*/true, &a, &version));
  a.project_id = id;
  KL_ASSIGN_OR_RETURN(auto created, ctx.projects->AddAssignment(caller, a));
  return JsonOk(ToJson(created), 201);
}

Reply PatchAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto aid, PathId(req, "aid"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  Assignment scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadAssignment(body, /*creating=*/false, &scratch, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated,
                      ctx.projects->UpdateAssignment(caller, id, aid, version, [&](Assignment& a) {
                        int64_t ignored = 0;
                        return ReadAssignment(fields, /*creating=*/false, &a, &ignored);
                      }));
  return JsonOk(ToJson(updated));
}

Reply DeleteAssignment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto aid, PathId(req, "aid"));
  KL_RETURN_IF_ERROR(ctx.projects->RemoveAssignment(caller, id, aid));
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

void RegisterProjectRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/projects", ListProjects);
  Route(router, ctx, "POST", "/api/v1/projects", CreateProject);
  Route(router, ctx, "GET", "/api/v1/projects/{id}", GetProject);
  Route(router, ctx, "PATCH", "/api/v1/projects/{id}", PatchProject);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/stage", MoveStage);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/stages", StageHistory);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/assignments", ListAssignments);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/assignments", AddAssignment);
  Route(router, ctx, "PATCH", "/api/v1/projects/{id}/assignments/{aid}", PatchAssignment);
  Route(router, ctx, "DELETE", "/api/v1/projects/{id}/assignments/{aid}", DeleteAssignment);
}

}  // namespace keyline::api
