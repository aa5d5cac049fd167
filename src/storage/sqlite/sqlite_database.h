// SqliteDatabase: sql::Database on one SQLite file in WAL mode.
//
// Writes: ONE writer connection owned by a dedicated writer thread doing group commit.
// Write(fn) enqueues a job and blocks; the writer takes every queued job, opens one
// BEGIN IMMEDIATE transaction, runs each job inside its own SAVEPOINT (released on success,
// rolled back on error so only that job is undone), then COMMITs once for the whole batch:
// one fsync serves many writers. Every job of the batch gets the COMMIT's error if it fails.
//
// Durability (synchronous_full): the writer connection runs with synchronous=NORMAL, so COMMIT
// only writes the WAL; a syncer thread then fdatasyncs the WAL file and only after that
// fulfils the batch's promises. A write is acknowledged only once it is on disk, as with
// synchronous=FULL, but the writer already runs the next batch while the disk syncs, and one
// fdatasync covers every batch committed before it started. Checkpoints sync the WAL before
// copying it (SQLite's NORMAL mode), so a frame is never overwritten before it is durable.
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
  int64_t wal_syncs = 0;            // fdatasyncs of the WAL by the syncer thread
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
  // A committed batch waiting for the WAL to reach the disk.
  struct Committed {
    std::vector<Job> jobs;
    std::vector<Status> results;
  };
  // Runs one batch in one transaction; fulfils the promises, or hands them to the syncer.
  void RunBatch(std::vector<Job>& batch);
  void SyncerLoop();
  // fdatasync of the WAL file (opened on first use).
  Status SyncWal();
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
  std::atomic<int64_t> wal_syncs_{0};
  // The syncer (only with options_.synchronous_full).
  std::mutex sync_mu_;
  std::condition_variable sync_cv_;
  std::vector<Committed> sync_queue_;
  bool sync_stopping_ = false;
  std::thread syncer_thread_;
  int wal_fd_ = -1;  // touched only by the syncer thread
};

}  // namespace keyline::sqlite
