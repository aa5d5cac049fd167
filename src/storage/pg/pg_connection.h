// PgConnection: one libpq connection with its prepared statement cache, implementing
// sql::Conn for whichever transaction currently runs on it.
//
// Not thread-safe: used by one thread at a time (whoever leased it from the pool).
// Query/Exec PQprepare each SQL text once per connection (named kl_N) and run it with
// PQexecPrepared, text-format parameters (int64/double as text, monostate as NULL).
// Result columns are converted by type OID: int2/int4/int8/oid -> int64,
// float4/float8/numeric -> double, bool -> int64 0/1, anything else -> text.
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

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace keyline::pg {

class PgConnection final : public sql::Conn {
 public:
  // Connects; an unreachable server or a refused login gives kUnavailable.
  // prepared_counter (may be null) counts statements actually prepared.
  static Result<std::unique_ptr<PgConnection>> Connect(const std::string& url,
                                                       std::atomic<int64_t>* prepared_counter);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  sql::Dialect dialect() const override { return sql::Dialect::kPostgres; }
  Result<sql::ResultSet> Query(std::string_view sql,
                               const std::vector<sql::Value>& params) override;
  Result<int64_t> Exec(std::string_view sql, const std::vector<sql::Value>& params) override;
  Status ExecScript(std::string_view script) override;

  // Runs a parameterless control statement (BEGIN, COMMIT, ROLLBACK) with PQexec.
  Status Control(std::string_view sql);

  bool healthy() const;
  // True when a statement failed in the open transaction (it must be rolled back).
  bool in_failed_transaction() const;
  // True when no transaction is open.
  bool idle() const;
  // Reconnects a broken connection (forgetting prepared statements); returns healthy().
  bool Reset();

  // SQLSTATE and Status of the last failed statement ("" / OK when none since Clear).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  const Status& last_error() const { return last_error_; }
  void ClearLastError();

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct ResultDeleter {
    void operator()(PGresult* r) const;
  };
  using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

  PgConnection(PGconn* conn, std::atomic<int64_t>* prepared_counter)
      : conn_(conn), prepared_counter_(prepared_counter) {}
  // OK for a successful result; otherwise records and returns the mapped error.
  Status Check(const PGresult* res);
  Result<const std::string*> Prepare(std::string_view sql);
  Result<ResultPtr> Execute(std::string_view sql, const std::vector<sql::Value>& params);

  PGconn* conn_;
  std::atomic<int64_t>* prepared_counter_;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> cache_;
  int64_t next_statement_ = 0;
  std::string last_sqlstate_;
  Status last_error_;
};

}  // namespace keyline::pg
