#include "storage/repos/project_units.h"

#include "common/result.h"

namespace keyline::storage {
namespace {

constexpr const char* kUncountSql = R"sql(
UPDATE project_unit_counts SET n = n - 1
FROM project_units pu
WHERE pu.project_id = $1 AND pu.unit_id = project_unit_counts.unit_id
  AND pu.stage = project_unit_counts.stage
)sql";

constexpr const char* kDeleteSql = "DELETE FROM project_units WHERE project_id = $1";

constexpr const char* kCountSql = R"sql(
INSERT INTO project_unit_counts (unit_id, stage, n)
SELECT unit_id, stage, 1 FROM project_units WHERE project_id = $1
ON CONFLICT (unit_id, stage) DO UPDATE SET n = project_unit_counts.n + 1
)sql";

constexpr const char* kInsertSql = R"sql(
INSERT INTO project_units (project_id, unit_id, stage)
SELECT CAST($1 AS BIGINT), u, (SELECT stage FROM projects WHERE id = $1) FROM (
  SELECT owner_unit_id AS u FROM projects WHERE id = $1 AND owner_unit_id IS NOT NULL
  UNION
  SELECT responsible_unit_id FROM projects WHERE id = $1 AND responsible_unit_id IS NOT NULL
  UNION
  SELECT unit_id FROM project_assignments WHERE project_id = $1 AND unit_id IS NOT NULL
  UNION
  SELECT pe.unit_id FROM project_assignments a JOIN people pe ON pe.id = a.person_id
   WHERE a.project_id = $1 AND pe.unit_id IS NOT NULL
) related
)sql";

}  // namespace

Status RefreshProjectUnits(sql::Conn& conn, int64_t project_id) {
  KL_RETURN_IF_ERROR(conn.Exec(kUncountSql, {sql::Value(project_id)}).status());
  KL_RETURN_IF_ERROR(conn.Exec(kDeleteSql, {sql::Value(project_id)}).status());
  KL_RETURN_IF_ERROR(conn.Exec(kInsertSql, {sql::Value(project_id)}).status());
  return conn.Exec(kCountSql, {sql::Value(project_id)}).status();
}

Status RefreshProjectUnitsForPerson(sql::Conn& conn, int64_t person_id) {
  KL_ASSIGN_OR_RETURN(
      sql::ResultSet rs,
      conn.Query("SELECT DISTINCT project_id FROM project_assignments WHERE person_id = $1",
                 {sql::Value(person_id)}));
  for (size_t i = 0; i < rs.size(); ++i) {
    KL_RETURN_IF_ERROR(RefreshProjectUnits(conn, rs.GetInt(i, 0)));
  }
  return Status::Ok();
}

}  // namespace keyline::storage
