// SqlTx: the storage layer's Tx. Wraps the sql::Conn of one open transaction; repositories
// downcast the core Tx& back to it with ConnOf. Private to storage/repos.
#pragma once

#include "core/ports/tx.h"
#include "storage/sql/database.h"

namespace keyline::storage {

class SqlTx final : public Tx {
 public:
  explicit SqlTx(sql::Conn& conn) : conn_(conn) {}
  sql::Conn& conn() const { return conn_; }

 private:
  sql::Conn& conn_;
};

// The connection of a Tx made by SqlStore's TxRunner. Passing any other Tx is a bug.
inline sql::Conn& ConnOf(Tx& tx) { return static_cast<SqlTx&>(tx).conn(); }

}  // namespace keyline::storage
