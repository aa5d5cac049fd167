// The reporter's to-do, the prefill of a new report, the reviewer's comparison and batch
// approval: /api/v1/reporting/todo, /api/v1/projects/{id}/reports/{period}/prefill
// and /compare, /api/v1/reports/approve-batch. core/service/report_desk.h has the rules.
#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/reporting_json.h"
#include "core/service/report_desk.h"

namespace keyline::api {
namespace {

Reply GetTodo(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period"}));
  KL_ASSIGN_OR_RETURN(auto period, QueryInt(req, "period", 200001, 210012, false));
  std::optional<int> p;
  if (period) p = static_cast<int>(*period);
  KL_ASSIGN_OR_RETURN(auto todo, ctx.desk->Todo(caller, p));
  JsonWriter w;
  w.Reserve(256 + 128 * todo.items.size());
  w.BeginObject();
  w.Key("period").Int(todo.period);
  w.Key("window");
  WriteJson(w, todo.window);
  w.Key("items").BeginArray();
  for (const TodoItem& item : todo.items) {
    w.BeginObject();
    w.Key("project_id").Int(item.project_id);
    w.Key("project_name").String(item.project_name);
    w.Key("state").String(item.state);
    w.Key("late").Bool(item.late);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply GetPrefill(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(auto p, ctx.desk->Prefill(caller, t.project_id, t.period));
  JsonWriter w;
  w.BeginObject();
  w.Key("project_id").Int(p.project_id);
  w.Key("period").Int(p.period);
  w.Key("source_period").OptInt(p.source_period);
  w.Key("fields").BeginObject();
  w.Key("progress_text").String(p.progress_text);
  w.Key("progress_percent").Int(p.progress_percent);
  w.Key("workers").Int(p.workers);
  w.Key("main_works").String(p.main_works);
  w.EndObject();
  w.EndObject();
  return JsonOk(w.Take());
}

void OptWan(JsonWriter& w, const char* key, const std::optional<Money>& m) {
  w.Key(key);
  if (m) {
    w.String(m->ToWanString());
  } else {
    w.Null();
  }
}

Reply GetCompare(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto t, PathReportTarget(req));
  KL_ASSIGN_OR_RETURN(auto c, ctx.desk->Compare(caller, t.project_id, t.period));
  JsonWriter w;
  w.BeginObject();
  w.Key("project_id").Int(c.project_id);
  w.Key("period").Int(c.period);
  w.Key("figures");
  WriteJson(w, c.figures);
  OptWan(w, "plan_month", c.plan_month);
  OptWan(w, "plan_year", c.plan_year);
  w.Key("last_period").OptInt(c.last_period);
  OptWan(w, "last_month", c.last_month);
  w.Key("warnings").BeginArray();
  for (const ReportWarning& warning : c.warnings) WriteJson(w, warning);
  w.EndArray();
  w.Key("confirmed_warnings").BeginArray();
  for (const std::string& code : c.confirmed_warnings) w.String(code);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

// {"items":[{"project_id","period","version"}], "comment"} or
// {"all_without_warnings":true, "period"?, "comment"}.
Reply ApproveBatch(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  bool all = f.Bool("all_without_warnings", false).value_or(false);
  std::optional<int64_t> period = f.Int("period", false, 200001, 210012);
  std::string comment = f.String("comment", false, 1000).value_or("");
  const boost::json::array* items = f.Array("items", false);
  std::vector<BatchTarget> targets;
  if (all == (items != nullptr)) {
    f.AddError("items", "请给出 items（所选月报）或 all_without_warnings: true 之一",
               "give either items (the selected reports) or all_without_warnings: true");
  }
  if (period && !all) {
    f.AddError("period", "period 只用于 all_without_warnings",
               "period is only used with all_without_warnings");
  }
  if (items && (items->empty() || items->size() > ReportDesk::kMaxBatch)) {
    f.AddError("items", "应为 1–500 份月报", "must list 1..500 reports");
  }
  for (size_t i = 0; items && i < items->size() && i < ReportDesk::kMaxBatch; ++i) {
    std::string at = "items[" + std::to_string(i) + "]";
    if (!(*items)[i].is_object()) {
      f.AddError(at, "每一项应为对象 {project_id, period, version}",
                 "each entry must be an object {project_id, period, version}");
      continue;
    }
    FieldReader e((*items)[i].as_object());
    BatchTarget t;
    t.project_id = e.Int("project_id", true, 1, INT64_MAX).value_or(0);
    t.period = static_cast<int>(e.Int("period", true, 200001, 210012).value_or(0));
    t.version = e.Int("version", true, 1, INT64_MAX).value_or(0);
    Status st = e.Finish();
    if (!st.ok()) {
      for (const auto& fe : st.details()) {
        f.AddError(at + "." + fe.field, fe.message_zh, fe.message_en);
      }
      continue;
    }
    if (t.period % 100 < 1 || t.period % 100 > 12) {
      f.AddError(at + ".period", "报告期无效（应为 YYYYMM）", "invalid period (YYYYMM)");
      continue;
    }
    targets.push_back(t);
  }
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(
      auto result,
      all ? ctx.desk->ApproveAllWithoutWarnings(
                caller, period ? std::optional<int>(static_cast<int>(*period)) : std::nullopt,
                comment)
          : ctx.desk->ApproveBatch(caller, targets, comment));
  JsonWriter w;
  w.Reserve(64 + 160 * result.outcomes.size());
  w.BeginObject();
  w.Key("approved").Int(result.approved);
  w.Key("skipped").Int(result.skipped);
  w.Key("results").BeginArray();
  for (const BatchOutcome& o : result.outcomes) {
    w.BeginObject();
    w.Key("project_id").Int(o.project_id);
    w.Key("period").Int(o.period);
    w.Key("outcome").String(o.approved ? "approved" : "skipped");
    w.Key("report_id").OptInt(o.report_id);
    w.Key("version").OptInt(o.version);
    if (o.approved) {
      w.Key("reason").Null();
    } else {
      w.Key("reason").BeginObject();
      w.Key("code").String(o.reason_code);
      w.Key("message").String(o.reason_zh);
      w.Key("message_en").String(o.reason_en);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterReportDeskRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/reporting/todo", GetTodo);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/reports/{period}/prefill", GetPrefill);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/reports/{period}/compare", GetCompare);
  Route(router, ctx, "POST", "/api/v1/reports/approve-batch", ApproveBatch,
        http::RouteOptions{1 << 20});
}

}  // namespace keyline::api
