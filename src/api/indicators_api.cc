// /api/v1/indicators (definitions as data), their values and
// drill-down, /rates (a set by group), /rates/trend and /engine/status. Money is a decimal
// string in 万元 (as /reporting/summary); counts are integer strings; a rate is a decimal
// string (6 places) or null, and percent is rounded to the indicator's decimals or "".
#include <string>

#include "api/api_context.h"
#include "api/engine_queries.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "engine/expr_reading.h"
#include "engine/service/indicator_service.h"
#include "engine/service/rates_service.h"

namespace keyline::api {
namespace {

using engine::CompiledIndicator;
using engine::Dim;
using engine::Rational;

// A decimal without trailing zeros ("12.5", "3").
std::string Trimmed(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// An aggregate's value: 万元 for money, a plain number otherwise; null when absent.
void WriteAmount(JsonWriter& w, const std::optional<Rational>& v, Dim dim) {
  if (!v) {
    w.Null();
    return;
  }
  if (dim == Dim::kMoney) {
    auto wan = engine::Rational::Make(v->num, v->den * 1'000'000);
    if (!wan) {
      w.Null();
      return;
    }
    w.String(Trimmed(engine::FormatFixed(*wan, 6)));
    return;
  }
  w.String(Trimmed(engine::FormatFixed(*v, 6)));
}

void WriteRate(JsonWriter& w, const engine::IndicatorValue& v, Dim dim) {
  w.Key("numerator");
  WriteAmount(w, v.numerator, dim);
  w.Key("denominator");
  WriteAmount(w, v.denominator, dim);
  w.Key("rate");
  if (v.rate) {
    w.String(engine::FormatFixed(*v.rate, 6));
  } else {
    w.Null();
  }
  w.Key("percent").String(v.percent);
}

void WriteIndicatorHead(JsonWriter& w, const CompiledIndicator& i) {
  w.BeginObject();
  w.Key("code").String(i.def.code);
  w.Key("name_zh").String(i.def.name_zh);
  w.Key("name_en").String(i.def.name_en);
  w.Key("decimals").Int(i.def.decimals);
  // What numerator and denominator count: "money" (万元) or "count".
  w.Key("dim").String(i.numerator.dim == Dim::kMoney ? "money" : "count");
  std::string_view fixed = engine::FixedWindowOf(i.def);
  w.Key("window");  // the window the formula fixes (quarter / ytd); null: the asked one
  if (fixed.empty()) {
    w.Null();
  } else {
    w.String(fixed);
  }
  w.EndObject();
}

void WriteRecord(JsonWriter& w, const IndicatorRecord& r) {
  w.BeginObject();
  w.Key("code").String(r.code);
  w.Key("name_zh").String(r.name_zh);
  w.Key("name_en").String(r.name_en);
  w.Key("numerator").String(r.numerator);
  w.Key("denominator").String(r.denominator);
  w.Key("numerator_zh").String(engine::ReadExpressionZh(r.numerator));
  w.Key("denominator_zh").String(engine::ReadExpressionZh(r.denominator));
  w.Key("decimals").Int(r.decimals);
  w.Key("set").String(r.set);
  w.Key("builtin").Bool(r.builtin);
  w.Key("updated_at").Int(r.updated_at);
  w.EndObject();
}

std::string RecordJson(const IndicatorRecord& r) {
  JsonWriter w;
  WriteRecord(w, r);
  return w.Take();
}

std::string PathCode(const http::Request& req) {
  auto it = req.path_params.find("code");
  return it == req.path_params.end() ? std::string() : it->second;
}

// The body of POST / PUT: every field required but code (from the path on PUT).
Result<IndicatorRecord> ReadRecord(const http::Request& req, bool code_in_body) {
  KL_ASSIGN_OR_RETURN(boost::json::object body, ReadJsonBody(req));
  FieldReader f(body);
  IndicatorRecord r;
  if (code_in_body) {
    r.code = f.String("code", true, 64).value_or("");
  } else {
    f.Ignore({"code"});
  }
  r.name_zh = f.String("name_zh", true, 200).value_or("");
  r.name_en = f.String("name_en", false, 200).value_or("");
  r.numerator = f.String("numerator", true, engine::kMaxExpressionBytes).value_or("");
  r.denominator = f.String("denominator", true, engine::kMaxExpressionBytes).value_or("");
  r.decimals = static_cast<int>(f.Int("decimals", false, 0, 6).value_or(1));
  r.set = f.String("set", true, 32).value_or("");
  f.Ignore({"builtin", "updated_at"});
  KL_RETURN_IF_ERROR(f.Finish());
  return r;
}

}  // namespace

// period (required), group_by (default area; unit for /rates), window (default ytd).
Result<engine::RateQuery> ReadRateQuery(const http::Request& req, const char* default_group) {
  engine::RateQuery q;
  KL_ASSIGN_OR_RETURN(auto period, QueryInt(req, "period", 190001, 219912, true));
  q.period = static_cast<int>(*period);
  if (q.period % 100 < 1 || q.period % 100 > 12) {
    return Status::InvalidArgument("period 应为 YYYYMM", "period must be YYYYMM",
                                   {{"period", "应为 YYYYMM", "must be YYYYMM"}});
  }
  std::string group = req.Query("group_by").value_or(default_group);
  auto kind = engine::ParseGroupKind(group);
  if (!kind) {
    const char* allowed = "area|unit|region|leader|level|industry|campaign";
    return Status::InvalidArgument(std::string("group_by 无效，可选：") + allowed,
                                   std::string("invalid group_by; expected ") + allowed,
                                   {{"group_by", "取值无效", "invalid value"}});
  }
  q.group = *kind;
  auto window = engine::ParseWindow(req.Query("window").value_or("ytd"));
  if (!window) {
    return Status::InvalidArgument("window 无效，可选：month|quarter|ytd",
                                   "invalid window; expected month|quarter|ytd",
                                   {{"window", "取值无效", "invalid value"}});
  }
  q.window = *window;
  return q;
}

namespace {

void WriteGroups(JsonWriter& w, const engine::IndicatorResult& r) {
  Dim dim = r.indicator->numerator.dim;
  w.BeginArray();
  for (const auto& g : r.groups) {
    w.BeginObject();
    w.Key("key").String(g.key);
    w.Key("label").String(g.label);
    WriteRate(w, g.value, dim);
    w.Key("numerator_count").Int(static_cast<int64_t>(g.value.numerator_projects.size()));
    w.Key("denominator_count").Int(static_cast<int64_t>(g.value.denominator_projects.size()));
    w.EndObject();
  }
  w.EndArray();
}

std::string_view GroupName(const http::Request& req, const char* fallback) {
  static thread_local std::string name;
  name = req.Query("group_by").value_or(fallback);
  return name;
}

// ---- definitions ----

Reply ListIndicators(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto items, ctx.indicators->List(caller));
  JsonWriter w;
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& r : items) WriteRecord(w, r);
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply GetIndicator(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto r, ctx.indicators->Get(caller, PathCode(req)));
  return JsonOk(RecordJson(r));
}

Reply CreateIndicator(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto in, ReadRecord(req, true));
  KL_ASSIGN_OR_RETURN(auto saved, ctx.indicators->Create(caller, std::move(in)));
  return JsonOk(RecordJson(saved), 201);
}

