// Test helper: changes stored rows behind the application's back, as someone with database
// access could — bypassing the snapshots table's immutability triggers.
#pragma once

#include <string>

#include "storage/repos/sql_store.h"
#include "storage/sql/database.h"
#include "tests/api_test.h"

namespace keyline::testing {

// Runs `update` (one UPDATE statement, no parameters) with the snapshots triggers off; returns
// the rows changed.
inline Result<int64_t> TamperSql(KeylineApp& app, const std::string& update) {
  int64_t changed = 0;
  Status st = app.store().db().Write([&](sql::Conn& conn) -> Status {
    bool pg = conn.dialect() == sql::Dialect::kPostgres;
    if (pg) {
      KL_RETURN_IF_ERROR(conn.ExecScript("ALTER TABLE snapshots DISABLE TRIGGER USER"));
    } else {
      KL_RETURN_IF_ERROR(conn.ExecScript("DROP TRIGGER IF EXISTS snapshots_no_update"));
    }
    KL_ASSIGN_OR_RETURN(changed, conn.Exec(update, {}));
    if (pg) KL_RETURN_IF_ERROR(conn.ExecScript("ALTER TABLE snapshots ENABLE TRIGGER USER"));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return changed;
}

}  // namespace keyline::testing
