// /api/v1/reporting/...: the reporting calendar, the validation rules, completeness and
// timeliness; /api/v1/projects/{id}/figures: derived figures of a project.
#include <cmath>

#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/reporting_json.h"
#include "core/service/reporting_settings.h"
#include "core/service/reporting_stats.h"

namespace keyline::api {
namespace {

http::Response Ok204() {
  http::Response res;
  res.status = 204;
  return res;
}

http::Response GetCalendar(ApiContext& ctx, const Caller&, http::Request& req) {
  Status st = RejectUnknownQuery(req, {"year"});
  if (!st.ok()) return Error(req, st);
  auto year = QueryInt(req, "year", 2000, 2100, true);
  if (!year.ok()) return Error(req, year.status());
  auto rule = ctx.reporting_settings->Rule();
  if (!rule.ok()) return Error(req, rule.status());
  auto windows = ctx.reporting_settings->Year(static_cast<int>(**year));
  if (!windows.ok()) return Error(req, windows.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("year").Int(**year);
  w.Key("rule");
  WriteJson(w, *rule);
  w.Key("calendar_covers_year")
      .Bool(ctx.reporting_settings->calendar().covers(static_cast<int>(**year)));
  w.Key("windows").BeginArray();
  for (const ReportWindow& win : *windows) WriteJson(w, win);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response PutRule(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  ReportWindowRule rule;
  rule.open_day = static_cast<int>(f.Int("open_day", true, 1, 28).value_or(0));
  rule.due_working_day = static_cast<int>(f.Int("due_working_day", true, 1, 20).value_or(0));
  rule.lock_working_day = static_cast<int>(f.Int("lock_working_day", true, 1, 23).value_or(0));
  Status st = f.Finish();
  if (!st.ok()) return Error(req, st);
  st = ctx.reporting_settings->PutRule(caller, rule);
  if (!st.ok()) return Error(req, st);
  JsonWriter w;
  WriteJson(w, rule);
  return JsonOk(w.Take());
}

http::Response PutWindow(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto period = PathPeriod(req, "period");
  if (!period.ok()) return Error(req, period.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  ReportWindow win;
  win.period = *period;
  win.opens_on = f.Date("opens_on", true).value_or("");
  win.due_on = f.Date("due_on", true).value_or("");
  win.locks_after = f.Date("locks_after", true).value_or("");
  f.Ignore({"period", "overridden"});
  Status st = f.Finish();
  if (!st.ok()) return Error(req, st);
  st = ctx.reporting_settings->PutWindow(caller, win);
  if (!st.ok()) return Error(req, st);
  win.overridden = true;
  JsonWriter w;
  WriteJson(w, win);
  return JsonOk(w.Take());
}

http::Response DeleteWindow(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto period = PathPeriod(req, "period");
  if (!period.ok()) return Error(req, period.status());
  Status st = ctx.reporting_settings->DeleteWindow(caller, *period);
  if (!st.ok()) return Error(req, st);
  return Ok204();
}

http::Response GetRules(ApiContext& ctx, const Caller&, http::Request& req) {
  auto rules = ctx.reporting_settings->Rules();
  if (!rules.ok()) return Error(req, rules.status());
  JsonWriter w;
  WriteJson(w, *rules);
  return JsonOk(w.Take());
}

http::Response PutRules(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  ReportRules rules;
  rules.cumulative_over_total_is_error =
      f.Bool("cumulative_over_total_is_error", true).value_or(true);
  rules.plan_factor = f.Double("plan_factor", true).value_or(0);
  rules.history_factor = f.Double("history_factor", true).value_or(0);
  if (auto v = f.Amount("min_flag_amount", true)) rules.min_flag_amount = *v;
  rules.flag_progress_regression = f.Bool("flag_progress_regression", true).value_or(true);
  Status st = f.Finish();
  if (!st.ok()) return Error(req, st);
  st = ctx.reporting_settings->PutRules(caller, rules);
  if (!st.ok()) return Error(req, st);
  JsonWriter w;
  WriteJson(w, rules);
  return JsonOk(w.Take());
}

void WriteOptRate(JsonWriter& w, const char* key, const std::optional<double>& v) {
  w.Key(key);
  if (v) {
    w.Double(std::round(*v * 1e6) / 1e6);
  } else {
    w.Null();
  }
}

// The period and the unit / region / leader filter of a statistics request.
struct StatsRequest {
  int period = 0;
  ReportingFilter filter;
};

Result<StatsRequest> ReadStatsRequest(const http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period", "unit_id", "region_code", "leader_id"}));
  StatsRequest out;
  KL_ASSIGN_OR_RETURN(std::optional<int64_t> period, QueryInt(req, "period", 200001, 210012, true));
  out.period = static_cast<int>(*period);
  KL_ASSIGN_OR_RETURN(out.filter.unit_id, QueryInt(req, "unit_id", 1, INT64_MAX, false));
  KL_ASSIGN_OR_RETURN(out.filter.leader_id, QueryInt(req, "leader_id", 1, INT64_MAX, false));
  if (auto region = req.Query("region_code")) {
    if (region->empty() || region->size() > 12 ||
        region->find_first_not_of("0123456789") != std::string::npos) {
      return Status::InvalidArgument("region_code 应为 1–12 位数字",
                                     "region_code must be 1..12 digits",
                                     {{"region_code", "应为数字", "digits"}});
    }
    out.filter.region_code = *region;
  }
  return out;
}

void WriteGroups(JsonWriter& w, const char* key, const char* code_key,
                 const std::vector<PortfolioGroup>& groups) {
  w.Key(key).BeginArray();
  for (const PortfolioGroup& g : groups) {
    w.BeginObject();
    w.Key(code_key).String(g.code);
    w.Key("projects").Int(g.projects);
    w.Key("total_investment").String(g.total_investment.ToWanString());
    w.EndObject();
  }
  w.EndArray();
}

http::Response GetSummary(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto r = ReadStatsRequest(req);
  if (!r.ok()) return Error(req, r.status());
  auto s = ctx.reporting_stats->Summary(caller, r->period, r->filter);
  if (!s.ok()) return Error(req, s.status());
  JsonWriter w;
  w.BeginObject();
  w.Key("period").Int(s->period);
  w.Key("projects").Int(s->projects);
  w.Key("total_investment").String(s->total_investment.ToWanString());
  WriteGroups(w, "by_stage", "stage", s->totals.by_stage);
  WriteGroups(w, "by_level", "level", s->totals.by_level);
  w.Key("planned_projects").Int(s->totals.planned_projects);
  w.Key("annual_planned").String(s->totals.annual_planned.ToWanString());
  w.Key("completed_to_period").String(s->totals.completed_to_period.ToWanString());
  WriteOptRate(w, "completion_rate", s->completion_rate);
  w.Key("elapsed_share").Double(std::round(s->elapsed_share * 1e6) / 1e6);
  w.Key("gap_points");
  if (s->gap_points) {
    w.Double(std::round(*s->gap_points * 100) / 100);
  } else {
    w.Null();
  }
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response GetCompleteness(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto r = ReadStatsRequest(req);
  if (!r.ok()) return Error(req, r.status());
  auto c = ctx.reporting_stats->Count(caller, r->period, r->filter);
  if (!c.ok()) return Error(req, c.status());
  JsonWriter w;
  w.Reserve(512 + 256 * c->gaps.size());
  w.BeginObject();
  w.Key("period").Int(c->period);
  w.Key("window");
  WriteJson(w, c->window);
  w.Key("expected").Int(c->expected);
  w.Key("received").Int(c->received);
  w.Key("on_time").Int(c->on_time);
  w.Key("late").Int(c->late);
  w.Key("missing").Int(c->missing);
  w.Key("pending").Int(c->pending);
  w.Key("returned").Int(c->returned);
  w.Key("approved").Int(c->approved);
  WriteOptRate(w, "received_rate", c->received_rate);
  WriteOptRate(w, "on_time_rate", c->on_time_rate);
  WriteOptRate(w, "approved_rate", c->approved_rate);
  w.Key("gaps").BeginArray();
  for (const ReportingGap& g : c->gaps) {
    w.BeginObject();
    w.Key("project_id").Int(g.project_id);
    w.Key("project_name").String(g.project_name);
    w.Key("owner_unit_id").OptInt(g.owner_unit_id);
    w.Key("owner_unit_name").String(g.owner_unit_name);
    // Need to know (issue 17, core/service/contact_access.h): the gaps are the caller's
    // projects, whose owners' contacts the office, departments, officers and the owner itself
    // read; a leader reads every project but no contacts.
    w.Key("owner_contact");
    if (caller.role == Role::kLeader) {
      w.Null();
    } else {
      w.String(g.owner_contact);
    }
    w.Key("responsible_unit_id").OptInt(g.responsible_unit_id);
    w.Key("state").String(g.state);
    w.Key("working_days_overdue").Int(g.working_days_overdue);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response GetFigures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  Status st = RejectUnknownQuery(req, {"period"});
  if (!st.ok()) return Error(req, st);
  auto period = QueryInt(req, "period", 200001, 210012, true);
  if (!period.ok()) return Error(req, period.status());
  auto figures = ctx.reporting_stats->Figures(caller, *id, static_cast<int>(**period));
  if (!figures.ok()) return Error(req, figures.status());
  JsonWriter w;
  WriteJson(w, *figures);
  return JsonOk(w.Take());
}

}  // namespace

void RegisterReportingRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/reporting/calendar", bind(GetCalendar));
  router.Add("PUT", "/api/v1/reporting/calendar/rule", bind(PutRule));
  router.Add("PUT", "/api/v1/reporting/calendar/{period}", bind(PutWindow));
  router.Add("DELETE", "/api/v1/reporting/calendar/{period}", bind(DeleteWindow));
  router.Add("GET", "/api/v1/reporting/rules", bind(GetRules));
  router.Add("PUT", "/api/v1/reporting/rules", bind(PutRules));
  router.Add("GET", "/api/v1/reporting/completeness", bind(GetCompleteness));
  router.Add("GET", "/api/v1/reporting/summary", bind(GetSummary));
  router.Add("GET", "/api/v1/projects/{id}/figures", bind(GetFigures));
}

}  // namespace keyline::api