Reply UpdateIndicator(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto in, ReadRecord(req, false));
  KL_ASSIGN_OR_RETURN(auto saved, ctx.indicators->Update(caller, PathCode(req), std::move(in)));
  return JsonOk(RecordJson(saved));
}

Reply DeleteIndicator(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(ctx.indicators->Delete(caller, PathCode(req)));
  http::Response res;
  res.status = 204;
  return res;
}

Reply CheckIndicator(ApiContext&, const Caller&, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  std::string num = f.String("numerator", true, engine::kMaxExpressionBytes).value_or("");
  std::string den = f.String("denominator", true, engine::kMaxExpressionBytes).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_RETURN_IF_ERROR(engine::IndicatorService::Check(num, den));
  return JsonOk(R"({"ok":true})");
}

// ---- values ----

Reply Values(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"period", "group_by", "window"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRateQuery(req, "area"));
  KL_ASSIGN_OR_RETURN(auto r, ctx.rates->Values(caller, PathCode(req), q));
  JsonWriter w;
  w.BeginObject();
  w.Key("indicator");
  WriteIndicatorHead(w, *r->indicator);
  w.Key("period").Int(q.period);
  w.Key("group_by").String(GroupName(req, "area"));
  w.Key("window").String(req.Query("window").value_or("ytd"));
  w.Key("sequence").Int(static_cast<int64_t>(r->sequence));
  w.Key("groups");
  WriteGroups(w, *r);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply Drilldown(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(
      req, {"period", "group_by", "window", "group", "side", "page", "page_size"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRateQuery(req, "area"));
  std::string side = req.Query("side").value_or("numerator");
  if (side != "numerator" && side != "denominator") {
    return Status::InvalidArgument("side 应为 numerator 或 denominator",
                                   "side must be numerator or denominator",
                                   {{"side", "取值无效", "invalid value"}});
  }
  KL_ASSIGN_OR_RETURN(auto page, QueryInt(req, "page", 1, 100000, false));
  KL_ASSIGN_OR_RETURN(auto size, QueryInt(req, "page_size", 1, 500, false));
  int64_t limit = size.value_or(50), offset = (page.value_or(1) - 1) * limit;
  std::string group = req.Query("group").value_or("area");
  KL_ASSIGN_OR_RETURN(auto r, ctx.rates->Drilldown(caller, PathCode(req), q, group,
                                                   side == "numerator", offset, limit));
  JsonWriter w;
  w.BeginObject();
  w.Key("total").Int(r.total);
  w.Key("items").BeginArray();
  for (const auto& p : r.items) {
    w.BeginObject();
    w.Key("id").Int(p.id);
    w.Key("code").String(p.code);
    w.Key("name").String(p.name);
    w.Key("stage").String(p.stage);
    w.Key("unit_id").OptInt(p.unit_id);
    w.Key("unit_name").String(p.unit_name);
    w.Key("total_investment").String(Money{p.total_investment_cents}.ToWanString());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return JsonOk(w.Take());
}

std::string SetOf(const http::Request& req) { return req.Query("set").value_or(""); }

Reply Rates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"set", "period", "group_by", "window"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRateQuery(req, "unit"));
  std::string set = SetOf(req);
  if (set.empty()) {
    return Status::InvalidArgument("缺少查询参数 set", "missing query parameter set",
                                   {{"set", "必填", "required"}});
  }
  KL_ASSIGN_OR_RETURN(auto r, ctx.rates->Rates(caller, set, q));
  JsonWriter w;
  w.Reserve(16 * 1024);
  w.BeginObject();
  w.Key("set").String(set);
  w.Key("period").Int(q.period);
  w.Key("group_by").String(GroupName(req, "unit"));
  w.Key("window").String(req.Query("window").value_or("ytd"));
  w.Key("indicators").BeginArray();
  for (const auto& i : r.by_group) WriteIndicatorHead(w, *i->indicator);
  w.EndArray();
  // Rows: the union of the groups of every indicator, in key order.
  std::map<std::string, std::string> rows;
  for (const auto& i : r.by_group) {
    for (const auto& g : i->groups) rows.emplace(g.key, g.label);
  }
  w.Key("rows").BeginArray();
  for (const auto& [key, label] : rows) {
    w.BeginObject();
    w.Key("key").String(key);
    w.Key("label").String(label);
    w.Key("values").BeginObject();
    for (const auto& i : r.by_group) {
      for (const auto& g : i->groups) {
        if (g.key != key) continue;
        w.Key(i->indicator->def.code).BeginObject();
        WriteRate(w, g.value, i->indicator->numerator.dim);
        w.EndObject();
      }
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("area").BeginObject();
  w.Key("values").BeginObject();
  for (const auto& i : r.area) {
    if (i->groups.empty()) continue;
    w.Key(i->indicator->def.code).BeginObject();
    WriteRate(w, i->groups[0].value, i->indicator->numerator.dim);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  w.Key("sequence").Int(static_cast<int64_t>(r.sequence));
  w.EndObject();
  return JsonOk(w.Take());
}

Reply Trend(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"set", "from", "to"}));
  KL_ASSIGN_OR_RETURN(auto from, QueryInt(req, "from", 190001, 219912, true));
  KL_ASSIGN_OR_RETURN(auto to, QueryInt(req, "to", 190001, 219912, true));
  for (int64_t p : {*from, *to}) {
    if (p % 100 < 1 || p % 100 > 12) {
      return Status::InvalidArgument("期别应为 YYYYMM", "periods must be YYYYMM",
                                     {{"from", "应为 YYYYMM", "must be YYYYMM"}});
    }
  }
  KL_ASSIGN_OR_RETURN(auto r, ctx.rates->TrendOf(caller, SetOf(req), static_cast<int>(*from),
                                                 static_cast<int>(*to)));
  JsonWriter w;
  w.BeginObject();
  w.Key("indicators").BeginArray();
  for (const auto& i : r.indicators) WriteIndicatorHead(w, *i);
  w.EndArray();
  w.Key("periods").BeginArray();
  for (int p : r.periods) w.Int(p);
  w.EndArray();
  w.Key("series").BeginObject();
  for (size_t i = 0; i < r.indicators.size(); ++i) {
    w.Key(r.indicators[i]->def.code).BeginArray();
    for (const auto& s : r.percent[i]) w.String(s);
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
  return JsonOk(w.Take());
}

Reply EngineStatus(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto s, ctx.rates->EngineStatus(caller));
  JsonWriter w;
  w.BeginObject();
  w.Key("sequence").Int(static_cast<int64_t>(s.sequence));
  w.Key("loaded_at").Int(s.loaded_at_ms);
  w.Key("load_ms").Int(s.load_ms);
  w.Key("full_loads").Int(static_cast<int64_t>(s.full_loads));
  w.Key("incremental_updates").Int(static_cast<int64_t>(s.incremental_updates));
  w.Key("projects").Int(static_cast<int64_t>(s.projects));
  w.Key("plans").Int(static_cast<int64_t>(s.plans));
  w.Key("reports").Int(static_cast<int64_t>(s.reports));
  w.Key("procedures").Int(static_cast<int64_t>(s.procedures));
  w.Key("problems").Int(static_cast<int64_t>(s.problems));
  w.Key("funds").Int(static_cast<int64_t>(s.funds));
  w.Key("leads").Int(static_cast<int64_t>(s.leads));
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterIndicatorRoutes(http::Router& router, ApiContext& ctx) {
  http::RouteOptions body{.max_body_bytes = 64 * 1024};
  Route(router, ctx, "GET", "/api/v1/indicators", ListIndicators);
  Route(router, ctx, "POST", "/api/v1/indicators", CreateIndicator, body);
  Route(router, ctx, "POST", "/api/v1/indicators/check", CheckIndicator, body);
  Route(router, ctx, "GET", "/api/v1/indicators/{code}", GetIndicator);
  Route(router, ctx, "PUT", "/api/v1/indicators/{code}", UpdateIndicator, body);
  Route(router, ctx, "DELETE", "/api/v1/indicators/{code}", DeleteIndicator);
  Route(router, ctx, "GET", "/api/v1/indicators/{code}/values", Values);
  Route(router, ctx, "GET", "/api/v1/indicators/{code}/drilldown", Drilldown);
  Route(router, ctx, "GET", "/api/v1/rates", Rates);
  Route(router, ctx, "GET", "/api/v1/rates/trend", Trend);
  Route(router, ctx, "GET", "/api/v1/engine/status", EngineStatus);
}

}  // namespace keyline::api
