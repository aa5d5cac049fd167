// The two halves every list repository shares: a case-insensitive "contains" search over two
// text columns, and running "count + one page ordered by id" over a FROM/WHERE built with
// SqlBuilder. Private to storage/repos.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "core/ports/repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"

namespace keyline::storage {

// Adds "(first LIKE %text% OR second LIKE %text%)" with %, _ and \ in text matched
// literally; ILIKE on PostgreSQL so both databases ignore ASCII case. The column names are
// constants of the caller, never input.
void AndContains(SqlBuilder& b, sql::Dialect dialect, std::string_view first,
                 std::string_view second, std::string_view text);

// Runs SELECT COUNT(*) and SELECT <columns> ... ORDER BY id LIMIT/OFFSET over from_where
// (" FROM table WHERE ..."), reading each row with read(rs, row) -> Result<T>.
template <typename T, typename ReadRow>
Result<PageOf<T>> ListPage(sql::Conn& conn, std::string_view columns, const SqlBuilder& from_where,
                           const Page& page, ReadRow read) {
  PageOf<T> out;
  KL_ASSIGN_OR_RETURN(sql::ResultSet count,
                      conn.Query("SELECT COUNT(*)" + from_where.text(), from_where.params()));
  out.total = count.GetInt(0, 0);
  std::vector<sql::Value> params = from_where.params();
  std::string sql = "SELECT " + std::string(columns) + from_where.text() + " ORDER BY id LIMIT $" +
                    std::to_string(params.size() + 1) + " OFFSET $" +
                    std::to_string(params.size() + 2);
  params.push_back(IntValue(ClampLimit(page)));
  params.push_back(IntValue(ClampOffset(page)));
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(sql, params));
  KL_ASSIGN_OR_RETURN(out.items, ReadRows<T>(rs, read));
  return out;
}

}  // namespace keyline::storage
