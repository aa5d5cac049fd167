// Factories of the SQL repositories of the supervision loop, and the paging helpers they
// share (newest first). Private to storage/repos; SqlStore bundles them.
#pragma once

#include <memory>
#include <string_view>

#include "common/result.h"
#include "core/ports/supervision_repositories.h"
#include "storage/repos/sql_builder.h"
#include "storage/sql/database.h"

namespace keyline::storage {

std::unique_ptr<ProcedureRepository> NewSqlProcedureRepository();
std::unique_ptr<MilestoneRepository> NewSqlMilestoneRepository();
std::unique_ptr<ProblemRepository> NewSqlProblemRepository();
std::unique_ptr<MeetingRepository> NewSqlMeetingRepository();

// SELECT COUNT(*) over from_where (" FROM ... WHERE ...").
Result<int64_t> CountRows(sql::Conn& conn, const SqlBuilder& from_where);

// select_columns + from_where + " ORDER BY <order_expr> DESC LIMIT .. OFFSET ..".
// order_expr is a constant of the caller, never input.
Result<sql::ResultSet> QueryPage(sql::Conn& conn, std::string_view select_columns,
                                 const SqlBuilder& from_where, std::string_view order_expr,
                                 const Page& page);

}  // namespace keyline::storage
