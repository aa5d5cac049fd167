// Procedures (手续) and the battle chart (挂图作战):
//   /api/v1/procedure-templates, /api/v1/projects/{id}/procedures[...],
//   /api/v1/procedures/overdue, /api/v1/procedures/overdue-by-authority,
//   /api/v1/projects/{id}/battle-chart[...], /api/v1/projects/{id}/milestones/{mid}.
#include <map>

#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "core/model/supervision_json.h"
#include "core/service/battle_chart_service.h"
#include "core/service/procedure_service.h"
#include "core/supervision/schedule.h"

namespace keyline::api {
namespace {

// ---- templates ----

Status ReadTemplate(const boost::json::object& body, ProcedureTemplate* t, int64_t* version) {
  FieldReader r(body);
  if (version) {
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
  }
  auto name = r.String("name", true, 100);
  auto regime = r.Enum("regime", ApprovalRegimeTable(), true);
  t->category = r.Enum("category", ProjectCategoryTable(), false);
  if (const boost::json::array* items = r.Array("items", true)) {
    if (items->size() > 60) r.AddError("items", "最多60项", "at most 60 items");
    for (size_t i = 0; i < items->size() && i < 60; ++i) {
      if (!(*items)[i].is_object()) {
        r.AddError("items", "每一项应为对象", "each item must be an object");
        break;
      }
      FieldReader ir((*items)[i].as_object());
      ProcedureTemplateItem item;
      item.code = ir.String("code", true, 64).value_or("");
      item.name = ir.String("name", true, 100).value_or("");
      item.authority = ir.String("authority", false, 100).value_or("");
      item.limit_days = static_cast<int>(ir.Int("limit_days", false, 0, 250).value_or(0));
      item.parallel = ir.Bool("parallel", false).value_or(false);
      item.tolerance = ir.Bool("tolerance", false).value_or(false);
      item.commitment = ir.Bool("commitment", false).value_or(false);
      Status st = ir.Finish();
      if (!st.ok()) {
        r.AddError("items", "第" + std::to_string(i + 1) + "项：" + st.message_zh(),
                   "item " + std::to_string(i + 1) + ": " + st.message_en());
      }
      t->items.push_back(std::move(item));
    }
  }
  r.Ignore({"id", "builtin", "created_at", "updated_at"});
  KL_RETURN_IF_ERROR(r.Finish());
  t->name = *name;
  t->regime = *regime;
  return Status::Ok();
}

Reply ListTemplates(ApiContext& ctx, const Caller& caller, http::Request&) {
  KL_ASSIGN_OR_RETURN(auto items, ctx.procedures->Templates(caller));
  return JsonOk(ItemsJson(items, [](JsonWriter& w, const auto& t) { WriteJson(w, t); }));
}

Reply CreateTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  ProcedureTemplate t;
  KL_RETURN_IF_ERROR(ReadTemplate(body, &t, nullptr));
  KL_ASSIGN_OR_RETURN(auto created, ctx.procedures->CreateTemplate(caller, t));
  return JsonOk(ToJson(created), 201);
}

Reply PutTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  ProcedureTemplate t;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadTemplate(body, &t, &version));
  t.id = id;
  KL_ASSIGN_OR_RETURN(auto updated, ctx.procedures->UpdateTemplate(caller, t, version));
  return JsonOk(ToJson(updated));
}

// ---- project procedures ----

std::string ProceduresJson(const std::vector<ProjectProcedure>& items, const std::string& today) {
  return ItemsJson(
      items, [&](JsonWriter& w, const ProjectProcedure& p) { WriteProcedureJson(w, p, &today); });
}

Reply ListProcedures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto items, ctx.procedures->List(caller, id));
  return JsonOk(ProceduresJson(items, ctx.procedures->Today()));
}

Reply ApplyTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto template_id = r.Int("template_id", false, 1, INT64_MAX);
  auto start = r.Date("start", false);
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto items, ctx.procedures->Apply(caller, id, template_id, start));
  return JsonOk(ProceduresJson(items, ctx.procedures->Today()), 201);
}

