// The change feed: which facts a committed write touched, read from the audit log.
//
// Every committed write appends its audit rows in its own transaction, and audit_log ids are in
// commit order on both databases: SQLite serialises write transactions, and on PostgreSQL every
// appender first takes a transaction-scoped advisory lock (AuditRepository::LockHead,
// storage/repos/audit_repository.cc) and only then draws its id, so a later id can only be drawn
// after the earlier transaction has committed (or rolled back). Hence "every audit row with
// id ≤ N is visible" holds in any snapshot that shows row N, and N is a complete sequence number
// for the facts.
//
// What a row touches is typed: the audit writer stores the project and the lead of
// every entry in audit_log.project_id / lead_id (migration 16) from the entry's AuditEntity and
// its exhaustive fact rule (core/model/audit_entity.h); the feed reads those columns, never the
// JSON text.
#pragma once

#include <cstdint>
#include <set>

namespace keyline::storage {

struct AuditChange {
  int64_t id = 0;
  int64_t project_id = 0;  // 0 = none
  int64_t lead_id = 0;     // 0 = none
};

// What to read again.
struct TouchedFacts {
  std::set<int64_t> projects;  // re-read the whole project (row, plans, reports, ...)
  std::set<int64_t> leads;
  void Add(const AuditChange& change);
};

}  // namespace keyline::storage
