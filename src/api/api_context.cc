#include "api/api_context.h"

#include <charconv>

#include "http/error_response.h"

namespace keyline::api {

void Route(http::Router& router, ApiContext& ctx, std::string method, std::string path,
           ApiHandler handler, http::RouteOptions options) {
  router.Add(
      std::move(method), std::move(path),
      [&ctx, handler = std::move(handler)](http::Request& request) -> http::Response {
        auto caller = ResolveCaller(ctx, request);
        if (!caller.ok()) return Error(request, caller.status());
        Reply reply = handler(ctx, *caller, request);
        if (!reply.ok()) return Error(request, reply.status());
        return std::move(reply).value();
      },
      options);
}

void PublicRoute(http::Router& router, ApiContext& ctx, std::string method, std::string path,
                 PublicHandler handler, http::RouteOptions options) {
  router.Add(
      std::move(method), std::move(path),
      [&ctx, handler = std::move(handler)](http::Request& request) -> http::Response {
        Reply reply = handler(ctx, request);
        if (!reply.ok()) return Error(request, reply.status());
        return std::move(reply).value();
      },
      options);
}

Result<int64_t> PathId(const http::Request& request, const char* name) {
  auto it = request.path_params.find(name);
  int64_t id = 0;
  if (it != request.path_params.end() && !it->second.empty() && it->second.size() <= 18) {
    const std::string& s = it->second;
    auto r = std::from_chars(s.data(), s.data() + s.size(), id);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && id > 0) return id;
  }
  return Status::NotFound("资源不存在", "not found");
}

http::Response JsonOk(std::string body, int status) {
  return http::Response::Json(status, std::move(body));
}

http::Response Error(const http::Request& request, const Status& status) {
  return http::ErrorResponse(request, status);
}

bool ParseInt64(const std::string& s, int64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

Status ReadPage(const http::Request& request, Page* page) {
  if (auto limit = request.Query("limit")) {
    int64_t v = 0;
    if (!ParseInt64(*limit, &v) || v < 1 || v > 500) {
      return Status::InvalidArgument("limit 应为1～500的整数", "limit must be an integer 1..500",
                                     {{"limit", "应为1～500的整数", "integer 1..500"}});
    }
    page->limit = v;
  }
  if (auto offset = request.Query("offset")) {
    int64_t v = 0;
    if (!ParseInt64(*offset, &v) || v < 0 || v > 10'000'000) {
      return Status::InvalidArgument("offset 应为非负整数", "offset must be a non-negative integer",
                                     {{"offset", "应为非负整数", "non-negative integer"}});
    }
    page->offset = v;
  }
  return Status::Ok();
}

Result<std::optional<int64_t>> QueryInt(const http::Request& request, const char* key, int64_t min,
                                        int64_t max, bool required) {
  std::optional<std::string> text = request.Query(key);
  std::string range = std::to_string(min) + "～" + std::to_string(max);
  std::string range_en = std::to_string(min) + ".." + std::to_string(max);
  if (!text) {
    if (!required) return std::optional<int64_t>();
    return Status::InvalidArgument(std::string("缺少查询参数 ") + key,
                                   std::string("missing query parameter ") + key,
                                   {{key, "必填", "required"}});
  }
  int64_t v = 0;
  if (!ParseInt64(*text, &v) || v < min || v > max) {
    return Status::InvalidArgument(std::string(key) + " 应为 " + range + " 的整数",
                                   std::string(key) + " must be an integer " + range_en,
                                   {{key, "应为 " + range + " 的整数", "integer " + range_en}});
  }
  return std::optional<int64_t>(v);
}

Result<int> PathPeriod(const http::Request& request, const char* name) {
  auto it = request.path_params.find(name);
  int64_t v = 0;
  if (it != request.path_params.end() && it->second.size() == 6 && ParseInt64(it->second, &v) &&
      v / 100 >= 2000 && v / 100 <= 2100 && v % 100 >= 1 && v % 100 <= 12) {
    return static_cast<int>(v);
  }
  return Status::NotFound("报告期无效（应为 YYYYMM，如 202610）",
                          "invalid period (expected YYYYMM, e.g. 202610)");
}

Result<ReportTarget> PathReportTarget(const http::Request& request) {
  ReportTarget t;
  KL_ASSIGN_OR_RETURN(t.project_id, PathId(request, "id"));
  KL_ASSIGN_OR_RETURN(t.period, PathPeriod(request, "period"));
  return t;
}

Status RejectUnknownQuery(const http::Request& request,
                          std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : request.query) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (!ok) {
      std::string k = key.substr(0, 64);
      return Status::InvalidArgument("未知的查询参数：" + k, "unknown query parameter: " + k,
                                     {{k, "未知的查询参数", "unknown query parameter"}});
    }
  }
  return Status::Ok();
}

void RegisterAllRoutes(http::Router& router, ApiContext& ctx) {
  RegisterSessionRoutes(router, ctx);
  RegisterUserRoutes(router, ctx);
  RegisterReferenceRoutes(router, ctx);
  RegisterProjectRoutes(router, ctx);
  RegisterAuditRoutes(router, ctx);
  RegisterMetaRoutes(router, ctx);
  RegisterPlanRoutes(router, ctx);
  RegisterReportRoutes(router, ctx);
  RegisterReportingRoutes(router, ctx);
  if (ctx.desk) RegisterReportDeskRoutes(router, ctx);
  RegisterAttachmentRoutes(router, ctx);
  RegisterProblemRoutes(router, ctx);
  RegisterProjectPlanRoutes(router, ctx);
  RegisterMeetingRoutes(router, ctx);
  RegisterFundRoutes(router, ctx);
  RegisterKeyListRoutes(router, ctx);
  RegisterFactorRoutes(router, ctx);
  RegisterAttractionRoutes(router, ctx);
  RegisterDocumentRoutes(router, ctx);
  if (ctx.imports) RegisterImportRoutes(router, ctx);
  RegisterIndicatorRoutes(router, ctx);
  if (ctx.naming) RegisterAliasRoutes(router, ctx);
  if (ctx.lights) RegisterLightsRoutes(router, ctx);
  if (ctx.rankings) RegisterRankingRoutes(router, ctx);
  if (ctx.lights && ctx.rankings) RegisterEngineExportRoutes(router, ctx);
  if (ctx.map && ctx.map_tiles && ctx.lights) RegisterMapRoutes(router, ctx);
}

}  // namespace keyline::api