// Applies the fields present in body to *p. `creating` requires name.
Status ReadProcedure(const boost::json::object& body, bool creating, ProjectProcedure* p,
                     int64_t* version) {
  FieldReader r(body);
  if (!creating) {
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
  }
  if (auto v = r.String("name", creating, 100)) p->name = *v;
  if (auto v = r.String("code", false, 64)) p->code = *v;
  if (auto v = r.String("authority", false, 100)) p->authority = *v;
  if (auto v = r.Int("limit_days", false, 0, 250)) p->limit_days = static_cast<int>(*v);
  if (auto v = r.Bool("parallel", false)) p->parallel = *v;
  if (auto v = r.Bool("tolerance", false)) p->tolerance = *v;
  if (auto v = r.Bool("commitment", false)) p->commitment = *v;
  if (auto v = r.Enum("status", ProcedureStatusTable(), false)) p->status = *v;
  struct DateField {
    const char* key;
    std::optional<std::string>* out;
  };
  const DateField dates[] = {{"planned_start", &p->planned_start},
                             {"planned_due", &p->planned_due},
                             {"actual_start", &p->actual_start},
                             {"actual_done", &p->actual_done}};
  for (const DateField& d : dates) {
    if (r.IsNull(d.key)) {
      r.Ignore({d.key});
      d.out->reset();
    } else if (auto v = r.Date(d.key, false)) {
      *d.out = *v;
    }
  }
  if (auto v = r.String("doc_number", false, 100)) p->doc_number = *v;
  if (auto v = r.String("note", false, 2000)) p->note = *v;
  r.Ignore({"id", "project_id", "template_id", "seq", "created_at", "updated_at", "overdue"});
  return r.Finish();
}

Reply AddProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  ProjectProcedure p;
  KL_RETURN_IF_ERROR(ReadProcedure(body, true, &p, nullptr));
  p.project_id = id;
  KL_ASSIGN_OR_RETURN(auto created, ctx.procedures->Add(caller, p));
  std::string today = ctx.procedures->Today();
  JsonWriter w;
  WriteProcedureJson(w, created, &today);
  return JsonOk(w.Take(), 201);
}

Reply PatchProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto pid, PathId(req, "pid"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  ProjectProcedure scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadProcedure(body, false, &scratch, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated,
                      ctx.procedures->Update(caller, id, pid, version, [&](ProjectProcedure& p) {
                        int64_t ignored = 0;
                        return ReadProcedure(fields, false, &p, &ignored);
                      }));
  std::string today = ctx.procedures->Today();
  JsonWriter w;
  WriteProcedureJson(w, updated, &today);
  return JsonOk(w.Take());
}

Reply DeleteProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto pid, PathId(req, "pid"));
  KL_RETURN_IF_ERROR(ctx.procedures->Remove(caller, id, pid));
  http::Response res;
  res.status = 204;
  return res;
}

Reply OverdueProcedures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"authority"}));
  auto authority = req.Query("authority");
  if (authority && authority->size() > 300) {
    return Status::InvalidArgument("authority 过长", "authority too long");
  }
  KL_ASSIGN_OR_RETURN(auto items, ctx.procedures->Overdue(caller, authority));
  return JsonOk(ProceduresJson(items, ctx.procedures->Today()));
}

Reply OverdueByAuthority(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto rows, ctx.procedures->OverdueByAuthority(caller));
  return JsonOk(ItemsJson(rows, [](JsonWriter& w, const AuthorityOverdue& a) {
    w.BeginObject();
    w.Key("authority").String(a.authority);
    w.Key("overdue").Int(a.overdue);
    w.Key("oldest_due").String(a.oldest_due);
    w.EndObject();
  }));
}

// ---- battle chart ----

