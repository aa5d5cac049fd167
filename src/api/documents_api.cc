// Documents out: GET /projects/export.xlsx (the filtered ledger in the office
// layout), GET /oc4ids (an OC4IDS project package) and GET /bulletins/{YYYYMM} (the monthly
// bulletin as HTML, PDF or .xlsx). All scoped to the caller like the ledger.
// Published bulletins: POST /bulletins/{YYYYMM}/issue (印发), GET /bulletins/{YYYYMM}/versions, and
// GET /bulletins/{YYYYMM} serving the issued version (stored, never recomputed) unless
// ?draft=1 asks for the live preview; writes to an issued version answer 409.
#include <boost/json.hpp>

#include "api/api_context.h"
#include "api/json_input.h"
#include "api/project_input.h"
#include "common/base64.h"
#include "core/service/snapshot_service.h"
#include "documents/bulletin_issue.h"
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

Reply ExportLedger(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProjectQuery query;
  KL_RETURN_IF_ERROR(ReadProjectQuery(req, &query));
  KL_ASSIGN_OR_RETURN(auto bytes, ctx.exports->LedgerXlsx(caller, query));
  return File(std::move(bytes), kXlsxType, "keyline-ledger-" + Stamp(ctx) + ".xlsx", true);
}

Reply ExportOc4ids(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"project_id"}));
  std::vector<int64_t> ids;
  for (const auto& [key, value] : req.query) {
    int64_t id = 0;
    if (!ParseInt64(value, &id) || id <= 0) {
      return Status::InvalidArgument("project_id应为正整数", "project_id must be a positive id",
                                     {{"project_id", "应为正整数", "must be a positive id"}});
    }
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (ids.size() > 1000) {
    return Status::InvalidArgument("一次最多导出1000个指定项目",
                                   "at most 1000 project_id values per request");
  }
  documents::Oc4idsOptions options;
  std::string host(req.Header("host"));
  if (!host.empty() && host.find_first_of(" \"<>\\^`{|}") == std::string::npos) {
    options.uri = "http://" + host + "/api/v1/oc4ids";
  }
  KL_ASSIGN_OR_RETURN(auto json, ctx.exports->Oc4ids(caller, ids, options));
  return JsonOk(std::move(json));
}

Result<int> BulletinPeriod(const http::Request& req) {
  auto it = req.path_params.find("period");
  int64_t period = 0;
  if (it == req.path_params.end() || it->second.size() != 6 || !ParseInt64(it->second, &period)) {
    return Status::InvalidArgument("期次应为YYYYMM格式（如202610）",
                                   "the period must be YYYYMM (e.g. 202610)");
  }
  return static_cast<int>(period);
}

Result<int64_t> VersionParam(std::string_view text) {
  int64_t v = 0;
  if (!ParseInt64(std::string(text), &v) || v < 1) {
    return Status::InvalidArgument("version应为正整数", "version must be a positive integer",
                                   {{"version", "应为正整数", "must be a positive integer"}});
  }
  return v;
}

// Headers naming the issued version a response carries.
void AddSnapshotHeaders(http::Response* res, const Snapshot& s) {
  res->headers.emplace_back("X-Keyline-Bulletin", "issued");
  res->headers.emplace_back("X-Keyline-Snapshot-Version", std::to_string(s.version));
  res->headers.emplace_back("X-Keyline-Snapshot-Sha256", s.sha256);
}

http::Response HtmlFile(std::string html, const std::string& name) {
  http::Response res = File(std::move(html), "text/html; charset=utf-8", name + ".html", false);
  res.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'");
  return res;
}

// The stored file of an issued bulletin in `format`.
Reply ServeIssued(ApiContext& ctx, const Snapshot& s, const std::string& format,
                  const std::string& name) {
  KL_ASSIGN_OR_RETURN(auto bytes, IssuedBulletinFile(*ctx.bulletin_issuer, s, format));
  http::Response res = format == "html" ? HtmlFile(std::move(bytes), name)
                       : format == "pdf"
                           ? File(std::move(bytes), "application/pdf", name + ".pdf", false)
                           : File(std::move(bytes), kXlsxType, name + ".xlsx", true);
  AddSnapshotHeaders(&res, s);
  return res;
}

