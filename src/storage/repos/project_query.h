// Builds the SQL of ProjectRepository::List and InScope from a ProjectQuery and a
// ProjectScope. The text is assembled only from constant fragments with placeholders;
// every value from the query or scope is bound. Private to storage/repos.
//
// Plan shape: with a unit filter (or a kUnit scope) the query is driven from project_units
// via its (unit_id, project_id) primary key and ordered by that project_id when sorting by id,
// so a page of 50 for one unit reads about 50 index entries instead of every project.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ports/repositories.h"
#include "storage/sql/database.h"

namespace keyline::storage {

class SqlBuilder;

struct BuiltSql {
  std::string sql;
  std::vector<sql::Value> params;
};

struct ProjectListSql {
  BuiltSql page;   // the rows of the page, KL_PROJECT_COLUMNS
  BuiltSql count;  // one row, one column: the total ignoring limit/offset
};

ProjectListSql BuildProjectListSql(sql::Dialect dialect, const ProjectQuery& query,
                                   const ProjectScope& scope);

// "SELECT <select_list> FROM ... WHERE ..." over the projects matching query within scope
// (paging and sorting ignored). The projects table is aliased p.
BuiltSql BuildProjectMatchSql(sql::Dialect dialect, const ProjectQuery& query,
                              const ProjectScope& scope, std::string_view select_list);
// One row when the project exists and is within scope, none otherwise.
BuiltSql BuildInScopeSql(int64_t project_id, const ProjectScope& scope);

// Adds the scope's conditions over a projects table aliased `p` (what List and InScope apply),
// for other repositories whose rows belong to a project.
void AndProjectInScope(SqlBuilder& b, const ProjectScope& scope);

// The code prefix covering a region and the regions below it: "61" for 610000, "6101" for
// 610100, "610113" for 610113, "610113001" for 610113001 and 610113001000.
std::string RegionPrefix(std::string_view region_code);

}  // namespace keyline::storage
