// /api/v1/ranking-schemes (CRUD), /rankings and /rankings/exemptions;
// /rankings/publish, /rankings/published and /rankings/versions (published rankings are
// stored snapshots, never recomputed).
#include "api/api_context.h"
#include "api/engine_queries.h"
#include "api/json_input.h"
#include "common/json_writer.h"
#include "core/service/snapshot_service.h"
#include "engine/service/ranking_publisher.h"
#include "engine/service/ranking_service.h"

namespace keyline::api {
namespace {

using engine::RankingService;

Status Prefixed(const Status& st, const std::string& prefix, std::vector<FieldError>* errors) {
  for (const FieldError& e : st.details()) {
    errors->push_back({prefix + "." + e.field, e.message_zh, e.message_en});
  }
  return st;
}

// The scheme from a request body; `code` from the path for PUT.
Result<RankingScheme> ReadScheme(const boost::json::object& body,
                                 const std::optional<std::string>& path_code) {
  RankingScheme s;
  std::vector<FieldError> errors;
  FieldReader f(body);
  if (path_code) {
    s.code = *path_code;
    f.Ignore({"code"});
  } else {
    s.code = f.String("code", true, 64).value_or("");
  }
  s.name_zh = f.String("name_zh", true, 200).value_or("");
  s.name_en = f.String("name_en", false, 200).value_or("");
  std::string kind = f.String("period_kind", true, 16).value_or("quarter");
  if (kind == "month") {
    s.period_kind = RankingPeriodKind::kMonth;
  } else if (kind != "quarter") {
    f.AddError("period_kind", "应为 month 或 quarter", "must be month or quarter");
  }
  f.Ignore({"updated_at"});
  s.visible_to_all = f.Bool("visible_to_all", false).value_or(false);
  if (const auto* groups = f.Array("groups", true)) {
    for (size_t i = 0; i < groups->size() && i < 50; ++i) {
      std::string prefix = "groups[" + std::to_string(i) + "]";
      if (!(*groups)[i].is_object()) {
        errors.push_back({prefix, "应为对象", "must be an object"});
        continue;
      }
      FieldReader g((*groups)[i].as_object());
      RankingGroup group;
      group.code = g.String("code", true, 64).value_or("");
      group.name_zh = g.String("name_zh", true, 200).value_or("");
      if (const auto* ids = g.Array("unit_ids", false)) {
        for (const auto& v : *ids) {
          if (!v.is_int64()) {
            g.AddError("unit_ids", "应为整数数组", "must be an array of integers");
            break;
          }
          group.unit_ids.push_back(v.as_int64());
        }
      }
      if (const auto* kinds = g.Array("unit_kinds", false)) {
        for (const auto& v : *kinds) {
          if (!v.is_string() || v.as_string().size() > 32) {
            g.AddError("unit_kinds", "应为字符串数组", "must be an array of strings");
            break;
          }
          group.unit_kinds.emplace_back(v.as_string());
        }
      }
      Prefixed(g.Finish(), prefix, &errors);
      s.groups.push_back(std::move(group));
    }
    if (groups->size() > 50) errors.push_back({"groups", "分组过多", "too many groups"});
  }
  if (const auto* comps = f.Array("components", true)) {
    for (size_t i = 0; i < comps->size() && i < 50; ++i) {
      std::string prefix = "components[" + std::to_string(i) + "]";
      if (!(*comps)[i].is_object()) {
        errors.push_back({prefix, "应为对象", "must be an object"});
        continue;
      }
      FieldReader c((*comps)[i].as_object());
      RankingComponent comp;
      comp.indicator = c.String("indicator", true, 64).value_or("");
      comp.weight = c.Int("weight", true, 0, 1000).value_or(0);
      comp.name_zh = c.String("name_zh", false, 200).value_or("");
      Prefixed(c.Finish(), prefix, &errors);
      s.components.push_back(std::move(comp));
    }
    if (comps->size() > 50) errors.push_back({"components", "指标项过多", "too many components"});
  }
  auto sub = [&](const char* key, auto&& read) {
    if (!body.contains(key)) {
      f.AddError(key, "缺少字段", "missing field");
      return;
    }
    f.Ignore({key});
    if (!body.at(key).is_object()) {
      f.AddError(key, "应为对象", "must be an object");
      return;
    }
    FieldReader r(body.at(key).as_object());
    read(r);
    Prefixed(r.Finish(), key, &errors);
  };
  sub("red_list", [&](FieldReader& r) {
    s.red_top_n = r.Int("top_n", true, 0, 1000).value_or(0);
    s.red_require_target = r.Bool("require_target", false).value_or(true);
    s.red_target_percent = r.Int("target_percent", false, 0, 100000).value_or(100);
  });
  sub("black_list", [&](FieldReader& r) {
    s.black_bottom_n = r.Int("bottom_n", true, 0, 1000).value_or(0);
    s.black_missed_target = r.Bool("missed_target", false).value_or(true);
    s.black_target_percent = r.Int("target_percent", false, 0, 100000).value_or(100);
  });
  Status top = f.Finish();
  for (const FieldError& e : top.details()) errors.push_back(e);
  if (!errors.empty()) {
    const FieldError& first = errors.front();
    return Status::InvalidArgument(
        "排名方案有误：" + first.field + " " + first.message_zh,
        "invalid ranking scheme: " + first.field + " " + first.message_en, errors);
  }
  return s;
}

std::optional<std::string> PathCode(const http::Request& req) {
  auto it = req.path_params.find("code");
  if (it == req.path_params.end() || it->second.empty() || it->second.size() > 64) {
    return std::nullopt;
  }
  return it->second;
}

Status NoScheme() { return Status::NotFound("排名方案不存在", "ranking scheme not found"); }

Reply ListSchemes(ApiContext& ctx, const Caller&, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {}));
  KL_ASSIGN_OR_RETURN(auto list, ctx.rankings->List());
  std::string out = "{\"items\":[";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ",";
    out += engine::RankingSchemeJson(list[i]);
  }
  return JsonOk(out + "]}");
}

