#include "storage/sqlite/sqlite_errors.h"

#include <sqlite3.h>

#include <string>

namespace keyline::sqlite {

Status SqliteError(int extended_code, std::string_view sqlite_message) {
  std::string msg(sqlite_message);
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Status::Conflict("记录已存在（唯一性冲突）", "duplicate key: " + msg);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Status::Conflict("关联记录不存在或仍被引用", "foreign key violation: " + msg);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Status::InvalidArgument("数据不满足约束条件", "constraint violation: " + msg);
    default:
      break;
  }
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable("数据库繁忙，请稍后重试", "database is busy: " + msg);
    default:
      return Status::Internal("sqlite error " + std::to_string(extended_code) + ": " + msg);
  }
}

}  // namespace keyline::sqlite
