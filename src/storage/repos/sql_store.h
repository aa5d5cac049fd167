// SqlStore: the storage layer as the composition root sees it. Owns the sql::Database,
// migrates it on open and provides the SQL implementations of every core repository plus a
// TxRunner whose transactions are SQL transactions.
//
// Thread-safety: repos() and db() may be used from any thread; each Tx belongs to the thread
// running its callback.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "common/result.h"
#include "core/ports/attraction_repositories.h"
#include "core/ports/funds_repositories.h"
#include "core/ports/import_repositories.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/ports/snapshot_repository.h"
#include "storage/sql/database.h"

namespace keyline {

class SqlStore {
 public:
  // Opens the database named by url ("sqlite:PATH" or "postgresql://...") and applies the
  // missing migrations.
  static Result<std::unique_ptr<SqlStore>> Open(const std::string& url, int pool_size);

  ~SqlStore();
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  const Repositories& repos() const { return repos_; }
  const ReportingRepositories& reporting() const { return reporting_; }
  const FundsRepositories& funds() const { return funds_; }
  const AttractionRepositories& attraction() const { return attraction_; }
  sql::Database& db() { return *db_; }
  ImportRepository& imports();      // import sessions
  SnapshotRepository& snapshots();  // published snapshots

  // Writes a consistent copy of the database to dest_path, which must not exist yet.
  // SQLite: VACUUM INTO on a separate connection (safe while the server runs).
  // PostgreSQL: kInvalidArgument (use pg_dump).
  Status Backup(const std::string& dest_path);

  // Transaction counters in Prometheus text format.
  std::string Metrics() const;

 private:
  struct Impl;
  SqlStore(std::string url, std::unique_ptr<sql::Database> db);

  std::string url_;
  std::unique_ptr<sql::Database> db_;
  std::unique_ptr<Impl> impl_;
  Repositories repos_;
  ReportingRepositories reporting_;
  FundsRepositories funds_;
  AttractionRepositories attraction_;
};

}  // namespace keyline