// The chart: tasks grouped by month of their deadline, with counts per state.
std::string ChartJson(int64_t project_id, const std::vector<Milestone>& items,
                      const std::string& today) {
  std::map<std::string, std::vector<const Milestone*>> by_period;
  std::map<MilestoneState, int64_t> counts;
  for (const auto& m : items) {
    by_period[m.planned_date.substr(0, 4) + m.planned_date.substr(5, 2)].push_back(&m);
    ++counts[MilestoneStateOf(m, today)];
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("project_id").Int(project_id);
  w.Key("today").String(today);
  w.Key("counts").BeginObject();
  for (const auto& e : MilestoneStateTable()) w.Key(e.code).Int(counts[e.value]);
  w.EndObject();
  w.Key("months").BeginArray();
  for (const auto& [period, tasks] : by_period) {
    w.BeginObject();
    w.Key("period").String(period);
    w.Key("tasks").BeginArray();
    for (const Milestone* m : tasks) WriteMilestoneJson(w, *m, &today);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

Reply GetChart(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto items, ctx.battle_chart->List(caller, id));
  return JsonOk(ChartJson(id, items, ctx.battle_chart->Today()));
}

Status ReadMilestone(const boost::json::object& body, bool creating, Milestone* m,
                     int64_t* version) {
  FieldReader r(body);
  if (!creating) {
    if (auto v = r.Int("version", true, 1, INT64_MAX)) *version = *v;
  }
  if (auto v = r.String("title", creating, 200)) m->title = *v;
  if (auto v = r.Date("planned_date", creating)) m->planned_date = *v;
  for (auto [key, out] : {std::pair{"responsible_person_id", &m->responsible_person_id},
                          std::pair{"supervisor_person_id", &m->supervisor_person_id}}) {
    if (r.IsNull(key)) {
      r.Ignore({key});
      out->reset();
    } else if (auto v = r.Int(key, false, 1, INT64_MAX)) {
      *out = *v;
    }
  }
  if (r.IsNull("done_on")) {
    r.Ignore({"done_on"});
    m->done_on.reset();
  } else if (auto v = r.Date("done_on", false)) {
    m->done_on = *v;
  }
  if (auto v = r.String("note", false, 2000)) m->note = *v;
  r.Ignore({"id", "project_id", "period", "state", "created_at", "updated_at"});
  return r.Finish();
}

std::string MilestoneJson(const Milestone& m, const std::string& today) {
  JsonWriter w;
  WriteMilestoneJson(w, m, &today);
  return w.Take();
}

Reply AddMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  Milestone m;
  KL_RETURN_IF_ERROR(ReadMilestone(body, true, &m, nullptr));
  m.project_id = id;
  KL_ASSIGN_OR_RETURN(auto created, ctx.battle_chart->Add(caller, m));
  return JsonOk(MilestoneJson(created, ctx.battle_chart->Today()), 201);
}

Reply PlanBackward(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader r(body);
  auto target = r.Date("target_date", true);
  std::vector<BackwardTask> tasks;
  if (const boost::json::array* items = r.Array("tasks", true)) {
    if (items->size() > 60) r.AddError("tasks", "最多60项", "at most 60 tasks");
    for (size_t i = 0; i < items->size() && i < 60; ++i) {
      if (!(*items)[i].is_object()) {
        r.AddError("tasks", "每一项应为对象", "each task must be an object");
        break;
      }
      FieldReader tr((*items)[i].as_object());
      BackwardTask t;
      t.title = tr.String("title", true, 200).value_or("");
      t.months_before = static_cast<int>(tr.Int("months_before", true, 0, 60).value_or(0));
      t.responsible_person_id = tr.Int("responsible_person_id", false, 1, INT64_MAX);
      t.supervisor_person_id = tr.Int("supervisor_person_id", false, 1, INT64_MAX);
      Status st = tr.Finish();
      if (!st.ok()) {
        r.AddError("tasks", "第" + std::to_string(i + 1) + "项：" + st.message_zh(),
                   "task " + std::to_string(i + 1) + ": " + st.message_en());
      }
      tasks.push_back(std::move(t));
    }
  }
  KL_RETURN_IF_ERROR(r.Finish());
  KL_ASSIGN_OR_RETURN(auto created, ctx.battle_chart->PlanBackward(caller, id, *target, tasks));
  return JsonOk(ChartJson(id, created, ctx.battle_chart->Today()), 201);
}

Reply PatchMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto mid, PathId(req, "mid"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  Milestone scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR(ReadMilestone(body, false, &scratch, &version));
  const boost::json::object& fields = body;
  KL_ASSIGN_OR_RETURN(auto updated,
                      ctx.battle_chart->Update(caller, id, mid, version, [&](Milestone& m) {
                        int64_t ignored = 0;
                        return ReadMilestone(fields, false, &m, &ignored);
                      }));
  return JsonOk(MilestoneJson(updated, ctx.battle_chart->Today()));
}

Reply DeleteMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto mid, PathId(req, "mid"));
  KL_RETURN_IF_ERROR(ctx.battle_chart->Remove(caller, id, mid));
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

void RegisterProjectPlanRoutes(http::Router& router, ApiContext& ctx) {
  http::RouteOptions small;
  small.max_body_bytes = 256 * 1024;
  Route(router, ctx, "GET", "/api/v1/procedure-templates", ListTemplates);
  Route(router, ctx, "POST", "/api/v1/procedure-templates", CreateTemplate, small);
  Route(router, ctx, "PUT", "/api/v1/procedure-templates/{id}", PutTemplate, small);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/procedures", ListProcedures);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/procedures", AddProcedure, small);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/procedures/apply", ApplyTemplate, small);
  Route(router, ctx, "PATCH", "/api/v1/projects/{id}/procedures/{pid}", PatchProcedure, small);
  Route(router, ctx, "DELETE", "/api/v1/projects/{id}/procedures/{pid}", DeleteProcedure);
  Route(router, ctx, "GET", "/api/v1/procedures/overdue", OverdueProcedures);
  Route(router, ctx, "GET", "/api/v1/procedures/overdue-by-authority", OverdueByAuthority);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/battle-chart", GetChart);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/battle-chart/plan", PlanBackward, small);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/milestones", AddMilestone, small);
  Route(router, ctx, "PATCH", "/api/v1/projects/{id}/milestones/{mid}", PatchMilestone, small);
  Route(router, ctx, "DELETE", "/api/v1/projects/{id}/milestones/{mid}", DeleteMilestone);
}

}  // namespace keyline::api
