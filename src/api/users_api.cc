// /api/v1/users: account administration (admin only; enforced in UserService).
#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/service/user_service.h"

namespace keyline::api {
namespace {

std::optional<Role> ReadRole(FieldReader& r, bool required) {
  auto code = r.String("role", required, 32);
  if (!code) return std::nullopt;
  auto role = ParseRole(*code);
  if (!role) {
    r.AddError("role",
               "取值无效，可选：admin|supervisor|department|reporter|leader|service_officer",
               "must be one of admin|supervisor|department|reporter|leader|service_officer");
  }
  return role;
}

http::Response UserJson(const User& user, int status = 200) {
  JsonWriter w;
  WriteJson(w, user);
  return JsonOk(w.Take(), status);
}

http::Response NoContent() {
  http::Response res;
  res.status = 204;
  res.body.clear();
  return res;
}

Reply ListUsers(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto users, ctx.users->List(caller));
  JsonWriter w;
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const User& u : users) WriteJson(w, u);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply CreateUser(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  NewUser input;
  if (auto v = r.String("username", true, 64)) input.username = *v;
  if (auto v = r.String("display_name", false, 100)) input.display_name = *v;
  if (auto v = ReadRole(r, true)) input.role = *v;
  if (auto v = r.Int("unit_id", true, 1, INT64_MAX)) input.unit_id = *v;
  input.person_id = r.Int("person_id", false, 1, INT64_MAX);
  if (auto v = r.String("password", true, 128)) input.password = *v;
  KL_RETURN_IF_ERROR(r.Finish());
  if (input.display_name.empty()) input.display_name = input.username;
  KL_ASSIGN_OR_RETURN(auto user, ctx.users->Create(caller, input));
  return UserJson(user, 201);
}

Reply GetUser(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto user, ctx.users->Get(caller, id));
  return UserJson(user);
}

Reply PatchUser(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  r.Ignore({"id", "username", "created_at", "updated_at", "locked_until"});
  UserChange change;
  int64_t version = 0;
  if (auto v = r.Int("version", true, 1, INT64_MAX)) version = *v;
  change.display_name = r.String("display_name", false, 100);
  if (r.Has("role")) change.role = ReadRole(r, false);
  change.unit_id = r.Int("unit_id", false, 1, INT64_MAX);
  if (r.Has("person_id")) change.person_id = r.Int("person_id", false, 1, INT64_MAX);
  change.disabled = r.Bool("disabled", false);
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto user, ctx.users->Update(caller, id, version, change));
  return UserJson(user);
}

Reply SetPassword(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto password = r.String("password", true, 128);
  KL_RETURN_IF_ERROR(r.Finish());
  KL_RETURN_IF_ERROR(ctx.users->SetPassword(caller, id, *password));
  return NoContent();
}

Reply Unlock(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_RETURN_IF_ERROR(ctx.users->Unlock(caller, id));
  return NoContent();
}

}  // namespace

void RegisterUserRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/users", ListUsers);
  Route(router, ctx, "POST", "/api/v1/users", CreateUser, {.max_body_bytes = 8192});
  Route(router, ctx, "GET", "/api/v1/users/{id}", GetUser);
  Route(router, ctx, "PATCH", "/api/v1/users/{id}", PatchUser, {.max_body_bytes = 8192});
  Route(router, ctx, "POST", "/api/v1/users/{id}/password", SetPassword, {.max_body_bytes = 4096});
  Route(router, ctx, "POST", "/api/v1/users/{id}/unlock", Unlock, {.max_body_bytes = 1024});
}

}  // namespace keyline::api
