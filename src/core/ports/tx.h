// The transaction seam. Core services run their repository calls inside a Tx obtained from
// a TxRunner; the storage layer decides what a Tx is (an SQL connection in a transaction).
#pragma once

#include <functional>

#include "common/status.h"

namespace keyline {

// An open unit of work. Opaque to core; repositories downcast it to their own type.
// Belongs to the thread running the callback and must not escape it.
class Tx {
 public:
  virtual ~Tx() = default;
};

using TxCallback = std::function<Status(Tx&)>;

class TxRunner {
 public:
  virtual ~TxRunner() = default;
  // Runs fn in a read-only snapshot. Returns fn's status.
  virtual Status Read(const TxCallback& fn) = 0;
  // Runs fn in a write transaction; OK means committed durably. On error nothing persists.
  virtual Status Write(const TxCallback& fn) = 0;
};

}  // namespace keyline
