// /api/v1/problems (问题台账), /api/v1/problem-templates (13710), /api/v1/supervision-orders
// (督办单), /api/v1/supervision/sweep (提级督办 on demand) and /api/v1/problem-stats.
#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "core/model/supervision_json.h"
#include "core/service/problem_service.h"
#include "core/service/supervision_access.h"
#include "core/supervision/problem_stats.h"

namespace keyline::api {
namespace {

// A problem with what the caller may do with it (`can`).
void WriteProblemFor(JsonWriter& w, const Caller& caller, const Problem& p,
                     const std::string& today) {
  ProblemCan can{MayWorkOnProblem(caller, p), MayConfirmProblem(caller, p)};
  WriteProblemJson(w, p, &today, &can);
}

std::string ProblemJson(const Caller& caller, const Problem& p, const std::string& today) {
  JsonWriter w;
  WriteProblemFor(w, caller, p, today);
  return w.Take();
}

std::string OrderJson(const SupervisionOrder& o, const std::string& today) {
  JsonWriter w;
  WriteOrderJson(w, o, &today);
  return w.Take();
}

Reply ListTemplates(ApiContext& ctx, const Caller& caller, http::Request&) {
  KL_ASSIGN_OR_RETURN(auto items, ctx.problems->Templates(caller));
  return JsonOk(ItemsJson(items, [](JsonWriter& w, const auto& t) { WriteJson(w, t); }));
}

Reply PutTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  DeadlineTemplate t;
  t.code = req.path_params["code"];
  auto version = r.Int("version", true, 1, INT64_MAX);
  auto name = r.String("name", true, 100);
  struct Field {
    const char* key;
    int* out;
  };
  const Field fields[] = {{"deploy_days", &t.deploy_days},   {"feedback_days", &t.feedback_days},
                          {"settle_days", &t.settle_days},   {"major_days", &t.major_days},
                          {"major_months", &t.major_months}, {"escalate_days", &t.escalate_days},
                          {"answer_days", &t.answer_days}};
  for (const Field& f : fields) {
    if (auto v = r.Int(f.key, true, 0, 250)) *f.out = static_cast<int>(*v);
  }
  r.Ignore({"code", "updated_at"});
  KL_RETURN_IF_ERROR(r.Finish());
  t.name = *name;
  KL_ASSIGN_OR_RETURN(auto updated, ctx.problems->UpdateTemplate(caller, t, *version));
  return JsonOk(ToJson(updated));
}

Status ReadProblemQuery(const http::Request& req, ProblemQuery* q, bool paged) {
  if (paged) {
    KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"project", "unit", "leader", "status", "category",
                                                "level", "overdue", "limit", "offset"}));
    KL_RETURN_IF_ERROR(ReadPage(req, &q->page));
  } else {
    KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"group", "project", "category"}));
  }
  KL_RETURN_IF_ERROR(QueryId(req, "project", &q->project_id));
  KL_RETURN_IF_ERROR(QueryId(req, "unit", &q->unit_id));
  KL_RETURN_IF_ERROR(QueryId(req, "leader", &q->leader_person_id));
  if (auto s = req.Query("status")) {
    auto status = ParseEnum(ProblemStatusTable(), *s);
    if (!status) {
      return Status::InvalidArgument("status 取值无效", "invalid status",
                                     {{"status", "可选：" + EnumCodes(ProblemStatusTable()),
                                       "one of " + EnumCodes(ProblemStatusTable())}});
    }
    q->statuses.push_back(*status);
  }
  if (auto c = req.Query("category")) {
    q->category = ParseEnum(ProblemCategoryTable(), *c);
    if (!q->category) {
      return Status::InvalidArgument("category 取值无效", "invalid category",
                                     {{"category", "可选：" + EnumCodes(ProblemCategoryTable()),
                                       "one of " + EnumCodes(ProblemCategoryTable())}});
    }
  }
  if (auto l = req.Query("level")) {
    q->min_level = ParseEnum(EscalationLevelTable(), *l);
    if (!q->min_level) {
      return Status::InvalidArgument("level 取值无效", "invalid level",
                                     {{"level", "可选：" + EnumCodes(EscalationLevelTable()),
                                       "one of " + EnumCodes(EscalationLevelTable())}});
    }
  }
  return Status::Ok();
}

