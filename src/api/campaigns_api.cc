// /api/v1/campaign-rounds: 三个一批 / 四个一批 rounds, their projects, figures and the 投产
// proposal from earlier rounds' 开工 projects.
#include "api/attraction_routes.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/attraction_services.h"

namespace keyline::api {
namespace {

RoundInput ReadRoundInput(FieldReader& f) {
  RoundInput in;
  in.name = f.String("name", true, 200).value_or("");
  in.held_on = f.Date("held_on", true).value_or("");
  in.place = f.String("place", false, 200).value_or("");
  in.scheme = f.Enum("scheme", CampaignSchemeTable(), false).value_or(CampaignScheme::kThree);
  in.note = f.String("note", false, 2000).value_or("");
  f.Ignore({"id", "created_at", "updated_at"});
  return in;
}

Reply ListRounds(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR(QueryYear(req, &year));
  KL_ASSIGN_OR_RETURN(auto rounds, ctx.attraction->campaigns.List(caller, year));
  return JsonOk(ItemsJson(rounds, [](JsonWriter& w, const auto& r) { WriteJson(w, r); }));
}

Reply CreateRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  RoundInput in = ReadRoundInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto round, ctx.attraction->campaigns.Create(caller, in));
  return JsonOk(ToJson(round), 201);
}

Reply GetRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto detail, ctx.attraction->campaigns.Get(caller, id));
  JsonWriter w;
  w.BeginObject();
  w.Key("round");
  WriteJson(w, detail.round);
  w.Key("entries").BeginArray();
  for (const CampaignEntry& e : detail.entries) WriteJson(w, e);
  w.EndArray();
  w.Key("stats");
  WriteJson(w, detail.stats);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply PutRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  RoundInput in = ReadRoundInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto round, ctx.attraction->campaigns.Update(caller, id, *version, in));
  return JsonOk(ToJson(round));
}

Reply AddProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  auto project = f.Int("project_id", true, 1, INT64_MAX);
  auto category = f.Enum("category", CampaignCategoryTable(), true);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto entry,
                      ctx.attraction->campaigns.AddProject(caller, id, *project, *category, note));
  return JsonOk(ToJson(entry), 201);
}

Reply RemoveProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto project, PathId(req, "project_id"));
  KL_RETURN_IF_ERROR(ctx.attraction->campaigns.RemoveProject(caller, id, project));
  return JsonOk("{}");
}

Reply Proposal(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto entries, ctx.attraction->campaigns.ProposeProduction(caller, id));
  return JsonOk(ItemsJson(entries, [](JsonWriter& w, const auto& e) { WriteJson(w, e); }));
}

}  // namespace

void RegisterCampaignRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/campaign-rounds", ListRounds);
  Route(router, ctx, "POST", "/api/v1/campaign-rounds", CreateRound, SmallBody());
  Route(router, ctx, "GET", "/api/v1/campaign-rounds/{id}", GetRound);
  Route(router, ctx, "PUT", "/api/v1/campaign-rounds/{id}", PutRound, SmallBody());
  Route(router, ctx, "POST", "/api/v1/campaign-rounds/{id}/projects", AddProject, SmallBody());
  Route(router, ctx, "DELETE", "/api/v1/campaign-rounds/{id}/projects/{project_id}", RemoveProject,
        SmallBody());
  Route(router, ctx, "GET", "/api/v1/campaign-rounds/{id}/production-proposal", Proposal);
}

}  // namespace keyline::api
