#include "storage/pg/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>

#include "storage/pg/pg_errors.h"

namespace keyline::pg {
namespace {

// Type OIDs from pg_type.dat (stable across PostgreSQL versions).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

void IgnoreNotice(void*, const char*) {}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), d);
  return std::string(buf, ec == std::errc() ? end : buf);
}

sql::Value ConvertCell(Oid type, const char* text, int length) {
  std::string_view s(text, length);
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t v = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc() && end == s.data() + s.size()) return v;
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double v = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec == std::errc() && end == s.data() + s.size()) return v;
      break;
    }
    case kBoolOid:
      return int64_t{s == "t" ? 1 : 0};
    default:
      break;
  }
  return std::string(s);
}

std::string TrimmedError(PGconn* conn) {
  std::string msg = PQerrorMessage(conn);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return msg;
}

}  // namespace

void PgConnection::ResultDeleter::operator()(PGresult* r) const { PQclear(r); }

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(
    const std::string& url, std::atomic<int64_t>* prepared_counter) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string msg = conn ? TrimmedError(conn) : "out of memory";
    PQfinish(conn);
    return Status::Unavailable("无法连接 PostgreSQL 数据库服务器",
                               "cannot connect to PostgreSQL: " + msg);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  if (PQsetClientEncoding(conn, "UTF8") != 0) {
    std::string msg = TrimmedError(conn);
    PQfinish(conn);
    return Status::Internal("cannot set client encoding UTF8: " + msg);
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn, prepared_counter));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool PgConnection::in_failed_transaction() const {
  return PQtransactionStatus(conn_) == PQTRANS_INERROR;
}

bool PgConnection::idle() const { return PQtransactionStatus(conn_) == PQTRANS_IDLE; }

bool PgConnection::Reset() {
  cache_.clear();  // prepared statements die with the server session
  PQreset(conn_);
  if (!healthy()) return false;
  PQsetClientEncoding(conn_, "UTF8");
  return true;
}

void PgConnection::ClearLastError() {
  last_sqlstate_.clear();
  last_error_ = Status::Ok();
}

Status PgConnection::Check(const PGresult* res) {
  ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
    return Status::Ok();
  }
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  if (state == nullptr) {
    // No server error: the connection itself failed.
    last_sqlstate_.clear();
    last_error_ =
        healthy() ? Status::Internal("libpq error: " + TrimmedError(conn_))
                  : Status::Unavailable("数据库连接中断，请稍后重试",
                                        "lost the PostgreSQL connection: " + TrimmedError(conn_));
    return last_error_;
  }
  std::string message;
  if (const char* primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)) message = primary;
  if (const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL)) {
    message += std::string(". ") + detail;
  }
  last_sqlstate_ = state;
  last_error_ = PgError(state, message);
  return last_error_;
}

Result<const std::string*> PgConnection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return &it->second;
  std::string name = "kl_" + std::to_string(next_statement_++);
  std::string text(sql);
  ResultPtr res(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
  KL_RETURN_IF_ERROR(Check(res.get()));
  if (prepared_counter_ != nullptr) prepared_counter_->fetch_add(1, std::memory_order_relaxed);
  auto [inserted, unused] = cache_.emplace(std::move(text), std::move(name));
  return &inserted->second;
}

Result<PgConnection::ResultPtr> PgConnection::Execute(std::string_view sql,
                                                      const std::vector<sql::Value>& params) {
  KL_ASSIGN_OR_RETURN(const std::string* name, Prepare(sql));
  std::vector<std::string> formatted(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    const sql::Value& v = params[i];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      formatted[i] = std::to_string(*n);
      values[i] = formatted[i].c_str();
    } else if (const auto* d = std::get_if<double>(&v)) {
      formatted[i] = FormatDouble(*d);
      values[i] = formatted[i].c_str();
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      values[i] = s->c_str();
    }
  }
  ResultPtr res(PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), values.data(),
                               nullptr, nullptr, 0));
  KL_RETURN_IF_ERROR(Check(res.get()));
  return res;
}

Result<sql::ResultSet> PgConnection::Query(std::string_view sql,
                                           const std::vector<sql::Value>& params) {
  KL_ASSIGN_OR_RETURN(ResultPtr res, Execute(sql, params));
  sql::ResultSet rs;
  int ncols = PQnfields(res.get());
  int nrows = PQntuples(res.get());
  std::vector<Oid> types(ncols);
  for (int c = 0; c < ncols; ++c) {
    rs.columns.emplace_back(PQfname(res.get(), c));
    types[c] = PQftype(res.get(), c);
  }
  rs.rows.reserve(nrows);
  for (int r = 0; r < nrows; ++r) {
    std::vector<sql::Value>& row = rs.rows.emplace_back();
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      if (PQgetisnull(res.get(), r, c)) {
        row.emplace_back(std::monostate{});
      } else {
        row.push_back(
            ConvertCell(types[c], PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
      }
    }
  }
  return rs;
}

Result<int64_t> PgConnection::Exec(std::string_view sql, const std::vector<sql::Value>& params) {
  KL_ASSIGN_OR_RETURN(ResultPtr res, Execute(sql, params));
  std::string_view tuples = PQcmdTuples(res.get());
  int64_t changed = 0;
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
  return changed;
}

Status PgConnection::ExecScript(std::string_view script) {
  std::string text(script);
  ResultPtr res(PQexec(conn_, text.c_str()));
  return Check(res.get());
}

Status PgConnection::Control(std::string_view sql) { return ExecScript(sql); }

}  // namespace keyline::pg
