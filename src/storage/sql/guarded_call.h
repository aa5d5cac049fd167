// RunTxFn: calls a transaction callback, turning an escaping exception into kInternal so
// that the driver always ends the transaction and returns its connection.
#pragma once

#include <exception>
#include <string>

#include "storage/sql/database.h"

namespace keyline::sql {

inline Status RunTxFn(const TxFn& fn, Conn& conn) {
  try {
    return fn(conn);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("exception in transaction callback: ") + e.what());
  } catch (...) {
    return Status::Internal("unknown exception in transaction callback");
  }
}

}  // namespace keyline::sql
