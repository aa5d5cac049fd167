#include "core/service/audit_log.h"

#include "common/sha256.h"

namespace keyline {
namespace {

void AppendField(std::string* out, std::string_view value) {
  *out += std::to_string(value.size());
  out->push_back(':');
  out->append(value);
  out->push_back('\n');
}

}  // namespace

std::string AuditLog::ComputeHash(const AuditEvent& e) {
  std::string canonical;
  canonical.reserve(256 + e.before_json.size() + e.after_json.size());
  AppendField(&canonical, std::to_string(e.at));
  AppendField(&canonical, std::to_string(e.user_id));
  AppendField(&canonical, e.username);
  AppendField(&canonical, e.role);
  AppendField(&canonical, e.ip);
  AppendField(&canonical, e.request_id);
  AppendField(&canonical, e.action);
  AppendField(&canonical, e.entity);
  AppendField(&canonical, e.entity_id);
  AppendField(&canonical, e.before_json);
  AppendField(&canonical, e.after_json);
  AppendField(&canonical, e.prev_hash);
  return Sha256Hex(canonical);
}

Status AuditLog::Record(Tx& tx, const Caller& caller, std::string action, std::string entity,
                        std::string entity_id, std::string before_json, std::string after_json) {
  KL_ASSIGN_OR_RETURN(std::optional<std::string> tail, repo_.LockTail(tx));
  AuditEvent e;
  e.at = clock_.NowMs();
  e.user_id = caller.user_id;
  e.username = caller.username;
  e.role = std::string(RoleCode(caller.role));
  e.ip = caller.ip;
  e.request_id = caller.request_id;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = std::move(entity_id);
  e.before_json = std::move(before_json);
  e.after_json = std::move(after_json);
  e.prev_hash = tail ? *tail : kGenesisHash;
  e.hash = ComputeHash(e);
  KL_ASSIGN_OR_RETURN(int64_t id, repo_.Append(tx, e));
  (void)id;
  return Status::Ok();
}

Result<AuditVerification> AuditLog::Verify(TxRunner& tx_runner) {
  AuditVerification v;
  Status st = tx_runner.Read([&](Tx& tx) {
    std::string expected_prev = kGenesisHash;
    return repo_.Scan(tx, [&](const AuditEvent& e) {
      ++v.entries;
      if (e.prev_hash != expected_prev) {
        v.first_broken_id = e.id;
        v.problem =
            "prev_hash does not match the previous entry (an entry before it was "
            "removed, inserted or changed)";
        return false;
      }
      if (ComputeHash(e) != e.hash) {
        v.first_broken_id = e.id;
        v.problem = "hash does not match the entry's content (the entry was changed)";
        return false;
      }
      expected_prev = e.hash;
      return true;
    });
  });
  if (!st.ok()) return st;
  return v;
}

}  // namespace keyline
