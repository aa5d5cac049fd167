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

Reply ListEvents(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"year"}));
  std::optional<int> year;
  KL_RETURN_IF_ERROR(QueryYear(req, &year));
  KL_ASSIGN_OR_RETURN(auto events, ctx.attraction->signing.ListEvents(caller, year));
  return JsonOk(ItemsJson(events, [](JsonWriter& w, const auto& e) { WriteJson(w, e); }));
}

Reply CreateEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  EventInput in = ReadEventInput(f);
  f.Ignore({"version"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto event, ctx.attraction->signing.CreateEvent(caller, in));
  return JsonOk(ToJson(event), 201);
}

Reply GetEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto detail, ctx.attraction->signing.GetEvent(caller, id));
  JsonWriter w;
  w.BeginObject();
  w.Key("event");
  WriteJson(w, detail.event);
  w.Key("contracts").BeginArray();
  for (const SignedContractRow& row : detail.contracts) WriteJson(w, row);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply PutEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  EventInput in = ReadEventInput(f);
  auto version = f.Int("version", true, 1, INT64_MAX);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto event, ctx.attraction->signing.UpdateEvent(caller, id, *version, in));
  return JsonOk(ToJson(event));
}

Reply ListContracts(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ContractQuery q;
  KL_RETURN_IF_ERROR(ReadContractQuery(req, &q));
  KL_ASSIGN_OR_RETURN(auto rows, ctx.attraction->signing.Contracts(caller, q));
  return JsonOk(ItemsJson(rows, [](JsonWriter& w, const auto& r) { WriteJson(w, r); }));
}

Reply Rates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ContractQuery q;
  KL_RETURN_IF_ERROR(ReadContractQuery(req, &q));
  KL_ASSIGN_OR_RETURN(auto rates, ctx.attraction->signing.Rates(caller, q));
  rates.as_of = Date::FromUnixMsBeijing(ctx.clock->NowMs()).ToString();
  return JsonOk(ToJson(rates));
}

}  // namespace

void RegisterSigningRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/signing-events", ListEvents);
  Route(router, ctx, "POST", "/api/v1/signing-events", CreateEvent, SmallBody());
  Route(router, ctx, "GET", "/api/v1/signing-events/{id}", GetEvent);
  Route(router, ctx, "PUT", "/api/v1/signing-events/{id}", PutEvent, SmallBody());
  Route(router, ctx, "GET", "/api/v1/attraction/contracts", ListContracts);
  Route(router, ctx, "GET", "/api/v1/attraction/rates", Rates);
}

}  // namespace keyline::api
