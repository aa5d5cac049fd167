// /api/v1/session: log in, who am I, log out, change my password. Also the request -> Caller
// resolution (cookie, CSRF token, Origin check) used by every protected route.
#include <algorithm>

#include "api/api_context.h"
#include "api/json_input.h"
#include "auth/login_rate_limiter.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/service/auth_service.h"
#include "core/service/capabilities.h"
#include "core/service/login_throttle.h"
#include "core/service/user_service.h"

namespace keyline::api {
namespace {

bool IsUnsafe(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Rejects cross-site unsafe requests (CSRF defence in depth besides the token): a present
// Origin must be the configured one, or the same host the request was sent to.
Status CheckOrigin(const ApiContext& ctx, const http::Request& req) {
  if (req.Header("sec-fetch-site") == "cross-site") {
    return Status::Forbidden("拒绝跨站请求", "cross-site request refused");
  }
  std::string_view origin = req.Header("origin");
  if (origin.empty() || origin == "null") {
    if (origin == "null") return Status::Forbidden("拒绝跨站请求", "cross-site request refused");
    return Status::Ok();
  }
  if (!ctx.options.allowed_origin.empty()) {
    if (origin == ctx.options.allowed_origin) return Status::Ok();
  } else {
    std::string_view host = req.Header("host");
    size_t scheme_end = origin.find("://");
    if (scheme_end != std::string_view::npos && !host.empty() &&
        origin.substr(scheme_end + 3) == host) {
      return Status::Ok();
    }
  }
  return Status::Forbidden("拒绝跨站请求（来源不被允许）", "cross-site request refused (origin)");
}

std::string SessionCookie(const ApiContext& ctx, const std::string& token, bool clear) {
  std::string cookie =
      ctx.options.cookie_name + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Lax";
  if (ctx.options.cookie_secure) cookie += "; Secure";
  cookie += clear ? "; Max-Age=0" : "; Max-Age=43200";
  return cookie;
}

std::string MeJson(const User& user, const std::string& csrf_token) {
  JsonWriter w;
  w.BeginObject();
  w.Key("user");
  WriteJson(w, user);
  w.Key("role_label").String(RoleNameZh(user.role));
  w.Key("csrf_token").String(csrf_token);
  // What the screens may offer this user (core/service/capabilities.h).
  Caller caller;
  caller.user_id = user.id;
  caller.role = user.role;
  caller.unit_id = user.unit_id;
  caller.person_id = user.person_id;
  w.Key("can").BeginObject();
  for (const auto& [name, allowed] : CapabilitiesFor(caller)) w.Key(name).Bool(allowed);
  w.EndObject();
  w.EndObject();
  return w.Take();
}

// The error envelope; a (username, address) pair held back after wrong passwords gets a
// Retry-After of the seconds it must still wait (instead of the generic 1).
http::Response PasswordError(ApiContext& ctx, http::Request& req, const Status& status,
                             const std::string& username) {
  http::Response res = Error(req, status);
  if (status.code() != ErrorCode::kRateLimited || ctx.login_throttle == nullptr) return res;
  int64_t wait_ms = ctx.login_throttle->WaitMs(username, req.remote_ip);
  for (auto& [name, value] : res.headers) {
    if (name == "Retry-After") value = std::to_string(std::max<int64_t>(1, (wait_ms + 999) / 1000));
  }
  return res;
}

Reply Login(ApiContext& ctx, http::Request& req) {
  KL_RETURN_IF_ERROR(CheckOrigin(ctx, req));
  if (ctx.login_limiter && !ctx.login_limiter->Allow(req.remote_ip)) {
    return Status(ErrorCode::kRateLimited, "登录尝试过于频繁，请稍后再试",
                  "too many login attempts; try again later");
  }
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto username = r.String("username", true, 64);
  auto password = r.String("password", true, 128);
  KL_RETURN_IF_ERROR(r.Finish());
  auto result = ctx.auth->Login(*username, *password, req.remote_ip,
                                std::string(req.Header("user-agent").substr(0, 200)));
  if (!result.ok()) return PasswordError(ctx, req, result.status(), *username);
  http::Response res = JsonOk(MeJson(result->user, result->csrf_token));
  res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, result->token, false));
  return res;
}

Reply Me(ApiContext& ctx, http::Request& req) {
  std::string token = req.Cookie(ctx.options.cookie_name);
  if (token.empty()) {
    return Status::Unauthenticated("未登录", "not logged in");
  }
  KL_ASSIGN_OR_RETURN(auto who, ctx.auth->Authenticate(token));
  return JsonOk(MeJson(who.user, who.session.csrf_token));
}

Reply Logout(ApiContext& ctx, const Caller&, http::Request& req) {
  KL_RETURN_IF_ERROR(ctx.auth->Logout(req.Cookie(ctx.options.cookie_name)));
  http::Response res;
  res.status = 204;
  res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", true));
  return res;
}

Reply ChangeOwnPassword(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto old_password = r.String("old_password", true, 128);
  auto new_password = r.String("new_password", true, 128);
  KL_RETURN_IF_ERROR(r.Finish());
  Status st = ctx.users->ChangeOwnPassword(caller, *old_password, *new_password);
  if (!st.ok()) return PasswordError(ctx, req, st, caller.username);
  http::Response res;
  res.status = 204;
  res.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", true));
  return res;
}

}  // namespace

Result<Caller> ResolveCaller(ApiContext& ctx, const http::Request& request) {
  std::string token = request.Cookie(ctx.options.cookie_name);
  if (token.empty()) {
    return Status::Unauthenticated("未登录或登录已过期，请重新登录", "not logged in");
  }
  KL_ASSIGN_OR_RETURN(auto who, ctx.auth->Authenticate(token));
  if (IsUnsafe(request.method)) {
    KL_RETURN_IF_ERROR(CheckOrigin(ctx, request));
    if (!AuthService::CheckCsrf(who.session, request.Header("x-csrf-token"))) {
      return Status::Forbidden("缺少或错误的CSRF令牌，请刷新页面后重试",
                               "missing or wrong CSRF token; reload the page and retry");
    }
  }
  return CallerFor(who.user, request.remote_ip, request.request_id);
}

void RegisterSessionRoutes(http::Router& router, ApiContext& ctx) {
  PublicRoute(router, ctx, "POST", "/api/v1/session", Login, {.max_body_bytes = 4096});
  PublicRoute(router, ctx, "GET", "/api/v1/session", Me);
  Route(router, ctx, "DELETE", "/api/v1/session", Logout);
  Route(router, ctx, "PUT", "/api/v1/session/password", ChangeOwnPassword,
        {.max_body_bytes = 4096});
}

}  // namespace keyline::api
