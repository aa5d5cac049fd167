#include "storage/sqlite/sqlite_database.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "storage/sql/guarded_call.h"

namespace keyline::sqlite {
namespace {

Status BatchAbortedError() {
  return Status::Unavailable("写入因同批次其他操作失败而被撤销，请重试",
                             "the write was undone because the group-commit transaction "
                             "was rolled back; retry");
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const SqliteOptions& options) {
  if (options.path.empty() || options.path == ":memory:") {
    return Status::InvalidArgument("SQLite 数据库需要文件路径",
                                   "an SQLite database needs a file path (:memory: is not "
                                   "supported)");
  }
  // Durability comes from the syncer's fdatasync (see the header), not from each COMMIT.
  ConnectionOptions writer_options{.path = options.path,
                                   .synchronous_full = false,
                                   .read_only = false,
                                   .busy_timeout_ms = options.busy_timeout_ms};
  KL_ASSIGN_OR_RETURN(auto writer, SqliteConnection::Open(writer_options));
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(options, std::move(writer)));
  KL_RETURN_IF_ERROR(db->readers_.Prefill(options.pool_size));
  if (options.synchronous_full) {
    db->syncer_thread_ = std::thread([raw = db.get()] { raw->SyncerLoop(); });
  }
  db->writer_thread_ = std::thread([raw = db.get()] { raw->WriterLoop(); });
  db->writer_thread_id_ = db->writer_thread_.get_id();
  return db;
}

SqliteDatabase::SqliteDatabase(const SqliteOptions& options,
                               std::unique_ptr<SqliteConnection> writer)
    : options_(options), writer_(std::move(writer)), readers_(options.pool_size, [this]() {
        ConnectionOptions reader_options{.path = options_.path,
                                         .synchronous_full = options_.synchronous_full,
                                         .read_only = true,
                                         .busy_timeout_ms = options_.busy_timeout_ms,
                                         .prepared_counter = &statements_prepared_};
        return SqliteConnection::Open(reader_options);
      }) {
  writer_->set_prepared_counter(&statements_prepared_);
}

SqliteDatabase::~SqliteDatabase() { Close(); }

void SqliteDatabase::Close() {
  std::call_once(close_once_, [this] {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    queue_cv_.notify_all();
    if (writer_thread_.joinable()) writer_thread_.join();  // drains queued jobs first
    {
      std::lock_guard<std::mutex> lock(sync_mu_);
      sync_stopping_ = true;
    }
    sync_cv_.notify_all();
    if (syncer_thread_.joinable()) syncer_thread_.join();  // syncs what was committed
    if (wal_fd_ >= 0) ::close(wal_fd_);
    readers_.Close();
    writer_.reset();
  });
}

SqliteStats SqliteDatabase::Stats() const {
  SqliteStats s;
  s.write_jobs = write_jobs_.load();
  s.commits = commits_.load();
  s.failed_commits = failed_commits_.load();
  s.max_batch = max_batch_.load();
  s.statements_prepared = statements_prepared_.load();
  s.wal_syncs = wal_syncs_.load();
  return s;
}

Status SqliteDatabase::Read(const sql::TxFn& fn) {
  KL_ASSIGN_OR_RETURN(auto lease, readers_.Acquire());
  SqliteConnection& conn = *lease;
  KL_RETURN_IF_ERROR(conn.Control("BEGIN DEFERRED"));
  // A deferred transaction takes its snapshot at the first read: pin it now so that fn
  // sees one consistent state from its first statement on.
  Status status = conn.Control("SELECT 1 FROM sqlite_schema LIMIT 1");
  if (status.ok()) status = sql::RunTxFn(fn, conn);
  if (!conn.autocommit() && !conn.Control("ROLLBACK").ok()) lease.Discard();
  return status;
}

Status SqliteDatabase::Write(const sql::TxFn& fn) {
  if (std::this_thread::get_id() == writer_thread_id_) {
    return Status::Internal("Write called from inside a Write callback (would deadlock)");
  }
  Job job{&fn, {}};
  std::future<Status> done = job.done.get_future();
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return sql::ConnectionPool<SqliteConnection>::ClosedError();
    queue_.push_back(std::move(job));
  }
  queue_cv_.notify_one();
  return done.get();
}

