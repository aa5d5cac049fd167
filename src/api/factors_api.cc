// /api/v1/projects/{id}/factors and /api/v1/factors/overdue: factor guarantees (要素保障).
#include "api/api_context.h"
#include "api/json_input.h"
#include "api/supervision_input.h"
#include "common/json_writer.h"
#include "core/model/funds_json.h"
#include "core/model/json.h"
#include "core/service/factor_service.h"

namespace keyline::api {
namespace {

// A quantity field: a non-negative decimal string ("12.5") with at most 6 decimals, in the
// kind's unit; returned in micro-units.
std::optional<int64_t> Quantity(FieldReader& f, const char* key, bool required) {
  std::optional<std::string> text = f.String(key, required, 32);
  if (!text) return std::nullopt;
  auto parsed = Money::ParseWan(*text);
  if (!parsed.ok() || parsed->cents < 0) {
    f.AddError(key, "数量应为非负数字字符串（最多 6 位小数）",
               "must be a non-negative decimal string (at most 6 decimals)");
    return std::nullopt;
  }
  return parsed->cents;
}

http::Response ListFactors(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {}));
  auto items = ctx.factors->OfProject(caller, *id);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ItemsJson(*items, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

http::Response PutFactor(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto id = PathId(req, "id");
  if (!id.ok()) return Error(req, id.status());
  auto kind_it = req.path_params.find("kind");
  std::optional<FactorKind> kind;
  if (kind_it != req.path_params.end()) kind = ParseEnum(FactorKindTable(), kind_it->second);
  if (!kind) {
    return Error(req, Status::NotFound(
                          "要素类别无效，可选：" + EnumCodes(FactorKindTable()),
                          "unknown factor kind; expected one of " + EnumCodes(FactorKindTable())));
  }
  auto body = ReadJsonBody(req);
  if (!body.ok()) return Error(req, body.status());
  FieldReader f(*body);
  FactorInput in;
  in.demanded = Quantity(f, "demanded", true).value_or(0);
  in.guaranteed = Quantity(f, "guaranteed", false).value_or(0);
  in.due_on = f.Date("due_on", false);
  in.guaranteed_on = f.Date("guaranteed_on", false);
  in.note = f.String("note", false, 1000).value_or("");
  in.expected_version = f.Int("version", true, 0, INT64_MAX).value_or(0);
  f.Ignore(
      {"id", "project_id", "project_name", "kind", "unit", "overdue", "updated_by", "updated_at"});
  KL_RETURN_IF_ERROR_RESPONSE(req, f.Finish());
  auto saved = ctx.factors->Put(caller, *id, *kind, std::move(in));
  if (!saved.ok()) return Error(req, saved.status());
  return JsonOk(ToJson(*saved));
}

http::Response ListOverdue(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR_RESPONSE(req, RejectUnknownQuery(req, {}));
  auto items = ctx.factors->Overdue(caller);
  if (!items.ok()) return Error(req, items.status());
  return JsonOk(ItemsJson(*items, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

}  // namespace

void RegisterFactorRoutes(http::Router& router, ApiContext& ctx) {
  auto bind = [&ctx](http::Response (*fn)(ApiContext&, const Caller&, http::Request&)) {
    return Protected(ctx, [&ctx, fn](const Caller& c, http::Request& r) { return fn(ctx, c, r); });
  };
  router.Add("GET", "/api/v1/projects/{id}/factors", bind(ListFactors));
  router.Add("PUT", "/api/v1/projects/{id}/factors/{kind}", bind(PutFactor),
             {.max_body_bytes = 64 * 1024});
  router.Add("GET", "/api/v1/factors/overdue", bind(ListOverdue));
}

}  // namespace keyline::api
