// /api/v1/projects/{id}/funds, /api/v1/fund-lines/{id}/events, /api/v1/fund-due-items and
// /api/v1/funds/rates: funding lines and their events, central-budget due items, rates.
#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/json_writer.h"
#include "core/model/funds_json.h"
#include "core/model/json.h"
#include "core/service/fund_service.h"

namespace keyline::api {
namespace {

Reply ListLines(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto lines, ctx.funds->Lines(caller, id));
  return JsonOk(ItemsJson(lines, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

Reply CreateLine(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  FundLineInput in;
  in.source = f.Enum("source", FundingSourceTable(), true).value_or(FundingSource::kOther);
  in.year = static_cast<int>(f.Int("year", true, 2000, 2100).value_or(0));
  in.note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto line, ctx.funds->CreateLine(caller, id, std::move(in)));
  return JsonOk(ToJson(line), 201);
}

Reply AddEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  FundEventInput in;
  in.stage = f.Enum("stage", FundStageTable(), true).value_or(FundStage::kApplied);
  in.amount = f.Amount("amount", true).value_or(Money{});
  in.date = f.Date("date", true).value_or("");
  in.doc_no = f.String("doc_no", false, 100).value_or("");
  in.note = f.String("note", false, 1000).value_or("");
  in.expected_version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto line, ctx.funds->AddEvent(caller, id, std::move(in)));
  return JsonOk(ToJson(line), 201);
}

Reply ListDueItems(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"project_id", "open", "overdue"}));
  KL_ASSIGN_OR_RETURN(auto project, QueryInt(req, "project_id", 1, INT64_MAX, false));
  KL_ASSIGN_OR_RETURN(auto open, QueryInt(req, "open", 0, 1, false));
  KL_ASSIGN_OR_RETURN(auto overdue, QueryInt(req, "overdue", 0, 1, false));
  bool only_overdue = overdue.value_or(0) == 1;
  KL_ASSIGN_OR_RETURN(auto items,
                      ctx.funds->DueItems(caller, project, open.value_or(0) == 1 || only_overdue));
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  int64_t overdue_count = 0;
  for (const FundDueItem& item : items) {
    overdue_count += item.overdue ? 1 : 0;
    if (!only_overdue || item.overdue) WriteJson(w, item);
  }
  w.EndArray();
  w.Key("overdue").Int(overdue_count);
  w.EndObject();
  return JsonOk(w.Take());
}

Reply CompleteDueItem(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  std::string done_on = f.Date("done_on", true).value_or("");
  int64_t version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto item, ctx.funds->CompleteDueItem(caller, id, done_on, version));
  return JsonOk(ToJson(item));
}

Reply Rates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"group", "year"}));
  FundRateGroup group = FundRateGroup::kSource;
  if (auto text = req.Query("group")) {
    auto parsed = ParseEnum(FundRateGroupTable(), *text);
    if (!parsed) {
      std::string codes = EnumCodes(FundRateGroupTable());
      return Status::InvalidArgument("group 取值无效，可选：" + codes,
                                     "group must be one of " + codes,
                                     {{"group", "可选：" + codes, "one of " + codes}});
    }
    group = *parsed;
  }
  KL_ASSIGN_OR_RETURN(auto year, QueryInt(req, "year", 2000, 2100, false));
  std::optional<int> y;
  if (year) y = static_cast<int>(*year);
  KL_ASSIGN_OR_RETURN(auto rates, ctx.funds->Rates(caller, group, y));
  JsonWriter w;
  w.BeginObject();
  w.Key("group").String(EnumCode(FundRateGroupTable(), group));
  w.Key("year");
  if (y) {
    w.Int(*y);
  } else {
    w.Null();
  }
  w.Key("items").BeginArray();
  for (const FundRateRow& row : rates.rows) WriteJson(w, row);
  w.EndArray();
  w.Key("total");
  WriteJson(w, rates.total);
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterFundRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/projects/{id}/funds", ListLines);
  Route(router, ctx, "POST", "/api/v1/projects/{id}/funds", CreateLine,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "POST", "/api/v1/fund-lines/{id}/events", AddEvent,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "GET", "/api/v1/fund-due-items", ListDueItems);
  Route(router, ctx, "POST", "/api/v1/fund-due-items/{id}/complete", CompleteDueItem,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "GET", "/api/v1/funds/rates", Rates);
}

}  // namespace keyline::api
