#include <string>
#include <string_view>

#include "storage/pg/pg_database.h"
#include "storage/sql/database.h"
#include "storage/sql/database_url.h"
#include "storage/sqlite/sqlite_database.h"

namespace keyline::sql {

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url, int pool_size) {
  KL_ASSIGN_OR_RETURN(DatabaseUrl parsed, ParseDatabaseUrl(url));
  if (parsed.dialect == Dialect::kSqlite) {
    sqlite::SqliteOptions options;
    options.path = parsed.sqlite_path;
    options.synchronous_full = parsed.sqlite_synchronous_full;
    options.pool_size = pool_size;
    KL_ASSIGN_OR_RETURN(auto db, sqlite::SqliteDatabase::Open(options));
    return std::unique_ptr<Database>(std::move(db));
  }
  KL_ASSIGN_OR_RETURN(auto db, pg::PgDatabase::Open(url, pool_size));
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace keyline::sql
