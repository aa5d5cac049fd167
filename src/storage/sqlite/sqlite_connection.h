// SqliteConnection: one sqlite3 handle with its prepared statement cache, implementing
// sql::Conn for whichever transaction currently runs on it.
//
// Not thread-safe: used by one thread at a time (the writer thread, or a reader holding it
// from the pool). Statements are prepared once (SQLITE_PREPARE_PERSISTENT) per SQL text and
// reset + unbound after every use.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "storage/sql/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace keyline::sqlite {

struct ConnectionOptions {
  std::string path;
  bool synchronous_full = true;  // false: synchronous=NORMAL
  bool read_only = false;        // readers: PRAGMA query_only=ON
  int busy_timeout_ms = 5000;
  // Incremented for every statement actually prepared (cache misses); may be null.
  std::atomic<int64_t>* prepared_counter = nullptr;
};

class SqliteConnection final : public sql::Conn {
 public:
  // Opens (creating if missing) the database file and applies the pragmas: WAL,
  // synchronous, foreign_keys=ON, busy_timeout, and query_only for readers.
  static Result<std::unique_ptr<SqliteConnection>> Open(const ConnectionOptions& options);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kSqlite; }
  Result<sql::ResultSet> Query(std::string_view sql,
                               const std::vector<sql::Value>& params) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<sql::Value>& params) override;
  Status ExecScript(std::string_view script) override;

  // Runs a parameterless control statement (BEGIN, SAVEPOINT, COMMIT, ...) through the cache.
  Status Control(std::string_view sql);
  // True when no transaction is open (e.g. SQLite rolled one back after a hard error).
  bool autocommit() const;
  void set_prepared_counter(std::atomic<int64_t>* counter) { prepared_counter_ = counter; }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };

  explicit SqliteConnection(sqlite3* db, std::atomic<int64_t>* prepared_counter)
      : db_(db), prepared_counter_(prepared_counter) {}
  Status LastError() const;
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  // Binds, steps to completion (collecting rows into *out when non-null), then resets.
  Status Run(std::string_view sql, const std::vector<sql::Value>& params, sql::ResultSet* out);

  sqlite3* db_;
  std::atomic<int64_t>* prepared_counter_;
  std::unordered_map<std::string, sqlite3_stmt*, StringHash, std::equal_to<>> cache_;
};

}  // namespace keyline::sqlite
