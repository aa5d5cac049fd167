// InScopedProjects: the scope condition shared by the issue-8 repositories.
#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/project_query.h"

namespace keyline::storage {

SqlBuilder InScopedProjects(sql::Dialect dialect, const ProjectScope& scope,
                            std::string_view head) {
  BuiltSql ids = BuildProjectMatchSql(dialect, ProjectQuery{}, scope, "p.id");
  SqlBuilder b;
  b.mutable_params() = ids.params;
  b.Append(head);
  b.Append(ids.sql);  // built from constant fragments; its values are already bound
  b.Append(")");
  return b;
}

}  // namespace keyline::storage
