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

http::Response ListLines(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {}));
  auto lines = ctx.funds->Lines(caller, *id);
  if (!lines.ok()) return Error(req, lines.status());
  return JsonOk(ItemsJson(*lines, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

http::Response CreateLine(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  FundLineInput in;
  in.source = f.Enum("source", FundingSourceTable(), true).value_or(FundingSource::kOther);
  in.year = static_cast<int>(f.Int("year", true, 2000, 2100).value_or(0));
  in.note = f.String("note", false, 1000).value_or("");
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto line = ctx.funds->CreateLine(caller, *id, std::move(in));
  if (!line.ok()) return Error(req, line.status());
  return JsonOk(ToJson(*line), 201);
}

http::Response AddEvent(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  FundEventInput in;
  in.stage = f.Enum("stage", FundStageTable(), true).value_or(FundStage::kApplied);
  in.amount = f.Amount("amount", true).value_or(Money{});
  in.date = f.Date("date", true).value_or("");
  in.doc_no = f.String("doc_no", false, 100).value_or("");
  in.note = f.String("note", false, 1000).value_or("");
  in.expected_version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto line = ctx.funds->AddEvent(caller, *id, std::move(in));
  if (!line.ok()) return Error(req, line.status());
  return JsonOk(ToJson(*line), 201);
}

http::Response ListDueItems(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"project_id", "open", "overdue"}));
  auto project = QueryInt(req, "project_id", 1, INT64_MAX, false);
  if (!project.ok()) return Error(req, project.status());
  auto open = QueryInt(req, "open", 0, 1, false);
  if (!open.ok()) return Error(req, open.status());
  auto overdue = QueryInt(req, "overdue", 0, 1, false);
  if (!overdue.ok()) return Error(req, overdue.status());
  bool only_overdue = overdue->value_or(0) == 1;
  auto items = ctx.funds->DueItems(caller, *project, open->value_or(0) == 1 || only_overdue);
  if (!items.ok()) return Error(req, items.status());
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  int64_t overdue_count = 0;
  for (const FundDueItem& item : *items) {
    overdue_count += item.overdue ? 1 : 0;
    if (!only_overdue || item.overdue) WriteJson(w, item);
  }
  w.EndArray();
  w.Key("overdue").Int(overdue_count);
  w.EndObject();
  return JsonOk(w.Take());
}

http::Response CompleteDueItem(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  std::string done_on = f.Date("done_on", true).value_or("");
  int64_t version = f.Int("version", true, 1, INT64_MAX).value_or(0);
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto item = ctx.funds->CompleteDueItem(caller, *id, done_on, version);
  if (!item.ok()) return Error(req, item.status());
  return JsonOk(ToJson(*item));
}

http::Response Rates(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {"group", "year"}));
  FundRateGroup group = FundRateGroup::kSource;
  if (auto text = req.Query("group")) {
    auto parsed = ParseEnum(FundRateGroupTable(), *text);
    if (!parsed) {
      std::string codes = EnumCodes(FundRateGroupTable());
      return Error(req, Status::InvalidArgument("group 取值无效，可选：" + codes,
                                                "group must be one of " + codes,
                                                {{"group", "可选：" + codes, "one of " + codes}}));
    }
    group = *parsed;
  }
  auto year = QueryInt(req, "year", 2000, 2100, false);
  if (!year.ok()) return Error(req, year.status());
  std::optional<int> y;
  if (*year) y = static_cast<int>(**year);
  auto rates = ctx.funds->Rates(caller, group, y);
  if (!rates.ok()) return Error(req, rates.status());
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
  for (const FundRateRow& row : rates->rows) WriteJson(w, row);
  w.EndArray();
  w.Key("total");
  WriteJson(w, rates->total);
  w.EndObject();
  return JsonOk(w.Take());
}

}  // namespace

void RegisterFundRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/projects/{id}/funds", bind(ListLines));
  router.Add("POST", "/api/v1/projects/{id}/funds", bind(CreateLine),
             {.max_body_bytes = 64 * 1024});
  router.Add("POST", "/api/v1/fund-lines/{id}/events", bind(AddEvent),
             {.max_body_bytes = 64 * 1024});
  router.Add("GET", "/api/v1/fund-due-items", bind(ListDueItems));
  router.Add("POST", "/api/v1/fund-due-items/{id}/complete", bind(CompleteDueItem),
             {.max_body_bytes = 64 * 1024});
  router.Add("GET", "/api/v1/funds/rates", bind(Rates));
}

}  // namespace keyline::api