Reply ListProblems(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProblemQuery q;
  KL_RETURN_IF_ERROR(ReadProblemQuery(req, &q, true));
  std::optional<bool> overdue;
  KL_RETURN_IF_ERROR(QueryBool(req, "overdue", &overdue));
  std::string today = ctx.problems->Today();
  if (overdue.value_or(false)) q.overdue_on = today;
  KL_ASSIGN_OR_RETURN(auto page, ctx.problems->List(caller, q));
  return JsonOk(PagedJson(
      page, q.page, [&](JsonWriter& w, const Problem& p) { WriteProblemFor(w, caller, p, today); }));
}

Reply RaiseProblem(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  Problem p;
  auto project = r.Int("project_id", true, 1, INT64_MAX);
  auto title = r.String("title", true, 200);
  auto description = r.String("description", false, 4000);
  auto category = r.Enum("category", ProblemCategoryTable(), true);
  auto severity = r.Enum("severity", ProblemSeverityTable(), false);
  auto source = r.Enum("source", ProblemSourceTable(), false);
  p.source_ref = r.String("source_ref", false, 64);
  p.leader_person_id = r.Int("leader_person_id", false, 1, INT64_MAX);
  auto template_code = r.String("template_code", false, 32);
  if (const boost::json::array* units = r.Array("unit_ids", true)) {
    if (units->size() > 10) r.AddError("unit_ids", "最多10个责任单位", "at most 10 units");
    for (const auto& v : *units) {
      if (!v.is_int64() || v.as_int64() < 1) {
        r.AddError("unit_ids", "应为单位编号数组", "must be an array of unit ids");
        break;
      }
      if (p.unit_ids.size() < 11) p.unit_ids.push_back(v.as_int64());
    }
  }
  KL_RETURN_IF_ERROR(r.Finish());
  p.project_id = *project;
  p.title = *title;
  p.description = description.value_or("");
  p.category = *category;
  p.severity = severity.value_or(ProblemSeverity::kOrdinary);
  p.source = source.value_or(ProblemSource::kManual);
  p.template_code = template_code.value_or("13710");
  KL_ASSIGN_OR_RETURN(auto created, ctx.problems->Raise(caller, std::move(p)));
  http::Response res = JsonOk(ProblemJson(caller, created, ctx.problems->Today()), 201);
  res.headers.emplace_back("Location", "/api/v1/problems/" + std::to_string(created.id));
  return res;
}

Reply GetProblem(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto p, ctx.problems->Get(caller, id));
  return JsonOk(ProblemJson(caller, p, ctx.problems->Today()));
}

Reply ProblemEvents(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto events, ctx.problems->Events(caller, id));
  return JsonOk(ItemsJson(events, [](JsonWriter& w, const auto& e) { WriteJson(w, e); }));
}

Reply Act(ApiContext& ctx, const Caller& caller, http::Request& req, ProblemAction action) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  ProblemActionInput in;
  in.action = action;
  in.text = r.String("text", action != ProblemAction::kDeploy, 2000).value_or("");
  in.expected_version = r.Int("version", false, 1, INT64_MAX);
  if (action == ProblemAction::kPlan) in.plan_date = r.Date("plan_date", true);
  if (action == ProblemAction::kClose) {
    if (auto rating = r.Int("rating", false, 1, 5)) in.rating = static_cast<int>(*rating);
  }
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto p, ctx.problems->Act(caller, id, in));
  return JsonOk(ProblemJson(caller, p, ctx.problems->Today()));
}

Reply ListOrders(ApiContext& ctx, const Caller& caller, http::Request& req) {
  OrderQuery q;
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"problem", "unit", "answered", "limit", "offset"}));
  KL_RETURN_IF_ERROR(ReadPage(req, &q.page));
  KL_RETURN_IF_ERROR(QueryId(req, "problem", &q.problem_id));
  KL_RETURN_IF_ERROR(QueryId(req, "unit", &q.unit_id));
  KL_RETURN_IF_ERROR(QueryBool(req, "answered", &q.answered));
  KL_ASSIGN_OR_RETURN(auto page, ctx.problems->Orders(caller, q));
  std::string today = ctx.problems->Today();
  return JsonOk(PagedJson(page, q.page, [&](JsonWriter& w, const SupervisionOrder& o) {
    WriteOrderJson(w, o, &today);
  }));
}