Reply GetScheme(ApiContext& ctx, const Caller&, http::Request& req) {
  auto code = PathCode(req);
  if (!code) return NoScheme();
  KL_ASSIGN_OR_RETURN(auto s, ctx.rankings->Get(*code));
  return JsonOk(engine::RankingSchemeJson(s));
}

Reply CreateScheme(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  KL_ASSIGN_OR_RETURN(auto scheme, ReadScheme(body, std::nullopt));
  KL_ASSIGN_OR_RETURN(auto saved, ctx.rankings->Create(caller, std::move(scheme)));
  return JsonOk(engine::RankingSchemeJson(saved), 201);
}

Reply UpdateScheme(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto code = PathCode(req);
  if (!code) return NoScheme();
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  KL_ASSIGN_OR_RETURN(auto scheme, ReadScheme(body, code));
  KL_ASSIGN_OR_RETURN(auto saved, ctx.rankings->Update(caller, std::move(scheme)));
  return JsonOk(engine::RankingSchemeJson(saved));
}

Reply DeleteScheme(ApiContext& ctx, const Caller& caller, http::Request& req) {
  auto code = PathCode(req);
  if (!code) return NoScheme();
  KL_RETURN_IF_ERROR(ctx.rankings->Delete(caller, *code));
  http::Response res;
  res.status = 204;
  return res;
}

}  // namespace

Result<RankingQuery> ReadRankingQuery(const http::Request& req) {
  auto code = req.Query("scheme");
  auto period = req.Query("period");
  if (!code || !period) {
    return Status::InvalidArgument("须指定 scheme 和 period", "scheme and period are required",
                                   {{code ? "period" : "scheme", "必填", "required"}});
  }
  return RankingQuery{std::string(*code), std::string(*period)};
}

namespace {

// The published ranking's JSON with its snapshot description added ("snapshot").
http::Response ServePublished(const Snapshot& s) {
  std::string body = s.payload;
  if (body.size() < 2 || body.back() != '}') return JsonOk(body);
  body.pop_back();
  return JsonOk(body + ",\"published\":true,\"snapshot\":" + SnapshotInfoJson(s) + "}");
}

Result<std::optional<int64_t>> ReadVersion(const http::Request& req) {
  auto text = req.Query("version");
  if (!text) return std::optional<int64_t>();
  int64_t v = 0;
  if (!ParseInt64(std::string(*text), &v) || v < 1) {
    return Status::InvalidArgument("version应为正整数", "version must be a positive integer",
                                   {{"version", "应为正整数", "must be a positive integer"}});
  }
  return std::optional<int64_t>(v);
}

Reply Published(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"scheme", "period", "version", "published"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRankingQuery(req));
  KL_ASSIGN_OR_RETURN(auto version, ReadVersion(req));
  KL_ASSIGN_OR_RETURN(auto s,
                      ctx.ranking_publisher->Published(caller, q.scheme, q.period, version));
  if (!s) {
    return Status::NotFound("该方案本期排名尚未发布",
                            "this ranking has not been published for the period");
  }
  return ServePublished(*s);
}

