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

http::Response ListRounds(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR_RESPONSE(req, QueryYear(req, &year));
  auto rounds = ctx.attraction->campaigns.List(caller, year);
  if (!rounds.ok()) return Error(req, rounds.status());
  return JsonOk(ItemsJson(*rounds, [](JsonWriter& w, const auto& r) { WriteJson(w, r); }));
}

http::Response CreateRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  RoundInput in = ReadRoundInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto round = ctx.attraction->campaigns.Create(caller, in);
  if (!round.ok()) return Error(req, round.status());
  return JsonOk(ToJson(*round), 201);
}

http::Response GetRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto detail = ctx.attraction->campaigns.Get(caller, *id);
  if (!detail.ok()) return Error(req, detail.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("round");
  WriteJson(w, detail->round);
  w.Key("entries").BeginArray();
  for (const CampaignEntry& e : detail->entries) WriteJson(w, e);
  w.EndArray();
  w.Key("stats");
  WriteJson(w, detail->stats);
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response PutRound(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  RoundInput in = ReadRoundInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto round = ctx.attraction->campaigns.Update(caller, *id, *version, in);
  if (!round.ok()) return Error(req, round.status());
  return JsonOk(ToJson(*round));
}

http::Response AddProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  auto project = f.Int("project_id", true, 1, INT64_MAX);
  auto category = f.Enum("category", CampaignCategoryTable(), true);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto entry = ctx.attraction->campaigns.AddProject(caller, *id, *project, *category, note);
  if (!entry.ok()) return Error(req, entry.status());
  return JsonOk(ToJson(*entry), 201);
}

http::Response RemoveProject(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto project = PathId(req, "project_id");
  if (!project.ok()) return Error(req, project.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, ctx.attraction->campaigns.RemoveProject(caller, *id, *project));
  return JsonOk("{}");
}

http::Response Proposal(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto entries = ctx.attraction->campaigns.ProposeProduction(caller, *id);
  if (!entries.ok()) return Error(req, entries.status());
  return JsonOk(ItemsJson(*entries, [](JsonWriter& w, const auto& e) { WriteJson(w, e); }));
}

}  // namespace

void RegisterCampaignRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/campaign-rounds", Bind(ctx, ListRounds));
  router.Add("POST", "/api/v1/campaign-rounds", Bind(ctx, CreateRound), SmallBody());
  router.Add("GET", "/api/v1/campaign-rounds/{id}", Bind(ctx, GetRound));
  router.Add("PUT", "/api/v1/campaign-rounds/{id}", Bind(ctx, PutRound), SmallBody());
  router.Add("POST", "/api/v1/campaign-rounds/{id}/projects", Bind(ctx, AddProject), SmallBody());
  router.Add("DELETE", "/api/v1/campaign-rounds/{id}/projects/{project_id}",
             Bind(ctx, RemoveProject), SmallBody());
  router.Add("GET", "/api/v1/campaign-rounds/{id}/production-proposal", Bind(ctx, Proposal));
}

}  // namespace keyline::api
