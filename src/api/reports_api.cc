// /api/v1/projects/{id}/reports, /api/v1/reports, /api/v1/attachments: monthly reports, their
// review and their attachments.
#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/reporting/attachment_rules.h"
#include "core/service/report_service.h"

namespace keyline::api {
namespace {

constexpr size_t kMaxAttachmentBody = kMaxAttachmentBytes;

// Reads the editable report fields (and the version) from a body.
void ReadInput(FieldReader& f, ReportInput* in) {
  in->completed_investment = f.Amount("completed_investment", false);
  in->progress_text = f.String("progress_text", false, 1000);
  if (auto v = f.Int("progress_percent", false, 0, 100))
    in->progress_percent = static_cast<int>(*v);
  if (auto v = f.Int("workers", false, 0, 1000000)) in->workers = static_cast<int>(*v);
  in->main_works = f.String("main_works", false, 5000);
  in->next_plan = f.String("next_plan", false, 5000);
  in->problems = f.String("problems", false, 5000);
  if (const boost::json::array* codes = f.Array("confirm_warnings", false)) {
    std::vector<std::string> out;
    for (const boost::json::value& v : *codes) {
      if (!v.is_string() || v.as_string().size() > 64 || out.size() >= 16) {
        f.AddError("confirm_warnings", "应为提示代码的数组", "must be an array of warning codes");
        break;
      }
      out.emplace_back(v.as_string());
    }
    in->confirmed_warnings = std::move(out);
  }
  // Read-only fields a client may echo back.
  f.Ignore({"id", "project_id", "period", "status", "confirmed_warnings", "first_submitted_at",
            "submitted_at", "submitted_by", "late", "reviewed_at", "reviewed_by", "review_comment",
            "return_count", "unlocked", "created_at", "updated_at"});
}

std::string ViewJson(const ReportView& v) {
  JsonWriter w;
  w.BeginObject();
  w.Key("report");
  WriteJson(w, v.report);
  w.Key("exists").Bool(v.report.id != 0);
  w.Key("window");
  WriteJson(w, v.window);
  w.Key("editable").Bool(v.editable);
  w.Key("attachments").BeginArray();
  for (const Attachment& a : v.attachments) WriteJson(w, a);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

Reply GetReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(auto view, ctx.reports->Get(caller, t.project_id, t.period));
  return JsonOk(ViewJson(view));
}

Reply ListProjectReports(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto reports, ctx.reports->ListForProject(caller, id));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const MonthlyReport& r : reports) WriteJson(w, r);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

// The target, the fields and the version of a save or submit request.
struct EditRequest {
  ReportTarget target;
  ReportInput input;
  int64_t version = 0;
};

Result<EditRequest> ReadEdit(const http::Request& req) {
  EditRequest e;
  KL_ASSIGN_OR_RETURN(e.target, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(boost::json::object body, ReadJsonBody(req));
  FieldReader f(body);
  ReadInput(f, &e.input);
  e.version = f.Int("version", true, 0, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR(f.Finish());
  return e;
}

Reply SaveReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto e, ReadEdit(req));
  const ReportTarget* t = &e.target;
  KL_ASSIGN_OR_RETURN(auto saved,
                      ctx.reports->Save(caller, t->project_id, t->period, e.version, e.input));
  return JsonOk(ToJson(saved));
}

Reply SubmitReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto e, ReadEdit(req));
  const ReportTarget* t = &e.target;
  KL_ASSIGN_OR_RETURN(auto result,
                      ctx.reports->Submit(caller, t->project_id, t->period, e.version, e.input));
  JsonWriter w;
  w.Reserve(1024);
  w.BeginObject();
  w.Key("report");
  WriteJson(w, result.report);
  w.Key("warnings").BeginArray();
  for (const ReportWarning& warning : result.warnings) WriteJson(w, warning);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply ReviewReport(ApiContext& ctx, const Caller& caller, http::Request& req, bool approve) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  int64_t version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  std::string comment = f.String("comment", !approve, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto reviewed,
                      approve
                          ? ctx.reports->Approve(caller, t.project_id, t.period, version, comment)
                          : ctx.reports->Return(caller, t.project_id, t.period, version, comment));
  return JsonOk(ToJson(reviewed));
}

Reply ApproveReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return ReviewReport(ctx, caller, req, true);
}

Reply ReturnReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  return ReviewReport(ctx, caller, req, false);
}

Reply UnlockReport(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  std::string reason = f.String("reason", true, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto unlocked, ctx.reports->Unlock(caller, t.project_id, t.period, reason));
  return JsonOk(ToJson(unlocked));
}

Reply ListReports(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(
      RejectUnknownQuery(req, {"period", "status", "unit_id", "project_id", "limit", "offset"}));
  ReportQuery q;
  KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
  KL_ASSIGN_OR_RETURN(auto period, QueryInt(req, "period", 200001, 210012, false));
  if (period) q.period = static_cast<int>(*period);
  KL_ASSIGN_OR_RETURN(auto unit, QueryInt(req, "unit_id", 1, INT64_MAX, false));
  q.unit_id = unit;
  KL_ASSIGN_OR_RETURN(auto project, QueryInt(req, "project_id", 1, INT64_MAX, false));
  q.project_id = project;
  for (const auto& [key, value] : req.query) {
    if (key != "status") continue;
    auto status = ParseEnum(ReportStatusTable(), value);
    if (!status) {
      return Status::InvalidArgument(
          "status 取值无效，可选：" + EnumCodes(ReportStatusTable()),
          "invalid status; expected one of " + EnumCodes(ReportStatusTable()),
          {{"status", "取值无效", "invalid value"}});
    }
    q.statuses.push_back(*status);
  }
  KL_ASSIGN_OR_RETURN(auto page, ctx.reports->List(caller, q));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const ReportListItem& item : page.items) {
    // The report's own fields, then its project's name and units for the review queue.
    w.BeginObject();
    WriteFields(w, item.report);
    w.Key("project_name").String(item.project_name);
    w.Key("owner_unit_id").OptInt(item.owner_unit_id);
    w.Key("responsible_unit_id").OptInt(item.responsible_unit_id);
    w.EndObject();
  }
  w.EndArray();
  w.Key("total").Int(page.total);
  w.Key("limit").Int(q.page.limit);
  w.Key("offset").Int(q.page.offset);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply UploadAttachment(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  std::string filename = req.Query("filename").value_or("");
  KL_ASSIGN_OR_RETURN(
      auto added, ctx.reports->AddAttachment(caller, t.project_id, t.period, filename, req.body));
  return JsonOk(ToJson(added), 201);
}

}  // namespace

void RegisterReportRoutes(http::Router& router, ApiContext& ctx) {
  const std::string base = "/api/v1/projects/{id}/reports";
  Route(router, ctx, "GET", base, ListProjectReports);
  Route(router, ctx, "GET", base + "/{period}", GetReport);
  Route(router, ctx, "PUT", base + "/{period}", SaveReport);
  Route(router, ctx, "POST", base + "/{period}/submit", SubmitReport);
  Route(router, ctx, "POST", base + "/{period}/approve", ApproveReport);
  Route(router, ctx, "POST", base + "/{period}/return", ReturnReport);
  Route(router, ctx, "POST", base + "/{period}/unlock", UnlockReport);
  Route(router, ctx, "POST", base + "/{period}/attachments", UploadAttachment,
        http::RouteOptions{kMaxAttachmentBody});
  Route(router, ctx, "GET", "/api/v1/reports", ListReports);
}

}  // namespace keyline::api
