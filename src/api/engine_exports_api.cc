// The engine's tables as .xlsx (engine_exports_api.h). Each handler parses its query exactly as
// the JSON endpoint does (engine_queries.h), calls the same service with the caller, and lays the
// result out with documents/engine_sheets.h.
#include "api/api_context.h"

#include "api/engine_queries.h"
#include "documents/engine_sheets.h"
#include "documents/export_service.h"
#include "engine/service/lights_service.h"
#include "engine/service/ranking_service.h"
#include "engine/service/rates_service.h"

namespace keyline::api {
namespace {

Reply Xlsx(const documents::OfficeSheet& sheet, const std::string& filename) {
  KL_ASSIGN_OR_RETURN(auto bytes, documents::WriteWorkbook({sheet}));
  http::Response res;
  res.status = 200;
  res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Cache-Control", "no-store");
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  res.body = std::move(bytes);
  return res;
}

std::string WindowZh(engine::Window w) {
  switch (w) {
    case engine::Window::kMonth:
      return "当月";
    case engine::Window::kQuarter:
      return "当季";
    case engine::Window::kYtd:
      break;
  }
  return "年初至今";
}

// "2026年3月" of YYYYMM.
std::string MonthZh(int period) {
  return std::to_string(period / 100) + "年" + std::to_string(period % 100) + "月";
}

Reply RatesXlsx(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"set", "period", "group_by", "window"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRateQuery(req, "unit"));
  std::string set = req.Query("set").value_or("");
  if (set.empty()) {
    return Status::InvalidArgument("缺少查询参数 set", "missing query parameter set",
                                   {{"set", "必填", "required"}});
  }
  KL_ASSIGN_OR_RETURN(auto r, ctx.rates->Rates(caller, set, q));
  std::string title =
      "重点项目指标完成情况（" + MonthZh(q.period) + "，" + WindowZh(q.window) + "）";
  std::string subtitle =
      "指标集：" + set + "　分组：" + req.Query("group_by").value_or("unit") + "　金额单位：万元";
  return Xlsx(documents::RatesSheet(r, title, subtitle),
              "keyline-rates-" + std::to_string(q.period) + ".xlsx");
}

Reply LightsXlsx(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period", "colour", "dimension", "unit_id"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadLightsFilter(req, *ctx.lights));
  q.page = 1;
  q.page_size = static_cast<int>(documents::kMaxExportRows);
  KL_ASSIGN_OR_RETURN(auto result, ctx.lights->List(caller, q));
  std::string subtitle = "期次：" + MonthZh(result.period) + "　红灯 " +
                         std::to_string(result.red) + "　黄灯 " + std::to_string(result.yellow) +
                         "　绿灯 " + std::to_string(result.green);
  return Xlsx(documents::LightsSheet(result.items, subtitle),
              "keyline-lights-" + std::to_string(result.period) + ".xlsx");
}

Reply RankingsXlsx(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"scheme", "period"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRankingQuery(req));
  KL_ASSIGN_OR_RETURN(auto r, ctx.rankings->Rank(caller, q.scheme, q.period));
  std::string subtitle = "期次：" + r.period.label + "　上期：" + r.previous.label;
  return Xlsx(documents::RankingSheet(r, subtitle), "keyline-rankings-" + r.period.label + ".xlsx");
}

}  // namespace

void RegisterEngineExportRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/export/rates.xlsx", RatesXlsx);
  Route(router, ctx, "GET", "/api/v1/export/lights.xlsx", LightsXlsx);
  Route(router, ctx, "GET", "/api/v1/export/rankings.xlsx", RankingsXlsx);
}

}  // namespace keyline::api
