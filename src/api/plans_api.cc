// /api/v1/projects/{id}/plans: annual plans with versioned baselines.
#include "api/api_context.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/model/reporting_json.h"
#include "core/service/plan_service.h"

namespace keyline::api {
namespace {

Result<int> PathYear(const http::Request& req) {
  auto it = req.path_params.find("year");
  if (it != req.path_params.end() && it->second.size() == 4) {
    int year = 0;
    for (char c : it->second) {
      if (c < '0' || c > '9') return Status::NotFound("年度无效", "invalid year");
      year = year * 10 + (c - '0');
    }
    if (year >= 2000 && year <= 2100) return year;
  }
  return Status::NotFound("年度无效（应为 2000–2100）", "invalid year (expected 2000..2100)");
}

std::string HistoryJson(const PlanHistory& h) {
  JsonWriter w;
  w.BeginObject();
  w.Key("current");
  if (h.current) {
    WriteJson(w, *h.current);
  } else {
    w.Null();
  }
  w.Key("versions").BeginArray();
  for (const AnnualPlan& p : h.versions) WriteJson(w, p);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

Reply ListPlans(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto plans, ctx.plans->ListYears(caller, id));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const AnnualPlan& p : plans) WriteJson(w, p);
  w.EndArray().EndObject();
  return JsonOk(w.Take());
}

Reply GetPlan(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto year, PathYear(req));
  KL_ASSIGN_OR_RETURN(auto history, ctx.plans->Get(caller, id, year));
  return JsonOk(HistoryJson(history));
}

Reply PutPlan(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto year, PathYear(req));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  PlanInput in;
  if (auto v = f.Amount("planned_investment", true)) in.planned_investment = *v;
  in.planned_start = f.Date("planned_start", false);
  in.planned_completion = f.Date("planned_completion", false);
  in.goals = f.String("goals", false, 5000).value_or("");
  in.split = f.Enum("split", PlanSplitTable(), false).value_or(PlanSplit::kEven);
  in.completed_before = f.Amount("completed_before", false);
  in.reason = f.String("reason", false, 1000).value_or("");
  in.expected_version = static_cast<int>(f.Int("version", true, 0, 1000000).value_or(0));
  if (const boost::json::array* monthly = f.Array("monthly", false)) {
    if (monthly->size() != 12) {
      f.AddError("monthly", "应为 12 个月的金额", "must hold 12 monthly amounts");
    } else {
      std::array<Money, 12> months{};
      bool ok = true;
      for (size_t i = 0; i < 12 && ok; ++i) {
        const boost::json::value& v = (*monthly)[i];
        Result<Money> m = v.is_string()  ? Money::ParseWan(std::string(v.as_string()))
                          : v.is_int64() ? Result<Money>(Money::FromWan(v.as_int64()))
                                         : Result<Money>(Status::InvalidArgument("", ""));
        if (!m.ok()) {
          f.AddError("monthly", "第 " + std::to_string(i + 1) + " 个月的金额无效",
                     "month " + std::to_string(i + 1) + " is not a valid amount in 万元");
          ok = false;
        } else {
          months[i] = *m;
        }
      }
      if (ok) in.monthly = months;
    }
  }
  f.Ignore({"project_id", "year", "status", "created_by", "created_by_name", "created_at",
            "confirmed_by", "confirmed_at", "updated_at"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto saved, ctx.plans->Save(caller, id, year, std::move(in)));
  return JsonOk(ToJson(saved));
}

Reply ConfirmPlan(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto year, PathYear(req));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  int version = static_cast<int>(f.Int("version", true, 1, 1000000).value_or(0));
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto confirmed, ctx.plans->Confirm(caller, id, year, version));
  return JsonOk(ToJson(confirmed));
}

}  // namespace

void RegisterPlanRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/projects/{id}/plans", ListPlans);
  Route(router, ctx, "GET", "/api/v1/projects/{id}/plans/{year}", GetPlan);
  Route(router, ctx, "PUT", "/api/v1/projects/{id}/plans/{year}", PutPlan);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/plans/{year}/confirm", ConfirmPlan);
}

}  // namespace keyline::api
