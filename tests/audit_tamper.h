// Test helper: works on audit_log behind the application's back, as someone with database access
// could — the append-only triggers dropped (SQLite) or disabled (PostgreSQL) first.
#pragma once

#include <functional>

#include "app/keyline_app.h"
#include "storage/repos/sql_store.h"
#include "storage/sql/database.h"

namespace keyline::testing {

// Runs fn in one write transaction with audit_log's triggers out of the way.
inline Status TamperAuditLog(KeylineApp& app, const std::function<Status(sql::Conn&)>& fn) {
  return app.store().db().Write([&](sql::Conn& conn) -> Status {
    bool pg = conn.dialect() == sql::Dialect::kPostgres;
    if (pg) {
      KL_RETURN_IF_ERROR(conn.ExecScript("ALTER TABLE audit_log DISABLE TRIGGER USER"));
    } else {
      KL_ASSIGN_OR_RETURN(sql::ResultSet triggers,
                          conn.Query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                     "tbl_name = 'audit_log'",
                                     {}));
      for (size_t i = 0; i < triggers.size(); ++i) {
        KL_RETURN_IF_ERROR(conn.ExecScript("DROP TRIGGER " + triggers.GetText(i, 0)));
      }
    }
    KL_RETURN_IF_ERROR(fn(conn));
    if (pg) KL_RETURN_IF_ERROR(conn.ExecScript("ALTER TABLE audit_log ENABLE TRIGGER USER"));
    return Status::Ok();
  });
}

}  // namespace keyline::testing
