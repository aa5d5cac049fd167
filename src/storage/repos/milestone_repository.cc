// MilestoneRepository over SQL: table milestones (the battle chart's tasks).
#include "core/ports/supervision_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"

namespace keyline::storage {
namespace {

#define KL_MILESTONE_COLUMNS                                                           \
  "id, project_id, title, planned_date, responsible_person_id, supervisor_person_id, " \
  "done_on, note, version, created_at, updated_at"
constexpr const char* kListSql = "SELECT " KL_MILESTONE_COLUMNS
                                 " FROM milestones WHERE project_id = $1 "
                                 "ORDER BY planned_date, id";
constexpr const char* kGetSql = "SELECT " KL_MILESTONE_COLUMNS " FROM milestones WHERE id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO milestones (project_id, title, planned_date, responsible_person_id, "
    "supervisor_person_id, done_on, note, created_at, updated_at, version) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, 1) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE milestones SET project_id = $1, title = $2, planned_date = $3, "
    "responsible_person_id = $4, supervisor_person_id = $5, done_on = $6, note = $7, "
    "created_at = $8, updated_at = $9, version = version + 1 WHERE id = $10 AND version = $11";
constexpr const char* kDeleteSql = "DELETE FROM milestones WHERE id = $1";

Result<Milestone> ReadMilestone(sql::ResultSet& rs, size_t row) {
  Milestone m;
  m.id = rs.GetInt(row, 0);
  m.project_id = rs.GetInt(row, 1);
  m.title = rs.TakeText(row, 2);
  m.planned_date = rs.TakeText(row, 3);
  m.responsible_person_id = rs.GetOptInt(row, 4);
  m.supervisor_person_id = rs.GetOptInt(row, 5);
  m.done_on = rs.TakeOptText(row, 6);
  m.note = rs.TakeText(row, 7);
  m.version = rs.GetInt(row, 8);
  m.created_at = rs.GetInt(row, 9);
  m.updated_at = rs.GetInt(row, 10);
  return m;
}

std::vector<sql::Value> MilestoneValues(const Milestone& m) {
  return {IntValue(m.project_id),
          TextValue(m.title),
          TextValue(m.planned_date),
          sql::Opt(m.responsible_person_id),
          sql::Opt(m.supervisor_person_id),
          sql::Opt(m.done_on),
          TextValue(m.note),
          IntValue(m.created_at),
          IntValue(m.updated_at)};
}

class SqlMilestoneRepository final : public MilestoneRepository {
 public:
  Result<std::vector<Milestone>> ListForProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kListSql, {IntValue(project_id)}));
    return ReadRows<Milestone>(rs, ReadMilestone);
  }

  Result<Milestone> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("作战任务", "battle-chart task");
    return ReadMilestone(rs, 0);
  }

  Result<int64_t> Insert(Tx& tx, const Milestone& m) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, MilestoneValues(m)));
    if (rs.empty()) return Status::Internal("INSERT INTO milestones returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Milestone& m, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = MilestoneValues(m);
    values.push_back(IntValue(m.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM milestones WHERE id = $1",
                                  IntValue(m.id), "作战任务", "battle-chart task");
  }

  Status Delete(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(kDeleteSql, {IntValue(id)}));
    if (changed == 0) return NotFoundStatus("作战任务", "battle-chart task");
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<MilestoneRepository> NewSqlMilestoneRepository() {
  return std::make_unique<SqlMilestoneRepository>();
}

}  // namespace keyline::storage