Reply AnswerOrder(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto answer = r.String("answer", true, 2000);
  auto rectify_by = r.Date("rectify_by", false);
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto o, ctx.problems->AnswerOrder(caller, id, *answer, rectify_by));
  return JsonOk(OrderJson(o, ctx.problems->Today()));
}

Reply Sweep(ApiContext& ctx, const Caller& caller, http::Request&) {
  KL_ASSIGN_OR_RETURN(auto report, ctx.problems->Sweep(caller));
  JsonWriter w;
  w.BeginObject();
  w.Key("candidates").Int(report.candidates);
  w.Key("escalated").Int(report.escalated);
  w.Key("orders").Int(report.orders);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply Stats(ApiContext& ctx, const Caller& caller, http::Request& req) {
  ProblemQuery q;
  KL_RETURN_IF_ERROR(ReadProblemQuery(req, &q, false));
  std::string group_text = req.Query("group").value_or("unit");
  if (group_text != "unit" && group_text != "leader") {
    return Status::InvalidArgument("group 应为 unit 或 leader", "group must be unit or leader",
                                   {{"group", "unit | leader", "unit | leader"}});
  }
  KL_ASSIGN_OR_RETURN(auto problems, ctx.problems->ListAll(caller, q));
  auto group = group_text == "unit" ? ProblemStatsGroup::kUnit : ProblemStatsGroup::kLeader;
  auto rows = ComputeProblemStats(problems, group, ctx.problems->Today());
  JsonWriter w;
  w.BeginObject();
  w.Key("group").String(group_text);
  w.Key("items").BeginArray();
  for (const auto& row : rows) {
    w.BeginObject();
    w.Key(group == ProblemStatsGroup::kUnit ? "unit_id" : "leader_person_id").Int(row.key);
    w.Key("total").Int(row.total);
    w.Key("open").Int(row.open);
    w.Key("solved").Int(row.solved);
    w.Key("overdue").Int(row.overdue);
    w.Key("solved_on_time").Int(row.solved_on_time);
    w.Key("avg_days_to_solve").Double(row.avg_days_to_solve);
    w.Key("on_time_share").Double(row.on_time_share);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterProblemRoutes(http::Router& router, ApiContext& ctx) {
  auto action = [](ProblemAction a) -> ApiHandler {
    return [a](ApiContext& ctx, const Caller& c, http::Request& r) { return Act(ctx, c, r, a); };
  };
  http::RouteOptions small;
  small.max_body_bytes = 64 * 1024;
  Route(router, ctx, "GET", "/api/v1/problem-templates", ListTemplates);
  Route(router, ctx, "PUT", "/api/v1/problem-templates/{code}", PutTemplate, small);
  Route(router, ctx, "GET", "/api/v1/problems", ListProblems);
  Route(router, ctx, "POST", "/api/v1/problems", RaiseProblem, small);
  Route(router, ctx, "GET", "/api/v1/problems/{id}", GetProblem);
  Route(router, ctx, "GET", "/api/v1/problems/{id}/events", ProblemEvents);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/deploy", action(ProblemAction::kDeploy), small);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/feedback", action(ProblemAction::kFeedback),
        small);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/plan", action(ProblemAction::kPlan), small);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/solve", action(ProblemAction::kSolve), small);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/close", action(ProblemAction::kClose), small);
  Route(router, ctx, "POST", "/api/v1/problems/{id}/reopen", action(ProblemAction::kReopen), small);
  Route(router, ctx, "GET", "/api/v1/problem-stats", Stats);
  Route(router, ctx, "GET", "/api/v1/supervision-orders", ListOrders);
  Route(router, ctx, "POST", "/api/v1/supervision-orders/{id}/answer", AnswerOrder, small);
  Route(router, ctx, "POST", "/api/v1/supervision/sweep", Sweep, small);
}

}  // namespace keyline::api
