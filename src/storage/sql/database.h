// The SQL seam shared by the SQLite and PostgreSQL backends.
//
// Repositories (storage/repos) are written once against sql::Conn using one SQL text per
// query with $1..$n placeholders; each backend adapts the text (SQLite rewrites $n to ?n).
// Values cross the seam as sql::Value: NULL, int64, double or text (UTF-8).
//
// Transactions are only ever opened through sql::Database::Read / Write, never by hand.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace keyline::sql {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::monostate, int64_t, double, std::string>;

inline Value Null() { return std::monostate{}; }
inline Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Null(); }
inline Value Opt(const std::optional<int64_t>& v) { return v ? Value(*v) : Null(); }
inline Value Opt(const std::optional<double>& v) { return v ? Value(*v) : Null(); }

// A materialised query result. Rows are vectors of Values in SELECT order.
// Integer columns come back as int64, REAL/DOUBLE as double, everything else as text
// (PostgreSQL text-format results are converted by column type OID).
class ResultSet {
 public:
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;

  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
  bool IsNull(size_t row, size_t col) const;
  // Accessors return the fallback for NULL. GetInt on a text value parses it.
  int64_t GetInt(size_t row, size_t col, int64_t fallback = 0) const;
  double GetDouble(size_t row, size_t col, double fallback = 0) const;
  std::string GetText(size_t row, size_t col) const;  // "" for NULL
  std::optional<int64_t> GetOptInt(size_t row, size_t col) const;
  std::optional<double> GetOptDouble(size_t row, size_t col) const;
  std::optional<std::string> GetOptText(size_t row, size_t col) const;
  // Like GetText / GetOptText, but move a text cell out of the set (the cell is left empty):
  // for callers that read each cell once, to avoid a copy per cell.
  std::string TakeText(size_t row, size_t col);
  std::optional<std::string> TakeOptText(size_t row, size_t col);
};

// One open connection inside one transaction. Not thread-safe: it belongs to the thread
// running the transaction callback and must not escape the callback.
class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement and returns all rows it produced (empty for DML without RETURNING).
  // sql uses $1..$n placeholders; params bind in order. Statements are prepared once per
  // connection and cached by their text, so pass SQL constants, never built strings with
  // input in them.
  // Errors: unique/foreign-key/check violations -> kConflict (unique, FK) or
  // kInvalidArgument (check); busy/serialization -> kUnavailable; others -> kInternal.
  virtual Result<ResultSet> Query(std::string_view sql, const std::vector<Value>& params) = 0;

  // Runs one statement and returns the number of rows changed.
  virtual Result<int64_t> Exec(std::string_view sql, const std::vector<Value>& params) = 0;

  // Runs a script of several statements without parameters (migrations only).
  virtual Status ExecScript(std::string_view script) = 0;
};

using TxFn = std::function<Status(Conn&)>;

// A database: a pool of connections and the transaction discipline of its backend.
// Thread-safe: any thread may call Read and Write concurrently.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs fn in a read-only transaction with a consistent snapshot. Returns fn's status;
  // the transaction is always ended (rolled back) afterwards.
  virtual Status Read(const TxFn& fn) = 0;

  // Runs fn in a write transaction. Returns OK only after the transaction committed durably
  // (SQLite: synchronous=FULL, group-committed with other writers; PostgreSQL: COMMIT).
  // When fn returns an error, none of its changes persist and that error is returned.
  // Writes are serialised on SQLite; on PostgreSQL, serialization failures and deadlocks
  // are retried up to 3 times, so fn must not have effects outside the database.
  virtual Status Write(const TxFn& fn) = 0;

  // Stops background threads and closes connections. Idempotent.
  virtual void Close() = 0;
};

// Opens a database from a URL: "sqlite:PATH" (":memory:" is not supported: use a temp
// file), or "postgresql://..." / "postgres://..." (a libpq connection URI).
// pool_size: reader connections (SQLite) or pooled connections (PostgreSQL).
Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size);

}  // namespace keyline::sql
