#include "core/service/snapshot_service.h"

#include <cstdlib>
#include <map>

#include "common/json_writer.h"
#include "core/service/supervision_access.h"

namespace keyline {
namespace {

constexpr size_t kMaxReason = 500;

std::string Label(const Snapshot& s) {
  return std::string(EnumZh(SnapshotKindTable(), s.kind)) + "（" + s.subject + "）第" +
         std::to_string(s.version) + "版";
}

std::string AuditJson(const Snapshot& s) {
  JsonWriter w;
  w.BeginObject().Key("id").Int(s.id);
  w.Key("kind").String(EnumCode(SnapshotKindTable(), s.kind));
  w.Key("subject").String(s.subject).Key("version").Int(s.version);
  w.Key("reason").String(s.reason).Key("sha256").String(s.sha256);
  w.Key("payload_bytes").Int(static_cast<int64_t>(s.payload.size())).EndObject();
  return w.Take();
}

}  // namespace

Status SnapshotService::Tampered(const Snapshot& s) {
  return Status(
      ErrorCode::kInternal,
      "已发布的" + Label(s) + "内容与其哈希不符，疑似被篡改，已拒绝读取；请联系管理员核查",
      "the published " + std::string(EnumCode(SnapshotKindTable(), s.kind)) + " " + s.subject +
          " version " + std::to_string(s.version) +
          " does not match its hash: it was tampered with and is not served");
}

Result<Snapshot> SnapshotService::PublishIn(Tx& tx, const Caller& caller, SnapshotKind kind,
                                            const std::string& subject, std::string payload,
                                            const std::string& reason) {
  KL_ASSIGN_OR_RETURN(std::optional<Snapshot> latest, repo_.Latest(tx, kind, subject));
  Snapshot s;
  s.kind = kind;
  s.subject = subject;
  s.version = latest ? latest->version + 1 : 1;
  if (s.version > 1 && reason.empty()) {
    std::string zh = "已印发第" + std::to_string(latest->version) + "版，重新印发须填写原因";
    std::string en = "version " + std::to_string(latest->version) +
                     " is already published; re-issuing needs a reason";
    return Status::InvalidArgument(zh, en, {{"reason", zh, en}});
  }
  if (Utf8Length(reason) > kMaxReason) {
    return Status::InvalidArgument("原因不能超过500个字符", "reason must be at most 500 characters",
                                   {{"reason", "不能超过500个字符", "at most 500 characters"}});
  }
  s.reason = reason;
  s.created_by = caller.user_id;
  s.created_by_name = caller.Name();
  s.created_at = clock_.NowMs();
  s.payload = std::move(payload);
  s.sha256 = SnapshotHash(s);
  KL_ASSIGN_OR_RETURN(s.id, repo_.Insert(tx, s));
  KL_RETURN_IF_ERROR(
      audit_.Record(tx, caller, "publish", "snapshot", std::to_string(s.id), "", AuditJson(s)));
  return s;
}

Result<std::optional<Snapshot>> SnapshotService::LatestIn(Tx& tx, SnapshotKind kind,
                                                          const std::string& subject) {
  KL_ASSIGN_OR_RETURN(std::optional<Snapshot> s, repo_.Latest(tx, kind, subject));
  if (s && !Intact(*s)) return Tampered(*s);
  return s;
}

Result<std::optional<Snapshot>> SnapshotService::Latest(SnapshotKind kind,
                                                        const std::string& subject) {
  std::optional<Snapshot> out;
  Status st = tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, LatestIn(tx, kind, subject));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Snapshot> SnapshotService::Get(SnapshotKind kind, const std::string& subject,
                                      int64_t version) {
  Snapshot out;
  Status st = tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repo_.Get(tx, kind, subject, version));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!Intact(out)) return Tampered(out);
  return out;
}

Result<std::vector<Snapshot>> SnapshotService::Versions(SnapshotKind kind,
                                                        const std::string& subject) {
  std::vector<Snapshot> out;
  Status st = tx_.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(out, repo_.Versions(tx, kind, subject));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<SnapshotVerification> SnapshotService::Verify() {
  SnapshotVerification v;
  Status st = tx_.Read([&](Tx& tx) -> Status {
    std::map<int64_t, std::string> recorded;  // snapshot id → the audit entry's after_json
    KL_RETURN_IF_ERROR(audit_repo_.Scan(tx, [&](const AuditEvent& e) {
      if (e.entity == "snapshot" && e.action == "publish") {
        recorded[std::atoll(e.entity_id.c_str())] = e.after_json;
      }
      return true;
    }));
    auto fail = [&v](int64_t id, std::string problem) {
      v.first_broken_id = id;
      v.problem = std::move(problem);
      return false;
    };
    KL_RETURN_IF_ERROR(repo_.Scan(tx, [&](const Snapshot& s) {
      ++v.snapshots;
      if (!Intact(s))
        return fail(s.id, "content does not match its hash (the snapshot was changed)");
      auto it = recorded.find(s.id);
      if (it == recorded.end()) {
        return fail(s.id, "no audit entry records this snapshot (it was added outside Keyline)");
      }
      if (it->second.find("\"sha256\":\"" + s.sha256 + "\"") == std::string::npos) {
        return fail(s.id,
                    "hash differs from the one the audit log recorded (payload and hash were "
                    "rewritten)");
      }
      recorded.erase(it);
      return true;
    }));
    if (!v.first_broken_id && !recorded.empty()) {
      fail(recorded.begin()->first,
           "the audit log records this snapshot but it is missing (it was deleted)");
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return v;
}

std::string SnapshotInfoJson(const Snapshot& s) {
  JsonWriter w;
  w.BeginObject().Key("id").Int(s.id);
  w.Key("kind").String(EnumCode(SnapshotKindTable(), s.kind));
  w.Key("subject").String(s.subject).Key("version").Int(s.version);
  w.Key("reason").String(s.reason).Key("created_by").Int(s.created_by);
  w.Key("created_by_name").String(s.created_by_name).Key("created_at").Int(s.created_at);
  w.Key("sha256").String(s.sha256).Key("intact").Bool(SnapshotService::Intact(s));
  w.EndObject();
  return w.Take();
}

}  // namespace keyline
