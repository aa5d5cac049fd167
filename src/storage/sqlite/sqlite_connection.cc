#include "storage/sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "storage/sqlite/placeholders.h"
#include "storage/sqlite/sqlite_errors.h"

namespace keyline::sqlite {
namespace {

bool OnlyWhitespaceOrSemicolons(const char* s) {
  for (; s != nullptr && *s != '\0'; ++s) {
    if (*s != ';' && *s != ' ' && *s != '\n' && *s != '\r' && *s != '\t') return false;
  }
  return true;
}

Status CreateParentDirectory(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Status::Internal("cannot create directory " + parent.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const ConnectionOptions& options) {
  KL_RETURN_IF_ERROR(CreateParentDirectory(options.path));
  sqlite3* db = nullptr;
  int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::Internal("cannot open sqlite database " + options.path + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db, options.prepared_counter));

  if (!options.read_only) {
    // journal_mode is persistent in the file; only the writer sets it.
    auto mode = conn->Query("PRAGMA journal_mode=WAL", {});
    if (!mode.ok()) return mode.status();
    if (mode->GetText(0, 0) != "wal") {
      return Status::Internal("sqlite refused WAL mode (got " + mode->GetText(0, 0) + ")");
    }
  }
  std::string pragmas =
      options.synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
  pragmas += "PRAGMA foreign_keys=ON;";
  // Read pages through a shared memory map instead of a read() copy per page, and keep a
  // 16 MiB page cache per connection. (Not temp_store=MEMORY: it makes the statement
  // journals of a large write transaction quadratic.)
  pragmas += "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384;";
  if (options.read_only) pragmas += "PRAGMA query_only=ON;";
  KL_RETURN_IF_ERROR(conn->ExecScript(pragmas));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Status SqliteConnection::LastError() const {
  return SqliteError(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_));
}

bool SqliteConnection::autocommit() const { return sqlite3_get_autocommit(db_) != 0; }

Result<sqlite3_stmt*> SqliteConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return it->second;
  std::string rewritten = RewritePlaceholders(sql);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, rewritten.c_str(), static_cast<int>(rewritten.size() + 1),
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return LastError();
  if (stmt == nullptr) return Status::Internal("empty SQL statement");
  if (!OnlyWhitespaceOrSemicolons(tail)) {
    sqlite3_finalize(stmt);
    return Status::Internal("Query/Exec take exactly one statement: " + std::string(sql));
  }
  if (prepared_counter_ != nullptr) prepared_counter_->fetch_add(1, std::memory_order_relaxed);
  cache_.emplace(std::string(sql), stmt);
  return stmt;
}

Status SqliteConnection::Run(std::string_view sql, const std::vector<sql::Value>& params,
                             sql::ResultSet* out) {
  KL_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
  int expected = sqlite3_bind_parameter_count(stmt);
  if (static_cast<size_t>(expected) != params.size()) {
    return Status::Internal("statement expects " + std::to_string(expected) + " parameters, got " +
                            std::to_string(params.size()) + ": " + std::string(sql));
  }
  int rc = SQLITE_OK;
  for (size_t i = 0; i < params.size() && rc == SQLITE_OK; ++i) {
    int idx = static_cast<int>(i + 1);
    const sql::Value& v = params[i];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, idx, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, idx, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      // SQLITE_STATIC: params outlive the statement run (reset + unbound below).
      rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, idx);
    }
  }
  Status status;
  if (rc != SQLITE_OK) status = LastError();
  int ncols = sqlite3_column_count(stmt);
  if (status.ok() && out != nullptr) {
    out->columns.clear();
    out->rows.clear();
    for (int c = 0; c < ncols; ++c) out->columns.emplace_back(sqlite3_column_name(stmt, c));
  }
  while (status.ok()) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      status = LastError();
      break;
    }
    if (out == nullptr) continue;
    std::vector<sql::Value>& row = out->rows.emplace_back();
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_NULL:
          row.emplace_back(std::monostate{});
          break;
        default: {  // TEXT and BLOB
          const void* data = sqlite3_column_blob(stmt, c);
          int size = sqlite3_column_bytes(stmt, c);
          row.emplace_back(data ? std::string(static_cast<const char*>(data), size) : "");
        }
      }
    }
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return status;
}

Result<sql::ResultSet> SqliteConnection::Query(std::string_view sql,
                                               const std::vector<sql::Value>& params) {
  sql::ResultSet rs;
  KL_RETURN_IF_ERROR(Run(sql, params, &rs));
  return rs;
}

Result<int64_t> SqliteConnection::Exec(std::string_view sql,
                                       const std::vector<sql::Value>& params) {
  int64_t before = sqlite3_total_changes64(db_);
  KL_RETURN_IF_ERROR(Run(sql, params, nullptr));
  // sqlite3_changes keeps the count of the last DML statement, so DDL would report a stale
  // value; the total-changes delta tells whether this statement changed anything.
  if (sqlite3_total_changes64(db_) == before) return int64_t{0};
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Status SqliteConnection::ExecScript(std::string_view script) {
  std::string text(script);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg = err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  return SqliteError(sqlite3_extended_errcode(db_), msg);
}

Status SqliteConnection::Control(std::string_view sql) { return Run(sql, {}, nullptr); }

}  // namespace keyline::sqlite
