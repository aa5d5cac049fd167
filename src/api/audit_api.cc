// /api/v1/audit: the hash-chained audit log (admin only) and its verification.

#include "api/api_context.h"
#include "common/json_writer.h"
#include "core/model/json.h"
#include "core/service/audit_log.h"
#include "core/service/capabilities.h"
#include "core/service/snapshot_service.h"

namespace keyline::api {
namespace {

Status AdminOnly(const Caller& caller) {
  if (MayManageUsers(caller.role)) return Status::Ok();
  return Status::Forbidden("只有管理员可以查看审计日志",
                           "only administrators may read the audit log");
}

Status ReadAuditQuery(const http::Request& req, AuditQuery* q) {
  KL_RETURN_IF_ERROR(RejectUnknownQuery(
      req, {"entity", "entity_id", "user", "since", "until", "limit", "offset"}));
  KL_RETURN_IF_ERROR(ReadPage(req, &q->page));
  if (auto v = req.Query("entity"); v && !v->empty()) q->entity = v->substr(0, 32);
  if (auto v = req.Query("entity_id"); v && !v->empty()) q->entity_id = v->substr(0, 64);
  for (const char* key : {"user", "since", "until"}) {
    auto v = req.Query(key);
    if (!v) continue;
    int64_t n = 0;
    if (!ParseInt64(*v, &n) || n < 0) {
      return Status::InvalidArgument(
          std::string("查询参数 ") + key + " 应为非负整数",
          std::string("query parameter ") + key + " must be a non-negative integer",
          {{key, "应为非负整数", "non-negative integer"}});
    }
    std::string k = key;
    (k == "user" ? q->user_id : k == "since" ? q->since : q->until) = n;
  }
  return Status::Ok();
}

}  // namespace

void RegisterAuditRoutes(http::Router& router, ApiContext& ctx) {
  Route(router, ctx, "GET", "/api/v1/audit",
        [](ApiContext& ctx, const Caller& c, http::Request& req) -> Reply {
          KL_RETURN_IF_ERROR(AdminOnly(c));
          AuditQuery q;
          KL_RETURN_IF_ERROR(ReadAuditQuery(req, &q));
          PageOf<AuditEvent> page;
          KL_RETURN_IF_ERROR(ctx.repos.tx->Read([&](Tx& tx) -> Status {
            KL_ASSIGN_OR_RETURN(page, ctx.repos.audit->List(tx, q));
            return Status::Ok();
          }));
          JsonWriter w;
          w.BeginObject().Key("items").BeginArray();
          for (const auto& e : page.items) WriteJson(w, e);
          w.EndArray();
          w.Key("total").Int(page.total);
          w.Key("limit").Int(q.page.limit);
          w.Key("offset").Int(q.page.offset);
          w.EndObject();
          return JsonOk(w.Take());
        });
  Route(router, ctx, "GET", "/api/v1/audit/verify",
        [](ApiContext& ctx, const Caller& c, http::Request&) -> Reply {
          KL_RETURN_IF_ERROR(AdminOnly(c));
          KL_ASSIGN_OR_RETURN(auto v, ctx.audit->Verify(*ctx.repos.tx));
          // Published snapshots: their hashes against their content and the log.
          SnapshotVerification sv;
          if (ctx.snapshots) {
            KL_ASSIGN_OR_RETURN(auto checked, ctx.snapshots->Verify());
            sv = checked;
          }
          JsonWriter w;
          w.BeginObject();
          w.Key("ok").Bool(!v.first_broken_id && !sv.first_broken_id);
          w.Key("entries").Int(v.entries);
          w.Key("first_broken_id").OptInt(v.first_broken_id);
          w.Key("problem").String(v.problem);
          // Every finding, named (zh + en), the keyed switch-over, the witness.
          w.Key("findings").BeginArray();
          for (const AuditFinding& f : v.findings) {
            w.BeginObject().Key("code").String(f.code).Key("id").Int(f.id);
            w.Key("message_zh").String(f.zh).Key("message_en").String(f.en).EndObject();
          }
          w.EndArray();
          w.Key("keyed_from").Int(v.keyed_from);
          w.Key("witness_marks").Int(v.witness_marks);
          w.Key("head").BeginObject().Key("count").Int(v.head.count);
          w.Key("last_id").Int(v.head.last_id).Key("hash").String(v.head.hash).EndObject();
          w.Key("snapshots").BeginObject().Key("checked").Int(sv.snapshots);
          w.Key("first_broken_id").OptInt(sv.first_broken_id);
          w.Key("problem").String(sv.problem).EndObject();
          w.EndObject();
          return JsonOk(w.Take());
        });
}

}  // namespace keyline::api
