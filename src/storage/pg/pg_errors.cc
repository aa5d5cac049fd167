#include "storage/pg/pg_errors.h"

#include <string>

namespace keyline::pg {

Status PgError(std::string_view sqlstate, std::string_view server_message) {
  std::string msg = std::string(server_message) + " (SQLSTATE " + std::string(sqlstate) + ")";
  if (sqlstate == "23505") {
    return Status::Conflict("记录已存在（唯一性冲突）", "duplicate key: " + msg);
  }
  if (sqlstate == "23503") {
    return Status::Conflict("关联记录不存在或仍被引用", "foreign key violation: " + msg);
  }
  if (sqlstate == "23514" || sqlstate == "23502" || sqlstate.starts_with("22")) {
    return Status::InvalidArgument("数据不满足约束条件", "constraint violation: " + msg);
  }
  if (IsRetryableSqlState(sqlstate) || sqlstate == "55P03" || sqlstate == "57014" ||
      (sqlstate.starts_with("08") && sqlstate != "08P01")) {
    return Status::Unavailable("数据库繁忙，请稍后重试", "database is busy: " + msg);
  }
  return Status::Internal("postgres error: " + msg);
}

bool IsRetryableSqlState(std::string_view sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";
}

}  // namespace keyline::pg