Reply Rankings(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"scheme", "period", "published"}));
  if (auto published = req.Query("published")) {
    if (*published != "0" && *published != "1") {
      return Status::InvalidArgument("published应为0或1", "published must be 0 or 1",
                                     {{"published", "应为0或1", "must be 0 or 1"}});
    }
    if (*published == "1") return Published(ctx, caller, req);
  }
  KL_ASSIGN_OR_RETURN(auto q, ReadRankingQuery(req));
  KL_ASSIGN_OR_RETURN(auto r, ctx.rankings->Rank(caller, q.scheme, q.period));
  return JsonOk(engine::RankingResultJson(r));
}

Reply Publish(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  std::string scheme = f.String("scheme", true, 64).value_or("");
  std::string period = f.String("period", true, 16).value_or("");
  std::string reason = f.String("reason", false, 500).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto s, ctx.ranking_publisher->Publish(caller, scheme, period, reason));
  return JsonOk(SnapshotInfoJson(s), 201);
}

Reply Versions(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(req, {"scheme", "period"}));
  KL_ASSIGN_OR_RETURN(auto q, ReadRankingQuery(req));
  KL_ASSIGN_OR_RETURN(auto versions, ctx.ranking_publisher->Versions(caller, q.scheme, q.period));
  std::string out = "{\"items\":[";
  for (size_t i = 0; i < versions.size(); ++i) {
    if (i) out += ",";
    out += SnapshotInfoJson(versions[i]);
  }
  return JsonOk(out + "]}");
}

// PUT / PATCH / DELETE of a published ranking: it never changes (409) once the caller may read
// it and it exists (403, 404 first).
Reply WritePublished(ApiContext& ctx, const Caller& caller, http::Request& req) {
  Reply read = Published(ctx, caller, req);
  if (!read.ok()) return read.status();
  return Status::Conflict(
      "已发布的排名及红黑榜不能修改或删除；如需更正，请重新发布（生成新版本并填写原因）",
      "a published ranking cannot be changed or deleted; publish it again (a "
      "new version with a reason) to correct it");
}

Reply Exempt(ApiContext& ctx, const Caller& caller, http::Request& req) {
  KL_ASSIGN_OR_RETURN(auto body, ReadJsonBody(req));
  FieldReader f(body);
  RankingExemption e;
  e.scheme = f.String("scheme", true, 64).value_or("");
  e.period = f.String("period", true, 16).value_or("");
  e.unit_id = f.Int("unit_id", true, 1, INT64_MAX).value_or(0);
  e.reason = f.String("reason", true, 500).value_or("");
  KL_RETURN_IF_ERROR(f.Finish());
  KL_ASSIGN_OR_RETURN(auto saved, ctx.rankings->Exempt(caller, std::move(e)));
  JsonWriter w;
  w.BeginObject().Key("id").Int(saved.id).Key("scheme").String(saved.scheme);
  w.Key("period").String(saved.period).Key("unit_id").Int(saved.unit_id);
  w.Key("reason").String(saved.reason).Key("created_at").Int(saved.created_at).EndObject();
  return JsonOk(w.Take(), 201);
}

}  // namespace

void RegisterRankingRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/ranking-schemes", ListSchemes);
  Route(router, ctx, "POST", "/api/v1/ranking-schemes", CreateScheme,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "GET", "/api/v1/ranking-schemes/{code}", GetScheme);
  Route(router, ctx, "PUT", "/api/v1/ranking-schemes/{code}", UpdateScheme,
        {.max_body_bytes = 64 * 1024});
  Route(router, ctx, "DELETE", "/api/v1/ranking-schemes/{code}", DeleteScheme);
  Route(router, ctx, "GET", "/api/v1/rankings", Rankings);
  Route(router, ctx, "POST", "/api/v1/rankings/exemptions", Exempt, {.max_body_bytes = 16 * 1024});
  Route(router, ctx, "POST", "/api/v1/rankings/publish", Publish, {.max_body_bytes = 16 * 1024});
  Route(router, ctx, "GET", "/api/v1/rankings/published", Published);
  Route(router, ctx, "GET", "/api/v1/rankings/versions", Versions);
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    Route(router, ctx, method, "/api/v1/rankings/published", WritePublished,
          {.max_body_bytes = 16 * 1024});
  }
}

}  // namespace keyline::api