void SqliteDatabase::WriterLoop() {
  for (;;) {
    std::vector<Job> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job has been served
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch);
  }
}

void SqliteDatabase::RunBatch(std::vector<Job>& batch) {
  write_jobs_ += static_cast<int64_t>(batch.size());
  int64_t size = static_cast<int64_t>(batch.size());
  int64_t seen = max_batch_.load();
  while (size > seen && !max_batch_.compare_exchange_weak(seen, size)) {
  }

  std::vector<Status> results(batch.size());
  std::vector<size_t> pending;  // jobs whose changes sit in the open transaction
  bool in_tx = false;
  // Rolls the whole transaction back; the pending jobs lose their changes.
  auto abort_tx = [&] {
    if (!writer_->autocommit()) (void)writer_->Control("ROLLBACK");
    for (size_t j : pending) results[j] = BatchAbortedError();
    pending.clear();
    in_tx = false;
  };

  for (size_t i = 0; i < batch.size(); ++i) {
    if (!in_tx) {
      Status begun = writer_->Control("BEGIN IMMEDIATE");
      if (!begun.ok()) {
        ++failed_commits_;
        results[i] = begun;
        continue;
      }
      in_tx = true;
    }
    Status s = writer_->Control("SAVEPOINT kl_job");
    if (!s.ok()) {
      results[i] = s;
      abort_tx();
      continue;
    }
    s = sql::RunTxFn(*batch[i].fn, *writer_);
    if (writer_->autocommit()) {
      // A hard error made SQLite roll back the whole transaction (or fn ended it).
      results[i] = s.ok() ? Status::Internal("the write transaction ended inside the callback") : s;
      abort_tx();
      continue;
    }
    if (s.ok()) s = writer_->Control("RELEASE kl_job");
    if (!s.ok()) {
      if (!writer_->Control("ROLLBACK TO kl_job").ok() ||
          !writer_->Control("RELEASE kl_job").ok()) {
        abort_tx();
      }
      results[i] = s;
      continue;
    }
    pending.push_back(i);
  }

  bool committed_ok = false;
  if (in_tx) {
    Status committed = writer_->Control("COMMIT");
    if (committed.ok()) {
      ++commits_;
      committed_ok = true;
    } else {
      ++failed_commits_;
      if (!writer_->autocommit()) (void)writer_->Control("ROLLBACK");
      for (size_t j : pending) results[j] = committed;
    }
  }
  if (options_.synchronous_full && committed_ok && !pending.empty()) {
    {
      std::lock_guard<std::mutex> lock(sync_mu_);
      sync_queue_.push_back({std::move(batch), std::move(results)});
    }
    sync_cv_.notify_one();
    return;
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(std::move(results[i]));
}

Status SqliteDatabase::SyncWal() {
  if (wal_fd_ < 0) {
    std::string wal = options_.path + "-wal";
    wal_fd_ = ::open(wal.c_str(), O_RDWR | O_CLOEXEC);
    if (wal_fd_ < 0) {
      return Status::Internal("cannot open " + wal + " to sync it: " + std::strerror(errno));
    }
  }
  if (::fdatasync(wal_fd_) != 0) {
    return Status::Internal(std::string("fdatasync of the WAL failed: ") + std::strerror(errno));
  }
  ++wal_syncs_;
  return Status::Ok();
}

void SqliteDatabase::SyncerLoop() {
  for (;;) {
    std::vector<Committed> taken;
    {
      std::unique_lock<std::mutex> lock(sync_mu_);
      sync_cv_.wait(lock, [&] { return sync_stopping_ || !sync_queue_.empty(); });
      if (sync_queue_.empty()) return;  // stopping, and everything committed was synced
      taken.swap(sync_queue_);
    }
    // Every batch taken had committed before this sync started, so the sync covers it.
    Status synced = SyncWal();
    for (Committed& c : taken) {
      for (size_t i = 0; i < c.jobs.size(); ++i) {
        Status result = std::move(c.results[i]);
        if (result.ok() && !synced.ok()) result = synced;
        c.jobs[i].done.set_value(std::move(result));
      }
    }
  }
}

}  // namespace keyline::sqlite
