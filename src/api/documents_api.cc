// Documents out (issue 7): GET /projects/export.xlsx (the filtered ledger in the office
// layout), GET /oc4ids (an OC4IDS project package) and GET /bulletins/{YYYYMM} (the monthly
// bulletin as HTML, PDF or .xlsx). All scoped to the caller like the ledger.
#include "api/api_context.h"
#include "api/project_input.h"
#include "documents/bulletin_render.h"
#include "documents/bulletin_service.h"
#include "documents/export_service.h"

namespace keyline::api {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

http::Response File(std::string body, const char* type, const std::string& filename,
                    bool attachment) {
  http::Response res;
  res.status = 200;
  res.content_type = type;
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Cache-Control", "no-store");
  res.headers.emplace_back(
      "Content-Disposition",
      std::string(attachment ? "attachment" : "inline") + "; filename=\"" + filename + "\"");
  res.body = std::move(body);
  return res;
}

// "20260316" of the service's today.
std::string Stamp(ApiContext& ctx) {
  std::string today = ctx.projects->Today();
  today.erase(std::remove(today.begin(), today.end(), '-'), today.end());
  return today;
}

http::Response ExportLedger(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProjectQuery query;
  Status st = ReadProjectQuery(req, &query);
  if (!st.ok()) return Error(req, st);
  auto bytes = ctx.exports->LedgerXlsx(caller, query);
  if (!bytes.ok()) return Error(req, bytes.status());
  return File(std::move(*bytes), kXlsxType, "keyline-ledger-" + Stamp(ctx) + ".xlsx", true);
}

http::Response ExportOc4ids(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"project_id"}));
  std::vector<int64_t> ids;
  for (const auto& [key, value] : req.query) {
    int64_t id = 0;
    if (!ParseInt64(value, &id) || id <= 0) {
      return Error(
          req, Status::InvalidArgument("project_id应为正整数", "project_id must be a positive id",
                                       {{"project_id", "应为正整数", "must be a positive id"}}));
    }
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (ids.size() > 1000) {
    return Error(req, Status::InvalidArgument("一次最多导出1000个指定项目",
                                              "at most 1000 project_id values per request"));
  }
  documents::Oc4idsOptions options;
  std::string host(req.Header("host"));
  if (!host.empty() && host.find_first_of(" \"<>\\^`{|}") == std::string::npos) {
    options.uri = "http://" + host + "/api/v1/oc4ids";
  }
  auto json = ctx.exports->Oc4ids(caller, ids, options);
  if (!json.ok()) return Error(req, json.status());
  return JsonOk(std::move(*json));
}

http::Response GetBulletin(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"format"}));
  const std::string& text = req.path_params["period"];
  int64_t period = 0;
  if (text.size() != 6 || !ParseInt64(text, &period)) {
    return Error(req, Status::InvalidArgument("期次应为YYYYMM格式（如202610）",
                                              "the period must be YYYYMM (e.g. 202610)"));
  }
  std::string format = req.Query("format").value_or("html");
  if (format != "html" && format != "pdf" && format != "xlsx") {
    return Error(req, Status::InvalidArgument(
                          "format可选：html|pdf|xlsx", "format must be html, pdf or xlsx",
                          {{"format", "可选：html|pdf|xlsx", "must be html, pdf or xlsx"}}));
  }
  auto data = ctx.bulletins->Build(caller, static_cast<int>(period));
  if (!data.ok()) return Error(req, data.status());
  documents::BulletinDocument doc = documents::LayOutBulletin(*data);
  std::string name = "keyline-bulletin-" + text;
  if (format == "html") {
    http::Response res =
        File(documents::RenderBulletinHtml(doc), "text/html; charset=utf-8", name + ".html", false);
    res.headers.emplace_back("Content-Security-Policy",
                             "default-src 'none'; style-src 'unsafe-inline'");
    return res;
  }
  auto bytes =
      format == "pdf" ? documents::RenderBulletinPdf(doc) : documents::RenderBulletinXlsx(doc);
  if (!bytes.ok()) return Error(req, bytes.status());
  return format == "pdf" ? File(std::move(*bytes), "application/pdf", name + ".pdf", false)
                         : File(std::move(*bytes), kXlsxType, name + ".xlsx", true);
}

}  // namespace

void RegisterDocumentRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/projects/export.xlsx", bind(ExportLedger));
  router.Add("GET", "/api/v1/oc4ids", bind(ExportOc4ids));
  router.Add("GET", "/api/v1/bulletins/{period}", bind(GetBulletin));
}

}  // namespace keyline::api
