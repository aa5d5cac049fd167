// The audit witness: the head of the audit chain recorded outside the database (a file written
// every minute and at the end of each writing command, app/audit_witness_file.h; the footer of
// each issued bulletin), so a deleted tail or a rewritten chain is found by AuditLog::Verify.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace keyline {

// The head of the chain: how many entries, the newest id and its hash.
struct AuditHead {
  int64_t count = 0;
  int64_t last_id = 0;
  std::string hash;  // "" for an empty log
  bool operator==(const AuditHead&) const = default;
};

// One observation of the head, at a time (ms since the epoch).
struct AuditWitnessMark {
  int64_t at_ms = 0;
  AuditHead head;
};

class AuditWitnessStore {
 public:
  virtual ~AuditWitnessStore() = default;
  // Every mark recorded so far, oldest first (empty when none). Error when unreadable or
  // malformed (zh + en, naming the line).
  virtual Result<std::vector<AuditWitnessMark>> ReadMarks() = 0;
  // Records a mark unless it equals the last one recorded. Durable on success.
  virtual Status Append(const AuditWitnessMark& mark) = 0;
};

}  // namespace keyline
