// Aliases (简称/别名) of units and people, and name look-ups:
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

Reply ListAliases(ApiContext& ctx, const Caller& caller, http::Request& req, AliasOwner owner) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto list, ctx.naming->ListAliases(caller, owner, id));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const NameAlias& a : list) WriteAlias(w, owner, a);
  w.EndArray().Key("total").Int(static_cast<int64_t>(list.size())).EndObject();
  return JsonOk(w.Take());
}

Reply AddAlias(ApiContext& ctx, const Caller& caller, http::Request& req, AliasOwner owner) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  std::string alias = r.String("alias", true, 100).value_or("");
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto added, ctx.naming->AddAlias(caller, owner, id, alias));
  JsonWriter w;
  WriteAlias(w, owner, added);
  return JsonOk(w.Take(), 201);
}

Reply DeleteAlias(ApiContext& ctx, const Caller& caller, http::Request& req, AliasOwner owner) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto alias_id, PathId(req, "alias_id"));
  KL_RETURN_IF_ERROR(ctx.naming->DeleteAlias(caller, owner, id, alias_id));
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

Reply ResolveUnit(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto name, NameQuery(req));
  KL_ASSIGN_OR_RETURN(auto match, ctx.naming->ResolveUnit(caller, name));
  JsonWriter w;
  w.BeginObject().Key("name").String(name);
  w.Key("status").String(naming::MatchOutcomeCode(match.outcome));
  w.Key("unit_id").OptInt(match.unit_id);
  w.Key("via").OptString(match.via.empty() ? std::nullopt : std::optional<std::string>(match.via));
  w.Key("candidates").BeginArray();
  for (const auto& c : match.candidates) {
    w.BeginObject().Key("id").Int(c.id).Key("name").String(c.name);
    w.Key("kind").String(UnitKindCode(c.kind)).Key("region_name").String(c.region_name);
    w.Key("score").Double(c.score).EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

Reply ResolvePerson(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto name, NameQuery(req));
  KL_ASSIGN_OR_RETURN(auto match, ctx.naming->ResolvePerson(caller, name));
  JsonWriter w;
  w.BeginObject().Key("name").String(name);
  w.Key("status").String(naming::MatchOutcomeCode(match.outcome));
  w.Key("person_id").OptInt(match.person_id);
  w.Key("via").OptString(match.via.empty() ? std::nullopt : std::optional<std::string>(match.via));
  w.Key("candidates").BeginArray();
  for (const auto& c : match.candidates) {
    w.BeginObject().Key("id").Int(c.id).Key("name").String(c.name);
    w.Key("title").String(c.title).Key("unit_name").String(c.unit_name);
    w.Key("score").Double(c.score).EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterAliasRoutes(http::Router& router, ApiContext& ctx) {
  using Fn = Reply (*)(ApiContext&, const Caller&, http::Request&, AliasOwner);
  auto of = [](Fn fn, AliasOwner owner) -> ApiHandler {
    return [fn, owner](ApiContext& ctx, const Caller& c, http::Request& r) {
      return fn(ctx, c, r, owner);
    };
  };
  for (auto [base, owner] : {std::pair{"/api/v1/units", AliasOwner::kUnit},
                             std::pair{"/api/v1/people", AliasOwner::kPerson}}) {
    std::string b = base;
    Route(router, ctx, "GET", b + "/{id}/aliases", of(ListAliases, owner));
    Route(router, ctx, "POST", b + "/{id}/aliases", of(AddAlias, owner));
    Route(router, ctx, "DELETE", b + "/{id}/aliases/{alias_id}", of(DeleteAlias, owner));
  }
  Route(router, ctx, "GET", "/api/v1/units/resolve", ResolveUnit);
  Route(router, ctx, "GET", "/api/v1/people/resolve", ResolvePerson);
}

}  // namespace keyline::api
