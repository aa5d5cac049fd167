// /api/v1/signing-events (招商活动) and /api/v1/attraction/{contracts,rates}: signed contracts
// and their 履约率, 落地率, 开工率 and 资金到位率.
#include "api/attraction_routes.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/date.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"
#include "core/service/attraction_services.h"

namespace keyline::api {
namespace {

EventInput ReadEventInput(FieldReader& f) {
  EventInput in;
  in.name = f.String("name", true, 200).value_or("");
  in.held_on = f.Date("held_on", true).value_or("");
  in.place = f.String("place", false, 200).value_or("");
  in.outbound = f.Bool("outbound", false).value_or(false);
  in.note = f.String("note", false, 2000).value_or("");
  f.Ignore({"id", "created_at", "updated_at"});
  return in;
}

Status ReadContractQuery(const http::Request& req, ContractQuery* q) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"year", "event", "unit"}));
  KL_RETURN_IF_ERROR(QueryYear(req, &q->year));
  KL_RETURN_IF_ERROR(QueryId(req, "event", &q->event_id));
  return QueryId(req, "unit", &q->unit_id);
}

http::Response ListEvents(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR_RESPONSE(req, QueryYear(req, &year));
  auto events = ctx.attraction->signing.ListEvents(caller, year);
  if (!events.ok()) return Error(req, events.status());
  return JsonOk(ItemsJson(*events, [](JsonWriter& w, const auto& e) { WriteJson(w, e); }));
}

http::Response CreateEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  EventInput in = ReadEventInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto event = ctx.attraction->signing.CreateEvent(caller, in);
  if (!event.ok()) return Error(req, event.status());
  return JsonOk(ToJson(*event), 201);
}

http::Response GetEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto detail = ctx.attraction->signing.GetEvent(caller, *id);
  if (!detail.ok()) return Error(req, detail.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("event");
  WriteJson(w, detail->event);
  w.Key("contracts").BeginArray();
  for (const SignedContractRow& row : detail->contracts) WriteJson(w, row);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response PutEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  EventInput in = ReadEventInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto event = ctx.attraction->signing.UpdateEvent(caller, *id, *version, in);
  if (!event.ok()) return Error(req, event.status());
  return JsonOk(ToJson(*event));
}

http::Response ListContracts(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ContractQuery q;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadContractQuery(req, &q));
  auto rows = ctx.attraction->signing.Contracts(caller, q);
  if (!rows.ok()) return Error(req, rows.status());
  return JsonOk(ItemsJson(*rows, [](JsonWriter& w, const auto& r) { WriteJson(w, r); }));
}

http::Response Rates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ContractQuery q;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadContractQuery(req, &q));
  auto rates = ctx.attraction->signing.Rates(caller, q);
  if (!rates.ok()) return Error(req, rates.status());
  rates->as_of = Date::FromUnixMsBeijing(ctx.clock->NowMs()).ToString();
  return JsonOk(ToJson(*rates));
}

}  // namespace

void RegisterSigningRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/signing-events", Bind(ctx, ListEvents));
  router.Add("POST", "/api/v1/signing-events", Bind(ctx, CreateEvent), SmallBody());
  router.Add("GET", "/api/v1/signing-events/{id}", Bind(ctx, GetEvent));
  router.Add("PUT", "/api/v1/signing-events/{id}", Bind(ctx, PutEvent), SmallBody());
  router.Add("GET", "/api/v1/attraction/contracts", Bind(ctx, ListContracts));
  router.Add("GET", "/api/v1/attraction/rates", Bind(ctx, Rates));
}

}  // namespace keyline::api
