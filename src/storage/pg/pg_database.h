// PgDatabase: sql::Database on a PostgreSQL server through a pool of libpq connections.
//
// Open connects one connection at once (an unreachable server fails with kUnavailable);
// the others, up to pool_size, are made on demand. Read runs fn inside
// BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY ... ROLLBACK. Write runs fn inside
// BEGIN (READ COMMITTED) ... COMMIT and retries the whole transaction up to 3 times on
// serialization failures and deadlocks (SQLSTATE 40001 / 40P01). A broken connection is
// reset or replaced before its next use.
//
// Unlike SQLite, a failed statement aborts the PostgreSQL transaction: after an error the
// callback should return it. Returning OK anyway rolls back and reports that error.
//
// Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "storage/pg/pg_connection.h"
#include "storage/sql/connection_pool.h"
#include "storage/sql/database.h"

namespace keyline::pg {

struct PgStats {
  int64_t connections_opened = 0;
  int64_t connections_replaced = 0;  // broken connections reset or replaced
  int64_t statements_prepared = 0;   // statement cache misses over all connections
  int64_t write_retries = 0;         // Write transactions re-run after 40001 / 40P01
};

class PgDatabase final : public sql::Database {
 public:
  static constexpr int kMaxWriteRetries = 3;

  static Result<std::unique_ptr<PgDatabase>> Open(const std::string& url, int pool_size);
  ~PgDatabase() override;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  Status Read(const sql::TxFn& fn) override;
  Status Write(const sql::TxFn& fn) override;
  void Close() override;

  PgStats Stats() const;

 private:
  using Pool = sql::ConnectionPool<PgConnection>;

  PgDatabase(const std::string& url, int pool_size);
  // A leased connection that is known to be connected (reset or replaced if it was not).
  Result<Pool::Lease> AcquireHealthy();
  // Ends the transaction on the leased connection; discards the connection if that fails.
  void Rollback(Pool::Lease& lease);
  // One attempt of a write transaction.
  Status WriteOnce(const sql::TxFn& fn, std::string* failed_sqlstate);

  const std::string url_;
  std::atomic<int64_t> connections_opened_{0};
  std::atomic<int64_t> connections_replaced_{0};
  std::atomic<int64_t> statements_prepared_{0};
  std::atomic<int64_t> write_retries_{0};
  Pool pool_;
};

}  // namespace keyline::pg
