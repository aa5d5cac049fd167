// Aliases (简称/别名) of units and people, and name look-ups (issue 14):
//   GET    /api/v1/units/{id}/aliases            every role that reads units
//   POST   /api/v1/units/{id}/aliases {alias}    admin, supervisor (audited)
//   DELETE /api/v1/units/{id}/aliases/{alias_id} admin, supervisor (audited)
//   GET    /api/v1/units/resolve?name=区住建局    admin, supervisor: the match or candidates
// and the same under /api/v1/people.
#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/service/naming_service.h"

namespace keyline::api {
namespace {

void WriteAlias(JsonWriter& w, AliasOwner owner, const NameAlias& a) {
  w.BeginObject().Key("id").Int(a.id);
  w.Key(owner == AliasOwner::kUnit ? "unit_id" : "person_id").Int(a.owner_id);
  w.Key("alias").String(a.alias).Key("created_at").Int(a.created_at).EndObject();
}

http::Response ListAliases(ApiContext& ctx, const Caller& caller, http::Request& req,
                           AliasOwner owner) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto list = ctx.naming->ListAliases(caller, owner, *id);
  if (!list.ok()) return Error(req, list.status());
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const NameAlias& a : *list) WriteAlias(w, owner, a);
  w.EndArray().Key("total").Int(static_cast<int64_t>(list->size())).EndObject();
  return JsonOk(w.Take());
}

http::Response AddAlias(ApiContext& ctx, const Caller& caller, http::Request& req,
                        AliasOwner owner) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader r(*body);
  std::string alias = r.String("alias", true, 100).value_or("");
  KL_RETURN_IF_ERROR_RESPONSE(req, r.Finish());
  auto added = ctx.naming->AddAlias(caller, owner, *id, alias);
  if (!added.ok()) return Error(req, added.status());
  JsonWriter w;
  WriteAlias(w, owner, *added);
  return JsonOk(w.Take(), 201);
}

http::Response DeleteAlias(ApiContext& ctx, const Caller& caller, http::Request& req,
                           AliasOwner owner) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto alias_id = PathId(req, "alias_id");
  if (!alias_id.ok()) return Error(req, alias_id.status());
  Status st = ctx.naming->DeleteAlias(caller, owner, *id, *alias_id);
  if (!st.ok()) return Error(req, st);
  http::Response res;
  res.status = 204;
  return res;
}

Result<std::string> NameQuery(const http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"name"}));
  std::string name = req.Query("name").value_or("");
  if (name.empty() || name.size() > 600) {
    return Status::InvalidArgument("请给出查询参数 name（不超过200字）",
                                   "query parameter name is required (max 200 characters)",
                                   {{"name", "必填", "required"}});
  }
  return name;
}

http::Response ResolveUnit(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto name = NameQuery(req);
  if (!name.ok()) return Error(req, name.status());
  auto match = ctx.naming->ResolveUnit(caller, *name);
  if (!match.ok()) return Error(req, match.status());
  JsonWriter w;
  w.BeginObject().Key("name").String(*name);
  w.Key("status").String(naming::MatchOutcomeCode(match->outcome));
  w.Key("unit_id").OptInt(match->unit_id);
  w.Key("via").OptString(match->via.empty() ? std::nullopt
                                            : std::optional<std::string>(match->via));
  w.Key("candidates").BeginArray();
  for (const auto& c : match->candidates) {
    w.BeginObject().Key("id").Int(c.id).Key("name").String(c.name);
    w.Key("kind").String(UnitKindCode(c.kind)).Key("region_name").String(c.region_name);
    w.Key("score").Double(c.score).EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

http::Response ResolvePerson(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto name = NameQuery(req);
  if (!name.ok()) return Error(req, name.status());
  auto match = ctx.naming->ResolvePerson(caller, *name);
  if (!match.ok()) return Error(req, match.status());
  JsonWriter w;
  w.BeginObject().Key("name").String(*name);
  w.Key("status").String(naming::MatchOutcomeCode(match->outcome));
  w.Key("person_id").OptInt(match->person_id);
  w.Key("via").OptString(match->via.empty() ? std::nullopt
                                            : std::optional<std::string>(match->via));
  w.Key("candidates").BeginArray();
  for (const auto& c : match->candidates) {
    w.BeginObject().Key("id").Int(c.id).Key("name").String(c.name);
    w.Key("title").String(c.title).Key("unit_name").String(c.unit_name);
    w.Key("score").Double(c.score).EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterAliasRoutes(http::Router& router, ApiContext& ctx) {
  using Fn = http::Response (*)(ApiContext&, const Caller&, http::Request&, AliasOwner);
  auto bind = [&ctx](Fn fn, AliasOwner owner) {
    return Protected(
        ctx, [&ctx, fn, owner](const Caller& c, http::Request& r) { return fn(ctx, c, r, owner); });
  };
  for (auto [base, owner] : {std::pair{"/api/v1/units", AliasOwner::kUnit},
                             std::pair{"/api/v1/people", AliasOwner::kPerson}}) {
    std::string b = base;
    router.Add("GET", b + "/{id}/aliases", bind(ListAliases, owner));
    router.Add("POST", b + "/{id}/aliases", bind(AddAlias, owner));
    router.Add("DELETE", b + "/{id}/aliases/{alias_id}", bind(DeleteAlias, owner));
  }
  router.Add(
      "GET", "/api/v1/units/resolve",
      Protected(ctx, [&ctx](const Caller& c, http::Request& r) { return ResolveUnit(ctx, c, r); }));
  router.Add("GET", "/api/v1/people/resolve",
             Protected(ctx, [&ctx](const Caller& c, http::Request& r) {
               return ResolvePerson(ctx, c, r);
             }));
}

}  // namespace keyline::api
