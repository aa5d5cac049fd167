// SnapshotService: publishing and reading snapshots (core/model/snapshot.h) — "published means
// frozen". The services that publish (the bulletin's 印发, a meeting held or its minutes
// issued, a ranking published) decide who may publish and what the payload is; this service
// numbers the versions, hashes, stores and audits them, and checks the hash on every read.
//
// Versions: the first publication of (kind, subject) is version 1; each re-issue is the next
// version and needs a reason (1..500 characters); older versions stay readable.
// Audit: each publication appends an entry (action "publish", entity "snapshot", entity_id the
// snapshot id) whose after_json carries kind, subject, version, reason and the sha256, in the
// same transaction as the snapshot.
// Tampering: a snapshot whose content no longer matches its hash is never served; reads answer
// kInternal with a message naming the tampering (zh + en). Verify also compares each hash with
// the one the (hash-chained) audit log recorded, so rewriting payload and hash together is
// found, and so is a deleted snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/model/snapshot.h"
#include "core/ports/repositories.h"
#include "core/ports/snapshot_repository.h"
#include "core/service/audit_log.h"

namespace keyline {

struct SnapshotVerification {
  int64_t snapshots = 0;                   // snapshots checked
  std::optional<int64_t> first_broken_id;  // nullopt when every snapshot is intact
  std::string problem;                     // what is wrong with it (English)
};

class SnapshotService {
 public:
  // Nothing owned; all must outlive the service.
  SnapshotService(TxRunner& tx, SnapshotRepository& repo, AuditRepository& audit_repo,
                  AuditLog& audit, const Clock& clock)
      : tx_(tx), repo_(repo), audit_repo_(audit_repo), audit_(audit), clock_(clock) {}

  // Stores payload as the next version of (kind, subject) inside tx and audits it. Returns the
  // stored snapshot. kInvalidArgument (field "reason") when re-issuing without a reason or with
  // one over 500 characters; kConflict when another node published the same version first.
  Result<Snapshot> PublishIn(Tx& tx, const Caller& caller, SnapshotKind kind,
                             const std::string& subject, std::string payload,
                             const std::string& reason);
  // The newest version, hash checked; nullopt when never published; kInternal when tampered.
  Result<std::optional<Snapshot>> LatestIn(Tx& tx, SnapshotKind kind, const std::string& subject);
  Result<std::optional<Snapshot>> Latest(SnapshotKind kind, const std::string& subject);
  // One version, hash checked; kNotFound when absent; kInternal when tampered.
  Result<Snapshot> Get(SnapshotKind kind, const std::string& subject, int64_t version);
  // Every version, oldest first, with payloads (Intact tells whether each one still matches
  // its hash; SnapshotInfoJson describes it without the payload).
  Result<std::vector<Snapshot>> Versions(SnapshotKind kind, const std::string& subject);

  // Checks every snapshot against its hash and against the audit log. A broken snapshot is a
  // result, not an error; an error only when the data cannot be read.
  Result<SnapshotVerification> Verify();

  // True when s still matches its stored hash.
  static bool Intact(const Snapshot& s) { return SnapshotHash(s) == s.sha256; }
  // The kInternal status a tampered snapshot is answered with.
  static Status Tampered(const Snapshot& s);

 private:
  TxRunner& tx_;
  SnapshotRepository& repo_;
  AuditRepository& audit_repo_;
  AuditLog& audit_;
  const Clock& clock_;
};

// The snapshot's description without its payload, as JSON: id, kind, subject, version,
// reason, created_by, created_by_name, created_at, sha256, intact.
std::string SnapshotInfoJson(const Snapshot& s);

}  // namespace keyline
