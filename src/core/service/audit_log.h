// AuditLog: the append-only, hash-chained record of every write.
//
// Two rules, one chain:
//  - keyed (every entry with id >= the key ring's first `from_id`): the hash is HMAC-SHA-256,
//    with a secret kept outside the database (app/audit_key_file.h), over the entry's canonical
//    text — id, project_id and lead_id included — followed by the previous entry's hash. Ids are
//    contiguous (previous id + 1, drawn under the appenders' lock), so a missing id is a deleted
//    entry, an entry under another id is a moved one, and someone with database access but not
//    the key cannot recompute a valid chain.
//  - legacy (entries written before the key existed, migration 16): SHA-256 over every field but
//    id and hash, as before; they keep verifying under that rule up to the switch-over point.
// A deleted tail leaves a valid shorter chain: only a witness outside the database (the chain
// head written to a file every minute, printed in each issued bulletin) finds it; Verify takes
// the witness marks and names what it finds. Entries are appended in the same transaction as the
// change they describe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/audit_entity.h"
#include "core/model/role.h"
#include "core/ports/audit_witness.h"
#include "core/ports/repositories.h"

namespace keyline {

// The HMAC keys of the chain: entries with id >= from_id use `secret` (raw bytes) until the next
// key's from_id. Sorted by from_id. Empty: every entry is written and checked by the legacy rule
// (tests and tools only; the application always loads or creates a key).
struct AuditKey {
  int64_t from_id = 1;
  std::string secret;
};
struct AuditKeyRing {
  std::vector<AuditKey> keys;
  // The key for an entry id, nullptr before the first key (legacy rule).
  const AuditKey* For(int64_t id) const;
  // The first keyed id (the switch-over point), 0 when there is no key.
  int64_t keyed_from() const { return keys.empty() ? 0 : keys.front().from_id; }
};

// One finding of Verify. code: changed | moved | deleted | link_broken | rewritten | truncated |
// witness_mismatch.
struct AuditFinding {
  std::string code;
  int64_t id = 0;  // the entry concerned (0 when none)
  std::string zh;
  std::string en;
};

struct AuditVerification {
  int64_t entries = 0;                     // entries checked
  std::optional<int64_t> first_broken_id;  // nullopt when the chain is intact
  std::string problem;                     // what is wrong with the first finding (English)
  std::vector<AuditFinding> findings;      // in id order; at most kMaxFindings
  int64_t keyed_from = 0;                  // first keyed id (0: no key)
  int64_t witness_marks = 0;               // witness marks compared (0: no witness)
  AuditHead head;                          // the chain head as read
  bool ok() const { return findings.empty(); }
};

// One audit entry in typed form (new code); the string Record below parses into this.
struct AuditEntry {
  std::string action;
  AuditEntity entity = AuditEntity::kProject;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
};

class AuditLog {
 public:
  AuditLog(AuditRepository& repo, const Clock& clock) : repo_(repo), clock_(clock) {}

  // The keys (set once by the composition root before any write; not thread-safe against
  // concurrent Record). The witness, when set, is what Verify compares the head with.
  void SetKeys(AuditKeyRing keys) { keys_ = std::move(keys); }
  const AuditKeyRing& keys() const { return keys_; }
  void SetWitness(AuditWitnessStore* witness) { witness_ = witness; }

  // Appends one entry inside tx. before/after are JSON texts ("" = none). Fails (Internal) when
  // `entity` is not an AuditEntity code or the entry lacks what its fact rule needs
  // (AuditScopeOf): a service auditing something the change feed does not map.
  Status Record(Tx& tx, const Caller& caller, std::string action, std::string entity,
                std::string entity_id, std::string before_json, std::string after_json);
  Status Record(Tx& tx, const Caller& caller, AuditEntry entry);

  // Recomputes the whole chain and compares its head with the witness set by SetWitness (if
  // any). Returns the outcome (a broken chain is a result, not an error); an error only when
  // the log or the witness cannot be read.
  Result<AuditVerification> Verify(TxRunner& tx_runner);
  // As Verify, against the given witness marks instead (empty: no witness).
  Result<AuditVerification> Verify(TxRunner& tx_runner, std::span<const AuditWitnessMark> marks);

  // The chain head now: entry count, newest id and hash.
  Result<AuditHead> Head(TxRunner& tx_runner);

  // The legacy hash (SHA-256, id not covered) an entry must have, given its fields and
  // prev_hash.
  static std::string ComputeHash(const AuditEvent& event);
  // The keyed hash (HMAC-SHA-256 with secret over the canonical form including id).
  static std::string ComputeKeyedHash(std::string_view secret, const AuditEvent& event);
  // The hash `event` must have under `keys` (keyed or legacy by its id).
  static std::string ExpectedHash(const AuditKeyRing& keys, const AuditEvent& event);
  static constexpr const char* kGenesisHash =
      "0000000000000000000000000000000000000000000000000000000000000000";
  static constexpr size_t kMaxFindings = 50;

 private:
  AuditRepository& repo_;
  const Clock& clock_;
  AuditKeyRing keys_;
  AuditWitnessStore* witness_ = nullptr;
};

}  // namespace keyline
