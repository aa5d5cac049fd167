// Parses the database URL given to OpenDatabase:
//   sqlite:PATH[?synchronous=normal|full]   (also sqlite://PATH; :memory: is rejected)
//   postgresql://...  or  postgres://...     (a libpq connection URI, passed through)
// Anything else is kInvalidArgument. Error messages never echo the URL (it may hold a
// password).
#pragma once

#include <string>

#include "common/result.h"
#include "storage/sql/database.h"

namespace keyline::sql {

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string sqlite_path;
  bool sqlite_synchronous_full = true;
};

Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url);

}  // namespace keyline::sql
