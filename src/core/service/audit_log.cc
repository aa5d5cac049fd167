#include "core/service/audit_log.h"

#include "common/hmac_sha256.h"
#include "common/sha256.h"

namespace keyline {
namespace {

void AppendField(std::string* out, std::string_view value) {
  *out += std::to_string(value.size());
  out->push_back(':');
  out->append(value);
  out->push_back('\n');
}

void AppendCommon(std::string* out, const AuditEvent& e) {
  AppendField(out, std::to_string(e.at));
  AppendField(out, std::to_string(e.user_id));
  AppendField(out, e.username);
  AppendField(out, e.role);
  AppendField(out, e.ip);
  AppendField(out, e.request_id);
  AppendField(out, e.action);
  AppendField(out, e.entity);
  AppendField(out, e.entity_id);
}

}  // namespace

const AuditKey* AuditKeyRing::For(int64_t id) const {
  const AuditKey* found = nullptr;
  for (const AuditKey& k : keys) {
    if (k.from_id > id) break;
    found = &k;
  }
  return found;
}

std::string AuditLog::ComputeHash(const AuditEvent& e) {
  std::string canonical;
  canonical.reserve(256 + e.before_json.size() + e.after_json.size());
  AppendCommon(&canonical, e);
  AppendField(&canonical, e.before_json);
  AppendField(&canonical, e.after_json);
  AppendField(&canonical, e.prev_hash);
  return Sha256Hex(canonical);
}

std::string AuditLog::ComputeKeyedHash(std::string_view secret, const AuditEvent& e) {
  std::string canonical = "keyline-audit-v2\n";
  canonical.reserve(320 + e.before_json.size() + e.after_json.size());
  AppendField(&canonical, std::to_string(e.id));
  AppendCommon(&canonical, e);
  AppendField(&canonical, std::to_string(e.project_id));
  AppendField(&canonical, std::to_string(e.lead_id));
  AppendField(&canonical, e.before_json);
  AppendField(&canonical, e.after_json);
  AppendField(&canonical, e.prev_hash);
  return HmacSha256Hex(secret, canonical);
}

std::string AuditLog::ExpectedHash(const AuditKeyRing& keys, const AuditEvent& e) {
  const AuditKey* key = keys.For(e.id);
  return key ? ComputeKeyedHash(key->secret, e) : ComputeHash(e);
}

Status AuditLog::Record(Tx& tx, const Caller& caller, std::string action, std::string entity,
                        std::string entity_id, std::string before_json, std::string after_json) {
  std::optional<AuditEntity> kind = ParseAuditEntity(entity);
  if (!kind) {
    return Status(ErrorCode::kInternal,
                  "审计条目的对象类型“" + entity + "”未登记（core/model/audit_entity.h）",
                  "audit entity \"" + entity +
                      "\" is not an AuditEntity (core/model/audit_entity.h): the "
                      "change feed does not map it");
  }
  return Record(tx, caller,
                AuditEntry{std::move(action), *kind, std::move(entity_id), std::move(before_json),
                           std::move(after_json)});
}

Status AuditLog::Record(Tx& tx, const Caller& caller, AuditEntry entry) {
  KL_ASSIGN_OR_RETURN(AuditScope scope, AuditScopeOf(entry.entity, entry.entity_id,
                                                     entry.before_json, entry.after_json));
  KL_ASSIGN_OR_RETURN(auto head, repo_.LockHead(tx));
  AuditEvent e;
  e.at = clock_.NowMs();
  e.user_id = caller.user_id;
  e.username = caller.username;
  e.role = std::string(RoleCode(caller.role));
  e.ip = caller.ip;
  e.request_id = caller.request_id;
  e.action = std::move(entry.action);
  e.entity = std::string(AuditEntityCode(entry.entity));
  e.entity_id = std::move(entry.entity_id);
  e.project_id = scope.project_id;
  e.lead_id = scope.lead_id;
  e.before_json = std::move(entry.before_json);
  e.after_json = std::move(entry.after_json);
  e.prev_hash = head ? head->second : kGenesisHash;
  int64_t next_id = head ? head->first + 1 : 1;
  if (const AuditKey* key = keys_.For(next_id)) {
    e.id = next_id;  // contiguous: covered by the keyed hash
    e.hash = ComputeKeyedHash(key->secret, e);
  } else {
    e.hash = ComputeHash(e);  // legacy rule: the database draws the id
  }
  KL_ASSIGN_OR_RETURN(int64_t id, repo_.Append(tx, e));
  (void)id;
  return Status::Ok();
}

Result<AuditHead> AuditLog::Head(TxRunner& tx_runner) {
  AuditHead head;
  Status st = tx_runner.Read([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(head, repo_.ReadHead(tx));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return head;
}

Result<AuditVerification> AuditLog::Verify(TxRunner& tx_runner) {
  std::vector<AuditWitnessMark> marks;
  if (witness_) {
    KL_ASSIGN_OR_RETURN(marks, witness_->ReadMarks());
  }
  return Verify(tx_runner, marks);
}

}  // namespace keyline
