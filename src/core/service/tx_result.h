// ReadResult: runs one repository read that yields a value in a read transaction, so a
// service's plain list reads are one line instead of the capture-and-return dance.
#pragma once

#include <optional>
#include <utility>

#include "common/result.h"
#include "core/ports/tx.h"

namespace keyline {

// fn(Tx&) -> Result<T>, run in runner.Read. Returns fn's value, or its (or the transaction's)
// error.
template <typename T, typename Fn>
Result<T> ReadResult(TxRunner& runner, Fn fn) {
  std::optional<T> out;
  Status st = runner.Read([&](Tx& tx) -> Status {
    Result<T> r = fn(tx);
    if (!r.ok()) return r.status();
    out.emplace(std::move(r).value());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return std::move(*out);
}

}  // namespace keyline
