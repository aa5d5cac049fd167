#include "storage/repos/supervision_sql.h"

#include "storage/repos/repo_util.h"

namespace keyline::storage {

Result<int64_t> CountRows(sql::Conn& conn, const SqlBuilder& from_where) {
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                      conn.Query("SELECT COUNT(*)" + from_where.text(), from_where.params()));
  return rs.GetInt(0, 0);
}

Result<sql::ResultSet> QueryPage(sql::Conn& conn, std::string_view select_columns,
                                 const SqlBuilder& from_where, std::string_view order_expr,
                                 const Page& page) {
  std::vector<sql::Value> params = from_where.params();
  std::string sql = std::string(select_columns) + from_where.text() + " ORDER BY " +
                    std::string(order_expr) + " DESC LIMIT $" + std::to_string(params.size() + 1) +
                    " OFFSET $" + std::to_string(params.size() + 2);
  params.push_back(IntValue(std::max<int64_t>(1, std::min<int64_t>(page.limit, 20000))));
  params.push_back(IntValue(ClampOffset(page)));
  return conn.Query(sql, params);
}

}  // namespace keyline::storage
