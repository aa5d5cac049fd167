#include "storage/pg/pg_database.h"

#include <chrono>
#include <random>
#include <thread>
#include <utility>

#include "storage/pg/pg_errors.h"
#include "storage/sql/guarded_call.h"

namespace keyline::pg {

Result<std::unique_ptr<PgDatabase>> PgDatabase::Open(const std::string& url, int pool_size) {
  std::unique_ptr<PgDatabase> db(new PgDatabase(url, pool_size));
  KL_RETURN_IF_ERROR(db->pool_.Prefill(1));  // fail fast when the server is unreachable
  return db;
}

PgDatabase::PgDatabase(const std::string& url, int pool_size)
    : url_(url), pool_(pool_size, [this]() -> Result<std::unique_ptr<PgConnection>> {
        auto conn = PgConnection::Connect(url_, &statements_prepared_);
        if (conn.ok()) ++connections_opened_;
        return conn;
      }) {}

PgDatabase::~PgDatabase() { Close(); }

void PgDatabase::Close() { pool_.Close(); }

PgStats PgDatabase::Stats() const {
  PgStats s;
  s.connections_opened = connections_opened_.load();
  s.connections_replaced = connections_replaced_.load();
  s.statements_prepared = statements_prepared_.load();
  s.write_retries = write_retries_.load();
  return s;
}

Result<PgDatabase::Pool::Lease> PgDatabase::AcquireHealthy() {
  KL_ASSIGN_OR_RETURN(Pool::Lease lease, pool_.Acquire());
  if (!lease->healthy()) {
    ++connections_replaced_;
    if (!lease->Reset()) KL_RETURN_IF_ERROR(lease.Replace());
  }
  lease->ClearLastError();
  return lease;
}

void PgDatabase::Rollback(Pool::Lease& lease) {
  if (!lease->healthy()) {
    lease.Discard();
    return;
  }
  if (lease->idle()) return;
  if (!lease->Control("ROLLBACK").ok() || !lease->idle()) lease.Discard();
}

Status PgDatabase::Read(const sql::TxFn& fn) {
  KL_ASSIGN_OR_RETURN(Pool::Lease lease, AcquireHealthy());
  Status status = lease->Control("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (status.ok()) {
    status = sql::RunTxFn(fn, *lease);
    if (status.ok() && lease->in_failed_transaction()) status = lease->last_error();
  }
  Rollback(lease);
  return status;
}

Status PgDatabase::WriteOnce(const sql::TxFn& fn, std::string* failed_sqlstate) {
  KL_ASSIGN_OR_RETURN(Pool::Lease lease, AcquireHealthy());
  Status status = lease->Control("BEGIN");
  if (status.ok()) {
    status = sql::RunTxFn(fn, *lease);
    // fn swallowed a statement error: COMMIT would silently roll back, so report it.
    if (status.ok() && lease->in_failed_transaction()) status = lease->last_error();
  }
  if (status.ok()) {
    status = lease->Control("COMMIT");
    if (!status.ok() && !lease->healthy()) {
      lease.Discard();
      return Status::Unavailable("数据库连接在提交时中断，写入结果未知",
                                 "lost the PostgreSQL connection during COMMIT; the outcome "
                                 "is unknown");
    }
  }
  *failed_sqlstate = status.ok() ? "" : lease->last_sqlstate();
  Rollback(lease);
  return status;
}

Status PgDatabase::Write(const sql::TxFn& fn) {
  thread_local std::minstd_rand rng(std::random_device{}());
  for (int attempt = 0;; ++attempt) {
    std::string sqlstate;
    Status status = WriteOnce(fn, &sqlstate);
    if (status.ok() || attempt >= kMaxWriteRetries || status.code() != ErrorCode::kUnavailable ||
        !IsRetryableSqlState(sqlstate)) {
      return status;
    }
    ++write_retries_;
    // Randomised backoff so that the transactions that collided do not collide again.
    int max_ms = 5 << attempt;
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + rng() % max_ms));
  }
}

}  // namespace keyline::pg
