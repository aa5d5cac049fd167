// /api/v1/attachments/{aid} (download, delete) and the files of procedures
// (/api/v1/projects/{id}/procedures/{pid}/attachments). Report files are uploaded under the
// report (reports_api.cc).
#include "api/api_context.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/reporting/attachment_rules.h"
#include "core/service/attachment_service.h"

namespace keyline::api {
namespace {

// Content-Disposition naming the original file (RFC 6266 / 5987): an ASCII fallback and the
// UTF-8 name percent-encoded, so no byte of the stored name reaches the header raw.
std::string Disposition(int64_t id, const std::string& filename) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : filename) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '-' || c == '_';
    if (plain) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  std::string ext;
  size_t dot = filename.rfind('.');
  if (dot != std::string::npos && filename.size() - dot <= 6)
    ext = encoded.substr(encoded.rfind('.'));
  return "attachment; filename=\"attachment-" + std::to_string(id) + ext + "\"; filename*=UTF-8''" +
         encoded;
}

Reply DownloadAttachment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "aid"));
  KL_ASSIGN_OR_RETURN(auto file, ctx.attachments->Read(caller, id));
  http::Response res;
  res.status = 200;
  res.content_type = file.first.content_type;
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Content-Disposition", Disposition(id, file.first.filename));
  res.headers.emplace_back("X-Content-SHA256", file.first.sha256);
  res.body = std::move(file.second);
  return res;
}

Reply DeleteAttachment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "aid"));
  KL_RETURN_IF_ERROR(ctx.attachments->Delete(caller, id));
  http::Response res;
  res.status = 204;
  return res;
}

Reply UploadProcedureFile(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto project, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto procedure, PathId(req, "pid"));
  std::string filename = req.Query("filename").value_or("");
  KL_ASSIGN_OR_RETURN(
      auto added, ctx.attachments->AddToProcedure(caller, project, procedure, filename, req.body));
  return JsonOk(ToJson(added), 201);
}

Reply ListProcedureFiles(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto project, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto procedure, PathId(req, "pid"));
  KL_ASSIGN_OR_RETURN(auto files, ctx.attachments->ListForProcedure(caller, project, procedure));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const Attachment& a : files) WriteJson(w, a);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterAttachmentRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/attachments/{aid}", DownloadAttachment);
  Route(router, ctx, "DELETE", "/api/v1/attachments/{aid}", DeleteAttachment);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/procedures/{pid}/attachments",
        ListProcedureFiles);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/procedures/{pid}/attachments",
        UploadProcedureFile, http::RouteOptions{kMaxAttachmentBytes});
}

}  // namespace keyline::api
