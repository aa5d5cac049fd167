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

using Fn = http::Response (*)(ApiContext&, const Caller&, http::Request&);

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

http::Response ListTemplates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto items = ctx.procedures->Templates(caller);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ItemsJson(*items, [](JsonWriter& w, const auto& t) { WriteJson(w, t); }));
}

http::Response CreateTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  ProcedureTemplate t;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadTemplate(*body, &t, nullptr));
  auto created = ctx.procedures->CreateTemplate(caller, t);
  if (!created.ok()) return Error(req, created.status());
  return JsonOk(ToJson(*created), 201);
}

http::Response PutTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  ProcedureTemplate t;
  int64_t version = 0;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadTemplate(*body, &t, &version));
  t.id = *id;
  auto updated = ctx.procedures->UpdateTemplate(caller, t, version);
  if (!updated.ok()) return Error(req, updated.status());
  return JsonOk(ToJson(*updated));
}

// ---- project procedures ----

std::string ProceduresJson(const std::vector<ProjectProcedure>& items, const std::string& today) {
  return ItemsJson(
      items, [&](JsonWriter& w, const ProjectProcedure& p) { WriteProcedureJson(w, p, &today); });
}

http::Response ListProcedures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto items = ctx.procedures->List(caller, *id);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ProceduresJson(*items, ctx.procedures->Today()));
}

http::Response ApplyTemplate(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader r(*body);
  auto template_id = r.Int("template_id", false, 1, INT64_MAX);
  auto start = r.Date("start", false);
  KL_RETURN_IF_ERROR_RESPONSE(req, r.Finish());
  auto items = ctx.procedures->Apply(caller, *id, template_id, start);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ProceduresJson(*items, ctx.procedures->Today()), 201);
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

http::Response AddProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  ProjectProcedure p;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadProcedure(*body, true, &p, nullptr));
  p.project_id = *id;
  auto created = ctx.procedures->Add(caller, p);
  if (!created.ok()) return Error(req, created.status());
  std::string today = ctx.procedures->Today();
  JsonWriter w;
  WriteProcedureJson(w, *created, &today);
  return JsonOk(w.Take(), 201);
}

http::Response PatchProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto pid = PathId(req, "pid");
  if (!pid.ok()) return Error(req, pid.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  ProjectProcedure scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadProcedure(*body, false, &scratch, &version));
  const boost::json::object& fields = *body;
  auto updated = ctx.procedures->Update(caller, *id, *pid, version, [&](ProjectProcedure& p) {
    int64_t ignored = 0;
    return ReadProcedure(fields, false, &p, &ignored);
  });
  if (!updated.ok()) return Error(req, updated.status());
  std::string today = ctx.procedures->Today();
  JsonWriter w;
  WriteProcedureJson(w, *updated, &today);
  return JsonOk(w.Take());
}

http::Response DeleteProcedure(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto pid = PathId(req, "pid");
  if (!pid.ok()) return Error(req, pid.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, ctx.procedures->Remove(caller, *id, *pid));
  http::Response res;
  res.status = 204;
  return res;
}

http::Response OverdueProcedures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"authority"}));
  auto authority = req.Query("authority");
  if (authority && authority->size() > 300) {
    return Error(req, Status::InvalidArgument("authority 过长", "authority too long"));
  }
  auto items = ctx.procedures->Overdue(caller, authority);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ProceduresJson(*items, ctx.procedures->Today()));
}

http::Response OverdueByAuthority(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {}));
  auto rows = ctx.procedures->OverdueByAuthority(caller);
  if (!rows.ok()) return Error(req, rows.status());
  return JsonOk(ItemsJson(*rows, [](JsonWriter& w, const AuthorityOverdue& a) {
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

http::Response GetChart(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto items = ctx.battle_chart->List(caller, *id);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ChartJson(*id, *items, ctx.battle_chart->Today()));
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

http::Response AddMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  Milestone m;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadMilestone(*body, true, &m, nullptr));
  m.project_id = *id;
  auto created = ctx.battle_chart->Add(caller, m);
  if (!created.ok()) return Error(req, created.status());
  return JsonOk(MilestoneJson(*created, ctx.battle_chart->Today()), 201);
}

http::Response PlanBackward(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader r(*body);
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
  KL_RETURN_IF_ERROR_RESPONSE(req, r.Finish());
  auto created = ctx.battle_chart->PlanBackward(caller, *id, *target, tasks);
  if (!created.ok()) return Error(req, created.status());
  return JsonOk(ChartJson(*id, *created, ctx.battle_chart->Today()), 201);
}

http::Response PatchMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto mid = PathId(req, "mid");
  if (!mid.ok()) return Error(req, mid.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  Milestone scratch;
  int64_t version = 0;
  KL_RETURN_IF_ERROR_RESPONSE(req, ReadMilestone(*body, false, &scratch, &version));
  const boost::json::object& fields = *body;
  auto updated = ctx.battle_chart->Update(caller, *id, *mid, version, [&](Milestone& m) {
    int64_t ignored = 0;
    return ReadMilestone(fields, false, &m, &ignored);
  });
  if (!updated.ok()) return Error(req, updated.status());
  return JsonOk(MilestoneJson(*updated, ctx.battle_chart->Today()));
}

http::Response DeleteMilestone(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto mid = PathId(req, "mid");
  if (!mid.ok()) return Error(req, mid.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, ctx.battle_chart->Remove(caller, *id, *mid));
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

void RegisterProjectPlanRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](Fn fn) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  http::RouteOptions small;
  small.max_body_bytes = 256 * 1024;
  router.Add("GET", "/api/v1/procedure-templates", bind(ListTemplates));
  router.Add("POST", "/api/v1/procedure-templates", bind(CreateTemplate), small);
  router.Add("PUT", "/api/v1/procedure-templates/{id}", bind(PutTemplate), small);
  router.Add("GET", "/api/v1/projects/{id}/procedures", bind(ListProcedures));
  router.Add("POST", "/api/v1/projects/{id}/procedures", bind(AddProcedure), small);
  router.Add("POST", "/api/v1/projects/{id}/procedures/apply", bind(ApplyTemplate), small);
  router.Add("PATCH", "/api/v1/projects/{id}/procedures/{pid}", bind(PatchProcedure), small);
  router.Add("DELETE", "/api/v1/projects/{id}/procedures/{pid}", bind(DeleteProcedure));
  router.Add("GET", "/api/v1/procedures/overdue", bind(OverdueProcedures));
  router.Add("GET", "/api/v1/procedures/overdue-by-authority", bind(OverdueByAuthority));
  router.Add("GET", "/api/v1/projects/{id}/battle-chart", bind(GetChart));
  router.Add("POST", "/api/v1/projects/{id}/battle-chart/plan", bind(PlanBackward), small);
  router.Add("POST", "/api/v1/projects/{id}/milestones", bind(AddMilestone), small);
  router.Add("PATCH", "/api/v1/projects/{id}/milestones/{mid}", bind(PatchMilestone), small);
  router.Add("DELETE", "/api/v1/projects/{id}/milestones/{mid}", bind(DeleteMilestone));
}

}  // namespace keyline::api
