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

Reply ListFactors(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto items, ctx.factors->OfProject(caller, id));
  return JsonOk(ItemsJson(items, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

Reply PutFactor(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto id, PathId(req, "id"));
  auto kind_it = req.path_params.find("kind");
  std::optional<FactorKind> kind;
  if (kind_it != req.path_params.end()) kind = ParseEnum(FactorKindTable(), kind_it->second);
  if (!kind) {
    return Status::NotFound("要素类别无效，可选：" + EnumCodes(FactorKindTable()),
                            "unknown factor kind; expected one of " + EnumCodes(FactorKindTable()));
  }
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  FactorInput in;
  in.demanded = Quantity(f, "demanded", true).value_or(0);
  in.guaranteed = Quantity(f, "guaranteed", false).value_or(0);
  in.due_on = f.Date("due_on", false);
  in.guaranteed_on = f.Date("guaranteed_on", false);
  in.note = f.String("note", false, 1000).value_or("");
  in.expected_version = f.Int("version", true, 0, INT64_MAX).value_or(0);
  f.Ignore(
      {"id", "project_id", "project_name", "kind", "unit", "overdue", "updated_by", "updated_at"});
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto saved, ctx.factors->Put(caller, id, *kind, std::move(in)));
  return JsonOk(ToJson(saved));
}

Reply ListOverdue(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto items, ctx.factors->Overdue(caller));
  return JsonOk(ItemsJson(items, [](JsonWriter& w, const auto& x) { WriteJson(w, x); }));
}

}  // namespace

void RegisterFactorRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/projects/{id}/factors", ListFactors);
  Route(router, ctx, "PUT", "/api/v1/projects/{id}/factors/{kind}", PutFactor,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "GET", "/api/v1/factors/overdue", ListOverdue);
}

}  // namespace keyline::api
