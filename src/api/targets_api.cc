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

http::Response ListTargets(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR_RESPONSE(req, QueryYear(req, &year));
  if (!year) year = Date::FromUnixMsBeijing(ctx.clock->NowMs()).year;
  auto views = ctx.attraction->targets.List(caller, *year);
  if (!views.ok()) return Error(req, views.status());
  return JsonOk(ItemsJson(*views, WriteView));
}

http::Response CreateTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  TargetInput in = ReadTargetInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto target = ctx.attraction->targets.Create(caller, in);
  if (!target.ok()) return Error(req, target.status());
  return JsonOk(ToJson(*target), 201);
}

http::Response GetTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto detail = ctx.attraction->targets.Get(caller, *id);
  if (!detail.ok()) return Error(req, detail.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("view");
  WriteView(w, detail->view);
  w.Key("actuals").BeginArray();
  for (const TargetActual& a : detail->actuals) WriteJson(w, a);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response PutTarget(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  TargetInput in = ReadTargetInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto target = ctx.attraction->targets.Update(caller, *id, *version, in);
  if (!target.ok()) return Error(req, target.status());
  return JsonOk(ToJson(*target));
}

http::Response AddActual(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  auto value = f.Double("value", true);
  auto as_of = f.Date("as_of", true);
  std::string note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto actual = ctx.attraction->targets.RecordActual(caller, *id, *value, *as_of, note);
  if (!actual.ok()) return Error(req, actual.status());
  return JsonOk(ToJson(*actual), 201);
}

}  // namespace

void RegisterTargetRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/targets", Bind(ctx, ListTargets));
  router.Add("POST", "/api/v1/targets", Bind(ctx, CreateTarget), SmallBody());
  router.Add("GET", "/api/v1/targets/{id}", Bind(ctx, GetTarget));
  router.Add("PUT", "/api/v1/targets/{id}", Bind(ctx, PutTarget), SmallBody());
  router.Add("POST", "/api/v1/targets/{id}/actuals", Bind(ctx, AddActual), SmallBody());
}

}  // namespace keyline::api
