// /api/v1/lights, /projects/{id}/lights(+/judgements), /light-rules, /forecast,
// /projects/{id}/forecast and /dispatch-list.
#include "api/api_context.h"

#include "api/engine_queries.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "engine/service/lights_service.h"

namespace keyline::api {
namespace {

using engine::DispatchRow;
using engine::LightColour;
using engine::LightDimension;
using engine::LightsService;

// period=YYYYMM (default: the current month); the service checks the range.
Result<int> QueryPeriod(const http::Request& req, LightsService& lights) {
  auto text = req.Query("period");
  if (!text) return lights.CurrentPeriod();
  int64_t v = 0;
  if (text->size() != 6 || !ParseInt64(*text, &v)) {
    return Status::InvalidArgument("期间应为 YYYYMM", "period must be YYYYMM",
                                   {{"period", "期间应为 YYYYMM", "period must be YYYYMM"}});
  }
  KL_RETURN_IF_ERROR(lights.CheckPeriod(static_cast<int>(v)));
  return static_cast<int>(v);
}

// The path's project id and the period query (the only parameter allowed).
Status ProjectAndPeriod(const http::Request& req, LightsService& lights, int64_t* id, int* period) {
  KL_ASSIGN_OR_RETURN(*id, PathId(req, "id"));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period"}));
  KL_ASSIGN_OR_RETURN(*period, QueryPeriod(req, lights));
  return Status::Ok();
}

void WriteDimension(JsonWriter& w, const engine::DimensionLight& d) {
  w.BeginObject()
      .Key("dimension")
      .String(engine::DimensionCode(d.dimension))
      .Key("colour")
      .String(engine::ColourCode(d.colour))
      .Key("computed_colour")
      .String(engine::ColourCode(d.computed_colour))
      .Key("assessed")
      .Bool(d.assessed)
      .Key("reason_zh")
      .String(d.reason_zh)
      .Key("reason_en")
      .String(d.reason_en)
      .Key("judged")
      .Bool(d.judged)
      .EndObject();
}

void WriteItemFields(JsonWriter& w, const engine::LightsItem& item) {
  w.Key("project_id").Int(item.project.id).Key("project_code").String(item.project.code);
  w.Key("project_name").String(item.project.name);
  if (item.project.unit_id) {
    w.Key("unit_id").Int(item.project.unit_id);
  } else {
    w.Key("unit_id").Null();
  }
  w.Key("unit_name").String(item.project.unit_name);
  w.Key("overall").String(engine::ColourCode(item.lights.overall));
  w.Key("computed_overall").String(engine::ColourCode(item.lights.computed_overall));
  w.Key("overall_judged").Bool(item.lights.overall_judged);
  w.Key("dimensions").BeginArray();
  for (const auto& d : item.lights.dimensions) WriteDimension(w, d);
  w.EndArray();
}

}  // namespace

Result<engine::LightsQuery> ReadLightsFilter(const http::Request& req, LightsService& lights) {
  engine::LightsQuery q;
  KL_ASSIGN_OR_RETURN(q.period, QueryPeriod(req, lights));
  if (auto c = req.Query("colour")) {
    q.colour = engine::ParseColour(*c);
    if (!q.colour) {
      return Status::InvalidArgument("colour 应为 green、yellow 或 red",
                                     "colour must be green, yellow or red",
                                     {{"colour", "灯色无效", "unknown colour"}});
    }
  }
  if (auto d = req.Query("dimension")) {
    q.dimension = engine::ParseDimension(*d);
    if (!q.dimension) {
      return Status::InvalidArgument(
          "维度无效，可选：start, progress, statistics, funds, reporting, "
          "procedures",
          "unknown dimension; expected start, progress, statistics, funds, "
          "reporting or procedures",
          {{"dimension", "维度无效", "unknown dimension"}});
    }
  }
  KL_ASSIGN_OR_RETURN(q.unit_id, QueryInt(req, "unit_id", 1, INT64_MAX, false));
  return q;
}

namespace {

Reply ListLights(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(
      RejectUnknownQuery(req, {"period", "colour", "dimension", "unit_id", "page", "page_size"}));
  KL_ASSIGN_OR_RETURN(auto filter, ReadLightsFilter(req, *ctx.lights));
  engine::LightsQuery q = std::move(filter);
  KL_ASSIGN_OR_RETURN(auto page, QueryInt(req, "page", 1, 100000, false));
  KL_ASSIGN_OR_RETURN(auto size, QueryInt(req, "page_size", 1, 500, false));
  q.page = static_cast<int>(page.value_or(1));
  q.page_size = static_cast<int>(size.value_or(50));
  KL_ASSIGN_OR_RETURN(auto result, ctx.lights->List(caller, q));
  JsonWriter w;
  w.BeginObject().Key("period").Int(result.period);
  w.Key("counts").BeginObject().Key("green").Int(result.green).Key("yellow").Int(result.yellow);
  w.Key("red").Int(result.red).EndObject();
  w.Key("total").Int(result.total).Key("page").Int(q.page).Key("page_size").Int(q.page_size);
  w.Key("items").BeginArray();
  for (const auto& item : result.items) {
    w.BeginObject();
    WriteItemFields(w, item);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

void WriteJudgement(JsonWriter& w, const LightJudgementRow& j) {
  w.BeginObject()
      .Key("id")
      .Int(j.id)
      .Key("project_id")
      .Int(j.project_id)
      .Key("period")
      .Int(j.period)
      .Key("dimension")
      .String(j.dimension)
      .Key("colour")
      .String(j.colour)
      .Key("computed_colour")
      .String(j.computed_colour)
      .Key("reason")
      .String(j.reason)
      .Key("by")
      .String(j.created_by_name)
      .Key("by_id")
      .Int(j.created_by)
      .Key("at")
      .Int(j.created_at)
      .EndObject();
}

Reply ProjectLights(ApiContext& ctx, const Caller& caller, http::Request& req) {
  int64_t id = 0;
  int period = 0;
  KL_RETURN_IF_ERROR(ProjectAndPeriod(req, *ctx.lights, &id, &period));
  KL_ASSIGN_OR_RETURN(auto detail, ctx.lights->ForProject(caller, id, period));
  JsonWriter w;
  w.BeginObject().Key("period").Int(period);
  WriteItemFields(w, detail.item);
  w.Key("judgements").BeginArray();
  for (const auto& j : detail.judgements) WriteJudgement(w, j);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

Reply Judge(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  engine::JudgementInput in;
  auto period = f.Int("period", true, 200001, 210012);
  in.dimension = f.String("dimension", true, 32).value_or("");
  in.colour = f.String("colour", true, 16).value_or("");
  in.reason = f.String("reason", true, 500).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  in.period = static_cast<int>(period.value_or(0));
  KL_ASSIGN_OR_RETURN(auto saved, ctx.lights->Judge(caller, id, std::move(in)));
  JsonWriter w;
  WriteJudgement(w, saved);
  return JsonOk(w.Take(), 201);
}

// ---- rules ----

void WriteRules(JsonWriter& w, const engine::LightRuleSet& s) {
  w.BeginObject().Key("rules").BeginArray();
  for (const engine::LightRule& r : s.rules) {
    const engine::LightRuleSpec& spec = engine::SpecOf(r.dimension);
    w.BeginObject().Key("dimension").String(engine::DimensionCode(r.dimension));
    w.Key("name_zh").String(spec.name_zh).Key("name_en").String(spec.name_en);
    w.Key("enabled").Bool(r.enabled);
    w.Key("yellow").BeginObject().Key(spec.yellow.key).Int(r.yellow).EndObject();
    w.Key("red").BeginObject().Key(spec.red.key).Int(r.red);
    if (!spec.red_items.key.empty()) w.Key(spec.red_items.key).Int(r.red_items);
    w.EndObject().EndObject();
  }
  w.EndArray();
  w.Key("forecast").BeginObject().Key("warning_percent_below").Int(s.forecast_warning_percent);
  w.EndObject();
  w.Key("dispatch").BeginObject().Key("yellow_months").Int(s.dispatch_yellow_months).EndObject();
  w.EndObject();
}

// Reads a nested object field with its own reader; its errors are renamed "<prefix>.<field>".
const boost::json::object* Object(FieldReader& parent, const boost::json::object& body,
                                  std::string_view key, bool required) {
  if (!body.contains(key)) {
    if (required) parent.AddError(key, "缺少字段", "missing field");
    return nullptr;
  }
  parent.Ignore({key});
  const boost::json::value& v = body.at(key);
  if (!v.is_object()) {
    parent.AddError(key, "应为对象", "must be an object");
    return nullptr;
  }
  return &v.as_object();
}

void Collect(std::vector<FieldError>* errors, const Status& st, const std::string& prefix) {
  for (const FieldError& e : st.details()) {
    errors->push_back({prefix + "." + e.field, e.message_zh, e.message_en});
  }
}

Reply GetRules(ApiContext& ctx, const Caller&, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto rules, ctx.lights->Rules());
  JsonWriter w;
  WriteRules(w, rules);
  return JsonOk(w.Take());
}

Reply PutRules(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  KL_ASSIGN_OR_RETURN(auto current, ctx.lights->Rules());
  engine::LightRuleSet set = current;
  std::vector<FieldError> errors;
  FieldReader top(body);
  if (const boost::json::array* rules = top.Array("rules", true)) {
    if (rules->size() > engine::kDimensionCount) {
      errors.push_back({"rules", "规则过多", "too many rules"});
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < rules->size() && i < 16; ++i) {
      std::string prefix = "rules[" + std::to_string(i) + "]";
      if (!(*rules)[i].is_object()) {
        errors.push_back({prefix, "应为对象", "must be an object"});
        continue;
      }
      const boost::json::object& o = (*rules)[i].as_object();
      FieldReader f(o);
      std::string code = f.String("dimension", true, 32).value_or("");
      auto d = engine::ParseDimension(code);
      f.Ignore({"name_zh", "name_en"});
      if (!code.empty() && !d)
        f.AddError("dimension", "维度无效：" + code, "unknown dimension: " + code);
      if (d && !seen.insert(code).second) f.AddError("dimension", "维度重复", "dimension repeated");
      engine::LightRule r = d ? set.rule(*d) : engine::LightRule{};
      if (auto e = f.Bool("enabled", false)) r.enabled = *e;
      if (d) {
        const engine::LightRuleSpec& spec = engine::SpecOf(*d);
        if (const auto* y = Object(f, o, "yellow", true)) {
          FieldReader yf(*y);
          if (auto v = yf.Int(spec.yellow.key, true, INT32_MIN, INT32_MAX)) r.yellow = *v;
          Collect(&errors, yf.Finish(), prefix + ".yellow");
        }
        if (const auto* red = Object(f, o, "red", true)) {
          FieldReader rf(*red);
          if (auto v = rf.Int(spec.red.key, true, INT32_MIN, INT32_MAX)) r.red = *v;
          if (!spec.red_items.key.empty()) {
            if (auto v = rf.Int(spec.red_items.key, true, INT32_MIN, INT32_MAX)) r.red_items = *v;
          }
          Collect(&errors, rf.Finish(), prefix + ".red");
        }
        set.rule(*d) = r;
      } else {
        f.Ignore({"yellow", "red"});
      }
      Collect(&errors, f.Finish(), prefix);
    }
  }
  if (const auto* fc = Object(top, body, "forecast", false)) {
    FieldReader f(*fc);
    if (auto v = f.Int("warning_percent_below", true, INT32_MIN, INT32_MAX)) {
      set.forecast_warning_percent = *v;
    }
    Collect(&errors, f.Finish(), "forecast");
  }
  if (const auto* dp = Object(top, body, "dispatch", false)) {
    FieldReader f(*dp);
    if (auto v = f.Int("yellow_months", true, INT32_MIN, INT32_MAX)) {
      set.dispatch_yellow_months = *v;
    }
    Collect(&errors, f.Finish(), "dispatch");
  }
  Status top_status = top.Finish();
  for (const FieldError& e : top_status.details()) errors.push_back(e);
  if (!errors.empty()) {
    const FieldError& first = errors.front();
    return Status::InvalidArgument("灯色规则有误：" + first.field + " " + first.message_zh,
                                   "invalid light rules: " + first.field + " " + first.message_en,
                                   errors);
  }
  KL_RETURN_IF_ERROR(ctx.lights->PutRules(caller, set));
  JsonWriter w;
  WriteRules(w, set);
  return JsonOk(w.Take());
}

// ---- forecast and dispatch ----

Reply Forecast(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period", "group_by"}));
  KL_ASSIGN_OR_RETURN(auto period, QueryPeriod(req, *ctx.lights));
  std::string group_by = req.Query("group_by").value_or("area");
  KL_ASSIGN_OR_RETURN(auto rows, ctx.lights->Forecast(caller, period, group_by));
  JsonWriter w;
  w.BeginObject().Key("period").Int(period).Key("group_by").String(group_by);
  w.Key("rows").BeginArray();
  for (const auto& r : rows) {
    const engine::ForecastTotal& t = r.total;
    w.BeginObject().Key("key").String(r.key).Key("label").String(r.label);
    w.Key("projects").Int(t.projects);
    w.Key("planned_year").String(Money{t.planned_year}.ToWanString());
    w.Key("planned_to_date").String(Money{t.planned_to_date}.ToWanString());
    w.Key("completed_to_date").String(Money{t.completed_to_date}.ToWanString());
    w.Key("forecast_year_end").String(Money{t.forecast_year_end}.ToWanString());
    w.Key("forecast_rate").String(engine::ForecastPercent(t.forecast_year_end, t.planned_year));
    w.Key("warning").Bool(t.warning);
    w.Key("warning_reason_zh").String(t.warning_reason_zh);
    w.Key("warning_reason_en").String(t.warning_reason_en);
    w.EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

void WriteMoneyArray(JsonWriter& w, const char* key, const std::array<int64_t, 12>& a) {
  w.Key(key).BeginArray();
  for (int64_t x : a) w.String(Money{x}.ToWanString());
  w.EndArray();
}

Reply ProjectForecast(ApiContext& ctx, const Caller& caller, http::Request& req) {
  int64_t id = 0;
  int period = 0;
  KL_RETURN_IF_ERROR(ProjectAndPeriod(req, *ctx.lights, &id, &period));
  KL_ASSIGN_OR_RETURN(auto f, ctx.lights->ProjectForecastOf(caller, id, period));
  JsonWriter w;
  w.BeginObject().Key("project_id").Int(id).Key("period").Int(period);
  w.Key("has_plan").Bool(f.has_plan).Key("method").String(f.method);
  w.Key("planned_year").String(Money{f.planned_year}.ToWanString());
  WriteMoneyArray(w, "planned_monthly", f.planned_monthly);
  WriteMoneyArray(w, "cumulative_plan", f.cumulative_plan);
  w.Key("reported").BeginArray();
  for (int m = 0; m < period % 100; ++m) w.String(Money{f.reported[m]}.ToWanString());
  w.EndArray();
  WriteMoneyArray(w, "forecast", f.forecast);
  w.Key("planned_to_date").String(Money{f.planned_to_date}.ToWanString());
  w.Key("completed_to_date").String(Money{f.completed_to_date}.ToWanString());
  w.Key("forecast_year_end").String(Money{f.forecast_year_end}.ToWanString());
  w.Key("forecast_rate").String(engine::ForecastPercent(f.forecast_year_end, f.planned_year));
  w.Key("warning").Bool(f.warning);
  w.Key("warning_reason_zh").String(f.warning_reason_zh);
  w.Key("warning_reason_en").String(f.warning_reason_en);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply DispatchList(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period", "limit"}));
  KL_ASSIGN_OR_RETURN(auto period, QueryPeriod(req, *ctx.lights));
  KL_ASSIGN_OR_RETURN(auto limit, QueryInt(req, "limit", 1, 100000, false));
  KL_ASSIGN_OR_RETURN(auto rows, ctx.lights->Dispatch(caller, period));
  size_t shown = std::min<size_t>(rows.size(), limit.value_or(rows.size()));
  JsonWriter w;
  w.BeginObject().Key("period").Int(period).Key("total").Int(static_cast<int64_t>(rows.size()));
  w.Key("items").BeginArray();
  for (size_t i = 0; i < shown; ++i) {
    const DispatchRow& r = rows[i];
    w.BeginObject().Key("project_id").Int(r.project.id);
    w.Key("project_code").String(r.project.code).Key("project_name").String(r.project.name);
    w.Key("unit_name").String(r.project.unit_name).Key("leader_name").String(r.leader_name);
    w.Key("severity").Int(r.item.severity).Key("reasons").BeginArray();
    for (const auto& reason : r.item.reasons) {
      w.BeginObject().Key("zh").String(reason.zh).Key("en").String(reason.en).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterLightsRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/lights", ListLights);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/lights", ProjectLights);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/lights/judgements", Judge,
        {.max_body_bytes = 16 * 1024});
  Route(router, ctx, "GET", "/api/v1/light-rules", GetRules);
  Route(router, ctx, "PUT", "/api/v1/light-rules", PutRules, {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "GET", "/api/v1/forecast", Forecast);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/forecast", ProjectForecast);
  Route(router, ctx, "GET", "/api/v1/dispatch-list", DispatchList);
}

}  // namespace keyline::api
