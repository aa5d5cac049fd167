// AuditLog: the append-only, hash-chained record of every write.
//
// Each entry's hash is SHA-256 over its canonical text (every field but id and hash, in a
// fixed order, length-prefixed) followed by the previous entry's hash, so editing, deleting
// or reordering any entry breaks the chain from that entry on. Entries are appended in the
// same transaction as the change they describe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"

namespace keyline {

struct AuditVerification {
  int64_t entries = 0;                     // entries checked
  std::optional<int64_t> first_broken_id;  // nullopt when the chain is intact
  std::string problem;                     // what is wrong with the first broken entry
};

class AuditLog {
 public:
  AuditLog(AuditRepository& repo, const Clock& clock) : repo_(repo), clock_(clock) {}

  // Appends one entry inside tx. before/after are JSON texts ("" = none).
  Status Record(Tx& tx, const Caller& caller, std::string action, std::string entity,
                std::string entity_id, std::string before_json, std::string after_json);

  // Recomputes the whole chain. Returns the verification outcome (a broken chain is a
  // result, not an error); an error only when the log cannot be read.
  Result<AuditVerification> Verify(TxRunner& tx_runner);

  // The hash an entry must have, given its fields and prev_hash.
  static std::string ComputeHash(const AuditEvent& event);
  static constexpr const char* kGenesisHash =
      "0000000000000000000000000000000000000000000000000000000000000000";

 private:
  AuditRepository& repo_;
  const Clock& clock_;
};

}  // namespace keyline
