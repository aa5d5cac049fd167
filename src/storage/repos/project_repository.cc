// ProjectRepository over SQL: projects, project_stage_changes, project_assignments, and the
// project_units index kept in step with every write that can change it.
#include "common/result.h"
#include "storage/repos/project_query.h"
#include "storage/repos/project_row.h"
#include "storage/repos/project_units.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kGetSql = "SELECT " KL_PROJECT_COLUMNS " FROM projects p WHERE p.id = $1";
constexpr const char* kFindByCodeSql = "SELECT id FROM projects WHERE code = $1";
constexpr const char* kInsertSql =
    "INSERT INTO projects (name, code, parent_id, level, category, approval_regime, nature, "
    "industry_code, region_code, address, longitude, latitude, owner_unit_id, "
    "responsible_unit_id, scale_content, total_investment, funding, planned_start, "
    "planned_completion, actual_start, actual_completion, stats_status, stats_date, "
    "measurement_method, stage, warnings, owner_credit_code, created_at, updated_at, version) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, 1) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE projects SET name = $1, code = $2, parent_id = $3, level = $4, category = $5, "
    "approval_regime = $6, nature = $7, industry_code = $8, region_code = $9, address = $10, "
    "longitude = $11, latitude = $12, owner_unit_id = $13, responsible_unit_id = $14, "
    "scale_content = $15, total_investment = $16, funding = $17, planned_start = $18, "
    "planned_completion = $19, actual_start = $20, actual_completion = $21, "
    "stats_status = $22, stats_date = $23, measurement_method = $24, stage = $25, "
    "warnings = $26, owner_credit_code = $27, updated_at = $28, version = version + 1 "
    "WHERE id = $29 AND version = $30";

constexpr const char* kPersonUnitSql = "SELECT unit_id FROM people WHERE id = $1";
constexpr const char* kInsertStageSql =
    "INSERT INTO project_stage_changes (project_id, from_stage, to_stage, reason, user_id, "
    "username, at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kListStagesSql =
    "SELECT x.id, x.project_id, x.from_stage, x.to_stage, x.reason, x.user_id, x.username, x.at, "
    "COALESCE(NULLIF(u.display_name, ''), x.username) FROM project_stage_changes x "
    "LEFT JOIN users u ON u.id = x.user_id WHERE x.project_id = $1 ORDER BY x.id";

#define KL_ASSIGNMENT_COLUMNS \
  "id, project_id, role, person_id, unit_id, valid_from, valid_to, note, version, created_at"
constexpr const char* kListAssignmentsSql =
    "SELECT " KL_ASSIGNMENT_COLUMNS " FROM project_assignments WHERE project_id = $1 ORDER BY id";
constexpr const char* kGetAssignmentSql =
    "SELECT " KL_ASSIGNMENT_COLUMNS " FROM project_assignments WHERE id = $1";
constexpr const char* kInsertAssignmentSql =
    "INSERT INTO project_assignments (project_id, role, person_id, unit_id, valid_from, "
    "valid_to, note, version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) "
    "RETURNING id";
constexpr const char* kUpdateAssignmentSql =
    "UPDATE project_assignments SET project_id = $2, role = $3, person_id = $4, unit_id = $5, "
    "valid_from = $6, valid_to = $7, note = $8, version = version + 1 "
    "WHERE id = $1 AND version = $9";
constexpr const char* kDeleteAssignmentSql =
    "DELETE FROM project_assignments WHERE id = $1 RETURNING project_id";

Result<StageChange> ReadStageChange(const sql::ResultSet& rs, size_t row) {
  StageChange c;
  c.id = rs.GetInt(row, 0);
  c.project_id = rs.GetInt(row, 1);
  if (!rs.IsNull(row, 2)) {
    KL_ASSIGN_OR_RETURN(
        c.from, StoredEnum(StageTable(), rs.GetText(row, 2), "project_stage_changes.from_stage"));
  }
  KL_ASSIGN_OR_RETURN(
      c.to, StoredEnum(StageTable(), rs.GetText(row, 3), "project_stage_changes.to_stage"));
  c.reason = rs.GetText(row, 4);
  c.user_id = rs.GetInt(row, 5);
  c.username = rs.GetText(row, 6);
  c.at = rs.GetInt(row, 7);
  c.user_name = rs.GetText(row, 8);
  return c;
}

Result<Assignment> ReadAssignment(const sql::ResultSet& rs, size_t row) {
  Assignment a;
  a.id = rs.GetInt(row, 0);
  a.project_id = rs.GetInt(row, 1);
  KL_ASSIGN_OR_RETURN(
      a.role, StoredEnum(AssignmentRoleTable(), rs.GetText(row, 2), "project_assignments.role"));
  a.person_id = rs.GetOptInt(row, 3);
  a.unit_id = rs.GetOptInt(row, 4);
  a.valid_from = rs.GetOptText(row, 5);
  a.valid_to = rs.GetOptText(row, 6);
  a.note = rs.GetText(row, 7);
  a.version = rs.GetInt(row, 8);
  a.created_at = rs.GetInt(row, 9);
  return a;
}

std::vector<sql::Value> AssignmentValues(const Assignment& a) {
  return {IntValue(a.project_id), TextValue(EnumCode(AssignmentRoleTable(), a.role)),
          sql::Opt(a.person_id),  sql::Opt(a.unit_id),
          sql::Opt(a.valid_from), sql::Opt(a.valid_to),
          TextValue(a.note)};
}

