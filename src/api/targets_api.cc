// /api/v1/targets: annual targets (目标任务), their actuals and progress against 序时进度.
#include "api/attraction_routes.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/date.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/attraction_services.h"

namespace keyline::api {
namespace {

TargetInput ReadTargetInput(FieldReader& f) {
  TargetInput in;
  in.year = static_cast<int>(f.Int("year", true, 2000, 2100).value_or(0));
  in.title = f.String("title", true, 500).value_or("");
  in.target_value = f.Double("target_value", true).value_or(0);
  in.unit = f.String("unit", false, 20).value_or("");
  in.responsible_unit_id = f.Int("responsible_unit_id", false, 1, INT64_MAX);
  in.measure = f.Enum("measure", TargetMeasureTable(), false).value_or(TargetMeasure::kManual);
  in.threshold = f.Amount("threshold", false);
  in.note = f.String("note", false, 2000).value_or("");
  f.Ignore({"id", "created_at", "updated_at"});
  return in;
}

void WriteView(JsonWriter& w, const TargetView& v) {
  w.BeginObject();
  w.Key("target");
  WriteJson(w, v.target);
  w.Key("progress");
  WriteJson(w, v.progress);
  w.Key("latest");
  if (v.latest) {
    WriteJson(w, *v.latest);
  } else {
    w.Null();
  }
  w.EndObject();
}

Reply ListTargets(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR(QueryYear(req, &year));
  if (!year) year = Date::FromUnixMsBeijing(ctx.clock->NowMs()).year;
  KL_ASSIGN_OR_RETURN(auto views, ctx.attraction->targets.List(caller, *year));
  return JsonOk(ItemsJson(views, WriteView));
}

Reply CreateTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  TargetInput in = ReadTargetInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto target, ctx.attraction->targets.Create(caller, in));
  return JsonOk(ToJson(target), 201);
}

Reply GetTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto detail, ctx.attraction->targets.Get(caller, id));
  JsonWriter w;
  w.BeginObject();
  w.Key("view");
  WriteView(w, detail.view);
  w.Key("actuals").BeginArray();
  for (const TargetActual& a : detail.actuals) WriteJson(w, a);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply PutTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  TargetInput in = ReadTargetInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto target, ctx.attraction->targets.Update(caller, id, *version, in));
  return JsonOk(ToJson(target));
}

Reply AddActual(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  auto value = f.Double("value", true);
  auto as_of = f.Date("as_of", true);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto actual,
                      ctx.attraction->targets.RecordActual(caller, id, *value, *as_of, note));
  return JsonOk(ToJson(actual), 201);
}

}  // namespace

void RegisterTargetRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/targets", ListTargets);
  Route(router, ctx, "POST", "/api/v1/targets", CreateTarget, SmallBody());
  Route(router, ctx, "GET", "/api/v1/targets/{id}", GetTarget);
  Route(router, ctx, "PUT", "/api/v1/targets/{id}", PutTarget, SmallBody());
  Route(router, ctx, "POST", "/api/v1/targets/{id}/actuals", AddActual, SmallBody());
}

}  // namespace keyline::api