Reply GetBulletin(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"format", "version", "draft"}));
  KL_ASSIGN_OR_RETURN(auto period, BulletinPeriod(req));
  std::string format = req.Query("format").value_or("html");
  if (format != "html" && format != "pdf" && format != "xlsx") {
    return Status::InvalidArgument(
        "format可选：html|pdf|xlsx", "format must be html, pdf or xlsx",
        {{"format", "可选：html|pdf|xlsx", "must be html, pdf or xlsx"}});
  }
  std::string draft = std::string(req.Query("draft").value_or("0"));
  if (draft != "0" && draft != "1" && draft != "true" && draft != "false") {
    return Status::InvalidArgument("draft应为0或1", "draft must be 0 or 1",
                                   {{"draft", "应为0或1", "must be 0 or 1"}});
  }
  bool live = draft == "1" || draft == "true";
  std::optional<int64_t> version;
  if (auto v = req.Query("version")) {
    if (live) {
      return Status::InvalidArgument("draft与version不能同时指定",
                                     "draft and version exclude each other");
    }
    KL_ASSIGN_OR_RETURN(auto parsed, VersionParam(*v));
    version = parsed;
  }
  std::string name = "keyline-bulletin-" + std::to_string(period);
  // The issued version for the readers of the whole area's bulletin, unless a draft is asked.
  if (!live && (version || documents::BulletinIssuer::ReadsIssued(caller.role))) {
    KL_ASSIGN_OR_RETURN(auto issued, ctx.bulletin_issuer->Issued(caller, period, version));
    if (issued) {
      return ServeIssued(ctx, *issued, format, name + "-v" + std::to_string(issued->version));
    }
  }
  KL_ASSIGN_OR_RETURN(auto data, ctx.bulletins->Build(caller, period));
  documents::BulletinDocument doc = documents::LayOutBulletin(data);
  http::Response res;
  if (format == "html") {
    res = HtmlFile(documents::RenderBulletinHtml(doc), name);
  } else {
    KL_ASSIGN_OR_RETURN(auto bytes, format == "pdf" ? documents::RenderBulletinPdf(doc)
                                                    : documents::RenderBulletinXlsx(doc));
    res = format == "pdf" ? File(std::move(bytes), "application/pdf", name + ".pdf", false)
                          : File(std::move(bytes), kXlsxType, name + ".xlsx", true);
  }
  res.headers.emplace_back("X-Keyline-Bulletin", "draft");
  return res;
}

Reply IssueBulletin(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto period, BulletinPeriod(req));
  std::string reason;
  if (!req.body.empty()) {
    KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
    FieldReader r(body);
    reason = r.String("reason", false, 500).value_or("");
    KL_RETURN_IF_ERROR(r.Finish());
  }
  KL_ASSIGN_OR_RETURN(auto issued, ctx.bulletin_issuer->Issue(caller, period, reason));
  http::Response res = JsonOk(SnapshotInfoJson(issued), 201);
  res.headers.emplace_back("Location", "/api/v1/bulletins/" + std::to_string(period) +
                                           "?version=" + std::to_string(issued.version));
  return res;
}

Reply BulletinVersions(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto period, BulletinPeriod(req));
  KL_ASSIGN_OR_RETURN(auto versions, ctx.bulletin_issuer->Versions(caller, period));
  std::string out = "{\"period\":\"" + std::to_string(period) + "\",\"items\":[";
  for (size_t i = 0; i < versions.size(); ++i) {
    if (i) out += ",";
    out += SnapshotInfoJson(versions[i]);
  }
  return JsonOk(out + "]}");
}

// PUT / PATCH / DELETE of an issued version: an issued bulletin never changes (409), after the
// same role, period and version checks as reading it (403, 400, 404).
Reply WriteIssuedBulletin(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto period, BulletinPeriod(req));
  KL_ASSIGN_OR_RETURN(auto version, VersionParam(req.path_params["version"]));
  auto issued = ctx.bulletin_issuer->Issued(caller, period, version);
  if (!issued.ok() && issued.status().code() != ErrorCode::kInternal) {
    return issued.status();
  }
  return Status::Conflict(
      "已印发的月度通报不能修改或删除；如需更正，请重新印发（生成新版本并填写原因）",
      "an issued bulletin cannot be changed or deleted; re-issue it (a new "
      "version with a reason) to correct it");
}

}  // namespace

Result<std::string> IssuedBulletinFile(documents::BulletinIssuer& issuer, const Snapshot& issued,
                                       const std::string& format) {
  KL_ASSIGN_OR_RETURN(Snapshot s, issuer.FormatSnapshot(issued, format));
  boost::system::error_code ec;
  boost::json::value payload = boost::json::parse(s.payload, ec);
  const char* key = format == "html" ? "html" : "base64";
  const boost::json::object* object = ec ? nullptr : payload.if_object();
  const boost::json::value* field = object ? object->if_contains(key) : nullptr;
  if (!field || !field->is_string()) return SnapshotService::Tampered(s);
  if (format == "html") return std::string(field->as_string());
  auto bytes = Base64Decode(field->as_string());
  if (!bytes) return SnapshotService::Tampered(s);
  return std::move(*bytes);
}

void RegisterDocumentRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/projects/export.xlsx", ExportLedger);
  Route(router, ctx, "GET", "/api/v1/oc4ids", ExportOc4ids);
  Route(router, ctx, "GET", "/api/v1/bulletins/{period}", GetBulletin);
  Route(router, ctx, "POST", "/api/v1/bulletins/{period}/issue", IssueBulletin,
        {.max_body_bytes = 16 * 1024});
  Route(router, ctx, "GET", "/api/v1/bulletins/{period}/versions", BulletinVersions);
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    Route(router, ctx, method, "/api/v1/bulletins/{period}/versions/{version}", WriteIssuedBulletin,
          {.max_body_bytes = 16 * 1024});
  }
}

}  // namespace keyline::api
