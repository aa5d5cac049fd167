// SqliteDatabase: sql::Database on one SQLite file in WAL mode.
//
// Writes: ONE writer connection owned by a dedicated writer thread doing group commit.
// Write(fn) enqueues a job and blocks; the writer takes every queued job, opens one
// BEGIN IMMEDIATE transaction, runs each job inside its own SAVEPOINT (released on success,
// rolled back on error so only that job is undone), then COMMITs once for the whole batch:
// one fsync serves many writers. Every job of the batch gets the COMMIT's error if it fails.
//
// Reads: a pool of `pool_size` reader connections (query_only). Read(fn) runs fn inside
// BEGIN DEFERRED after pinning the snapshot with a first SELECT, then ROLLBACK; it blocks
// while every reader is busy.
//
// Thread-safe. Write must not be called from inside a Write callback (it would wait on
// itself); that is detected and returns kInternal.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "storage/sql/connection_pool.h"
#include "storage/sql/database.h"
#include "storage/sqlite/sqlite_connection.h"

namespace keyline::sqlite {

struct SqliteOptions {
  std::string path;              // database file; its parent directory is created if missing
  bool synchronous_full = true;  // synchronous=FULL (durable) or NORMAL
  int pool_size = 4;             // reader connections
  int busy_timeout_ms = 5000;
  size_t max_batch = 256;  // most write jobs per group commit
};

// Counters for tests and metrics. commits < write_jobs means group commit batched writers.
struct SqliteStats {
  int64_t write_jobs = 0;           // Write() calls that reached the writer thread
  int64_t commits = 0;              // successful COMMITs (one per batch)
  int64_t failed_commits = 0;       // batches whose BEGIN or COMMIT failed
  int64_t max_batch = 0;            // largest batch seen
  int64_t statements_prepared = 0;  // statement cache misses over all connections
};

class SqliteDatabase final : public sql::Database {
 public:
  static Result<std::unique_ptr<SqliteDatabase>> Open(const SqliteOptions& options);
  ~SqliteDatabase() override;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  Status Read(const sql::TxFn& fn) override;
  Status Write(const sql::TxFn& fn) override;
  void Close() override;

  SqliteStats Stats() const;

 private:
  struct Job {
    const sql::TxFn* fn;
    std::promise<Status> done;
  };

  SqliteDatabase(const SqliteOptions& options, std::unique_ptr<SqliteConnection> writer);
  void WriterLoop();
  // Runs one batch in one transaction and fulfils every job's promise.
  void RunBatch(std::vector<Job>& batch);
  Status ReadWith(SqliteConnection& conn, const sql::TxFn& fn);

  const SqliteOptions options_;
  std::atomic<int64_t> statements_prepared_{0};
  std::unique_ptr<SqliteConnection> writer_;  // touched only by the writer thread
  sql::ConnectionPool<SqliteConnection> readers_;

  mutable std::mutex mu_;
  std::condition_variable queue_cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  std::thread writer_thread_;
  std::thread::id writer_thread_id_;
  std::once_flag close_once_;

  std::atomic<int64_t> write_jobs_{0};
  std::atomic<int64_t> commits_{0};
  std::atomic<int64_t> failed_commits_{0};
  std::atomic<int64_t> max_batch_{0};
};

}  // namespace keyline::sqlite