class SqlProjectRepository final : public ProjectRepository {
 public:
  Result<Project> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("项目", "project");
    return ReadProject(rs, 0);
  }

  Result<std::optional<int64_t>> FindIdByCode(Tx& tx, const std::string& code) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kFindByCodeSql, {TextValue(code)}));
    if (rs.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rs.GetInt(0, 0));
  }

  Result<PageOf<Project>> List(Tx& tx, const ProjectQuery& query,
                               const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    ProjectListSql built = BuildProjectListSql(conn.dialect(), query, scope);
    PageOf<Project> page;
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(built.page.sql, built.page.params));
    KL_ASSIGN_OR_RETURN(page.items, ReadRows<Project>(rs, ReadProject));
    // A short first page already tells the total.
    if (query.page.offset <= 0 && static_cast<int64_t>(rs.size()) < ClampLimit(query.page)) {
      page.total = static_cast<int64_t>(rs.size());
      return page;
    }
    KL_ASSIGN_OR_RETURN(sql::ResultSet count, conn.Query(built.count.sql, built.count.params));
    page.total = count.GetInt(0, 0);
    return page;
  }

  Result<bool> InScope(Tx& tx, int64_t project_id, const ProjectScope& scope) override {
    BuiltSql built = BuildInScopeSql(project_id, scope);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(built.sql, built.params));
    return !rs.empty();
  }

  Result<int64_t> Insert(Tx& tx, const Project& project) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> params = ProjectValues(project);
    params.push_back(IntValue(project.created_at));
    params.push_back(IntValue(project.updated_at));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kInsertSql, params));
    if (rs.empty()) return Status::Internal("INSERT INTO projects returned no id");
    int64_t id = rs.GetInt(0, 0);
    KL_RETURN_IF_ERROR(RefreshProjectUnits(conn, id));
    return id;
  }

  Status Update(Tx& tx, const Project& project, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> params = ProjectValues(project);
    params.push_back(IntValue(project.updated_at));
    params.push_back(IntValue(project.id));
    params.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, params));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM projects WHERE id = $1",
                                              IntValue(project.id), "项目", "project"));
    return RefreshProjectUnits(conn, project.id);
  }

  Status InsertStageChange(Tx& tx, const StageChange& c) override {
    return ConnOf(tx)
        .Exec(kInsertStageSql, {IntValue(c.project_id),
                                c.from ? TextValue(EnumCode(StageTable(), *c.from)) : sql::Null(),
                                TextValue(EnumCode(StageTable(), c.to)), TextValue(c.reason),
                                IntValue(c.user_id), TextValue(c.username), IntValue(c.at)})
        .status();
  }

  Result<std::vector<StageChange>> ListStageChanges(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kListStagesSql, {IntValue(project_id)}));
    return ReadRows<StageChange>(rs, ReadStageChange);
  }

  Result<std::vector<Assignment>> ListAssignments(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kListAssignmentsSql, {IntValue(project_id)}));
    return ReadRows<Assignment>(rs, ReadAssignment);
  }

  Result<Assignment> GetAssignment(Tx& tx, int64_t assignment_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kGetAssignmentSql, {IntValue(assignment_id)}));
    if (rs.empty()) return NotFoundStatus("包抓记录", "assignment");
    return ReadAssignment(rs, 0);
  }

  Result<int64_t> InsertAssignment(Tx& tx, const Assignment& a) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> params = AssignmentValues(a);
    params.push_back(IntValue(a.created_at));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kInsertAssignmentSql, params));
    if (rs.empty()) return Status::Internal("INSERT INTO project_assignments returned no id");
    int64_t id = rs.GetInt(0, 0);
    // The project's related units change only when the assignment names a unit or a person
    // of a unit (a ledger import assigns 包抓领导 registered without one: nothing to refresh).
    bool relates_unit = a.unit_id.has_value();
    if (!relates_unit && a.person_id) {
      KL_ASSIGN_OR_RETURN(sql::ResultSet person,
                          conn.Query(kPersonUnitSql, {IntValue(*a.person_id)}));
      relates_unit = !person.empty() && person.GetOptInt(0, 0).has_value();
    }
    if (relates_unit) KL_RETURN_IF_ERROR(RefreshProjectUnits(conn, a.project_id));
    return id;
  }

  Status UpdateAssignment(Tx& tx, const Assignment& a, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet before,
        conn.Query("SELECT project_id FROM project_assignments WHERE id = $1", {IntValue(a.id)}));
    std::vector<sql::Value> params = AssignmentValues(a);
    params.insert(params.begin(), IntValue(a.id));
    params.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateAssignmentSql, params));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed,
                                              "SELECT 1 FROM project_assignments WHERE id = $1",
                                              IntValue(a.id), "包抓记录", "assignment"));
    KL_RETURN_IF_ERROR(RefreshProjectUnits(conn, a.project_id));
    int64_t old_project = before.empty() ? a.project_id : before.GetInt(0, 0);
    if (old_project != a.project_id) return RefreshProjectUnits(conn, old_project);
    return Status::Ok();
  }

  Status DeleteAssignment(Tx& tx, int64_t assignment_id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        conn.Query(kDeleteAssignmentSql, {IntValue(assignment_id)}));
    if (rs.empty()) return NotFoundStatus("包抓记录", "assignment");
    return RefreshProjectUnits(conn, rs.GetInt(0, 0));
  }
};

}  // namespace

std::unique_ptr<ProjectRepository> NewSqlProjectRepository() {
  return std::make_unique<SqlProjectRepository>();
}

}  // namespace keyline::storage
