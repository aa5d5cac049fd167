// The change feed: which facts a committed write touched, read from the audit log.
//
// Every committed write appends its audit rows (entity, entity_id, before/after JSON) in its
// own transaction, and audit_log ids are in commit order on both databases: SQLite serialises
// write transactions, and on PostgreSQL every appender first takes a transaction-scoped
// advisory lock (AuditRepository::LockTail, storage/repos/audit_repository.cc) and only then
// draws its id, so a later id can only be drawn after the earlier transaction has committed
// (or rolled back, leaving a gap). Hence "every audit row with id ≤ N is visible" holds in any
// snapshot that shows row N, and N is a complete sequence number for the facts.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace keyline::storage {

struct AuditChange {
  int64_t id = 0;
  std::string entity;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
};

// What to read again.
struct TouchedFacts {
  std::set<int64_t> projects;  // re-read the whole project (row, plans, reports, ...)
  std::set<int64_t> leads;
  void Add(const AuditChange& change);
};

// The first "<key>": <integer> in a JSON text, or 0.
int64_t JsonInt(std::string_view json, std::string_view key);

}  // namespace keyline::storage
