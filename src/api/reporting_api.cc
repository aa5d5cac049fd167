// /api/v1/reporting/...: the reporting calendar, the validation rules, completeness and
// timeliness; /api/v1/projects/{id}/figures: derived figures of a project.
#include <cmath>

#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/reporting_json.h"
#include "core/service/contact_access.h"
#include "core/service/reporting_settings.h"
#include "core/service/reporting_stats.h"

namespace keyline::api {
namespace {

http::Response Ok204() {
  http::Response res;
  res.status = 204;
  return res;
}

Reply GetCalendar(ApiContext& ctx, const Caller&, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"year"}));
  KL_ASSIGN_OR_RETURN(auto year, QueryInt(req, "year", 2000, 2100, true));
  KL_ASSIGN_OR_RETURN(auto rule, ctx.reporting_settings->Rule());
  KL_ASSIGN_OR_RETURN(auto windows, ctx.reporting_settings->Year(static_cast<int>(*year)));
  JsonWriter w;
  w.BeginObject();
  w.Key("year").Int(*year);
  w.Key("rule");
  WriteJson(w, rule);
  w.Key("calendar_covers_year")
      .Bool(ctx.reporting_settings->calendar().covers(static_cast<int>(*year)));
  w.Key("windows").BeginArray();
  for (const ReportWindow& win : windows) WriteJson(w, win);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply PutRule(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ReportWindowRule rule;
  rule.open_day = static_cast<int>(f.Int("open_day", true, 1, 28).value_or(0));
  rule.due_working_day = static_cast<int>(f.Int("due_working_day", true, 1, 20).value_or(0));
  rule.lock_working_day = static_cast<int>(f.Int("lock_working_day", true, 1, 23).value_or(0));
  KL_RETURN_IF_ERROR(f.Finish());
  KL_RETURN_IF_ERROR(ctx.reporting_settings->PutRule(caller, rule));
  JsonWriter w;
  WriteJson(w, rule);
  return JsonOk(w.Take());
}

Reply PutWindow(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto period, PathPeriod(req, "period"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ReportWindow win;
  win.period = period;
  win.opens_on = f.Date("opens_on", true).value_or("");
  win.due_on = f.Date("due_on", true).value_or("");
  win.locks_after = f.Date("locks_after", true).value_or("");
  f.Ignore({"period", "overridden"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_RETURN_IF_ERROR(ctx.reporting_settings->PutWindow(caller, win));
  win.overridden = true;
  JsonWriter w;
  WriteJson(w, win);
  return JsonOk(w.Take());
}

Reply DeleteWindow(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto period, PathPeriod(req, "period"));
  KL_RETURN_IF_ERROR(ctx.reporting_settings->DeleteWindow(caller, period));
  return Ok204();
}

Reply GetRules(ApiContext& ctx, const Caller&, http::Request&) {
  KL_ASSIGN_OR_RETURN(auto rules, ctx.reporting_settings->Rules());
  JsonWriter w;
  WriteJson(w, rules);
  return JsonOk(w.Take());
}

Reply PutRules(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  ReportRules rules;
  rules.cumulative_over_total_is_error =
      f.Bool("cumulative_over_total_is_error", true).value_or(true);
  rules.plan_factor = f.Double("plan_factor", true).value_or(0);
  rules.history_factor = f.Double("history_factor", true).value_or(0);
  if (auto v = f.Amount("min_flag_amount", true)) rules.min_flag_amount = *v;
  rules.flag_progress_regression = f.Bool("flag_progress_regression", true).value_or(true);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_RETURN_IF_ERROR(ctx.reporting_settings->PutRules(caller, rules));
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

Reply GetSummary(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto r, ReadStatsRequest(req));
  KL_ASSIGN_OR_RETURN(auto s, ctx.reporting_stats->Summary(caller, r.period, r.filter));
  JsonWriter w;
  w.BeginObject();
  w.Key("period").Int(s.period);
  w.Key("projects").Int(s.projects);
  w.Key("total_investment").String(s.total_investment.ToWanString());
  WriteGroups(w, "by_stage", "stage", s.totals.by_stage);
  WriteGroups(w, "by_level", "level", s.totals.by_level);
  w.Key("planned_projects").Int(s.totals.planned_projects);
  w.Key("annual_planned").String(s.totals.annual_planned.ToWanString());
  w.Key("completed_to_period").String(s.totals.completed_to_period.ToWanString());
  WriteOptRate(w, "completion_rate", s.completion_rate);
  w.Key("elapsed_share").Double(std::round(s.elapsed_share * 1e6) / 1e6);
  w.Key("gap_points");
  if (s.gap_points) {
    w.Double(std::round(*s.gap_points * 100) / 100);
  } else {
    w.Null();
  }
  w.EndObject();
  return JsonOk(w.Take());
}

Reply GetCompleteness(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto r, ReadStatsRequest(req));
  KL_ASSIGN_OR_RETURN(auto c, ctx.reporting_stats->Count(caller, r.period, r.filter));
  JsonWriter w;
  w.Reserve(512 + 256 * c.gaps.size());
  w.BeginObject();
  w.Key("period").Int(c.period);
  w.Key("window");
  WriteJson(w, c.window);
  w.Key("expected").Int(c.expected);
  w.Key("received").Int(c.received);
  w.Key("on_time").Int(c.on_time);
  w.Key("late").Int(c.late);
  w.Key("missing").Int(c.missing);
  w.Key("pending").Int(c.pending);
  w.Key("returned").Int(c.returned);
  w.Key("approved").Int(c.approved);
  WriteOptRate(w, "received_rate", c.received_rate);
  WriteOptRate(w, "on_time_rate", c.on_time_rate);
  WriteOptRate(w, "approved_rate", c.approved_rate);
  w.Key("gaps").BeginArray();
  for (const ReportingGap& g : c.gaps) {
    w.BeginObject();
    w.Key("project_id").Int(g.project_id);
    w.Key("project_name").String(g.project_name);
    w.Key("owner_unit_id").OptInt(g.owner_unit_id);
    w.Key("owner_unit_name").String(g.owner_unit_name);
    // Need to know (core/service/contact_access.h): the gaps are the caller's
    // projects, whose owners' contacts the office, departments, officers and the owner itself
    // read; a leader reads every project but no contacts.
    w.Key("owner_contact");
    if (ReadsOwnerContactsOfOwnProjects(caller.role)) {
      w.String(g.owner_contact);
    } else {
      w.Null();
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

Reply GetFigures(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period"}));
  KL_ASSIGN_OR_RETURN(auto period, QueryInt(req, "period", 200001, 210012, true));
  KL_ASSIGN_OR_RETURN(auto figures,
                      ctx.reporting_stats->Figures(caller, id, static_cast<int>(*period)));
  JsonWriter w;
  WriteJson(w, figures);
  return JsonOk(w.Take());
}

}  // namespace

void RegisterReportingRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/reporting/calendar", GetCalendar);
  Route(router, ctx, "PUT", "/api/v1/reporting/calendar/rule", PutRule);
  Route(router, ctx, "PUT", "/api/v1/reporting/calendar/{period}", PutWindow);
  Route(router, ctx, "DELETE", "/api/v1/reporting/calendar/{period}", DeleteWindow);
  Route(router, ctx, "GET", "/api/v1/reporting/rules", GetRules);
  Route(router, ctx, "PUT", "/api/v1/reporting/rules", PutRules);
  Route(router, ctx, "GET", "/api/v1/reporting/completeness", GetCompleteness);
  Route(router, ctx, "GET", "/api/v1/reporting/summary", GetSummary);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/figures", GetFigures);
}

}  // namespace keyline::api
