// KeyListRepository over SQL: key_list_changes.
#include <string>

#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_CHANGE_COLUMNS                                                              \
  "c.id, c.year, c.level, c.project_id, pr.name, c.action, c.effective_on, c.reason, " \
  "c.status, c.proposed_by, c.proposed_by_name, c.proposed_at, c.decided_by, "         \
  "c.decided_by_name, c.decided_at, c.decision_note"

constexpr const char* kGetSql =
    "SELECT " KL_CHANGE_COLUMNS
    " FROM key_list_changes c JOIN projects pr ON pr.id = c.project_id WHERE c.id = $1";
constexpr const char* kChangesHead =
    "SELECT " KL_CHANGE_COLUMNS
    " FROM key_list_changes c JOIN projects pr ON pr.id = c.project_id WHERE c.project_id IN (";
constexpr const char* kChangesTail =
    " AND c.year = ? AND c.level = ? ORDER BY c.effective_on, c.id";
constexpr const char* kInsertSql =
    "INSERT INTO key_list_changes (year, level, project_id, action, effective_on, reason, "
    "status, proposed_by, proposed_by_name, proposed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9, $10) RETURNING id";
constexpr const char* kDecideSql =
    "UPDATE key_list_changes SET status = $2, decided_by = $3, decided_by_name = $4, "
    "decided_at = $5, decision_note = $6 WHERE id = $1 AND status = 'pending'";

Result<KeyListChange> ReadChange(sql::ResultSet& rs, size_t row) {
  KeyListChange c;
  c.id = rs.GetInt(row, 0);
  c.year = static_cast<int>(rs.GetInt(row, 1));
  KL_ASSIGN_OR_RETURN(
      c.level, StoredEnum(KeyListLevelTable(), rs.GetText(row, 2), "key_list_changes.level"));
  c.project_id = rs.GetInt(row, 3);
  c.project_name = rs.TakeText(row, 4);
  KL_ASSIGN_OR_RETURN(
      c.action, StoredEnum(KeyListActionTable(), rs.GetText(row, 5), "key_list_changes.action"));
  c.effective_on = rs.TakeText(row, 6);
  c.reason = rs.TakeText(row, 7);
  KL_ASSIGN_OR_RETURN(
      c.status, StoredEnum(ChangeStatusTable(), rs.GetText(row, 8), "key_list_changes.status"));
  c.proposed_by = rs.GetInt(row, 9);
  c.proposed_by_name = rs.TakeText(row, 10);
  c.proposed_at = rs.GetInt(row, 11);
  c.decided_by = rs.GetOptInt(row, 12);
  c.decided_by_name = rs.TakeText(row, 13);
  c.decided_at = rs.GetOptInt(row, 14);
  c.decision_note = rs.TakeText(row, 15);
  return c;
}

class SqlKeyListRepository final : public KeyListRepository {
 public:
  Result<std::vector<KeyListChange>> Changes(Tx& tx, int year, ProjectLevel level,
                                             const ProjectScope& scope) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = InScopedProjects(conn.dialect(), scope, kChangesHead);
    b.Append(kChangesTail, {IntValue(year), TextValue(EnumCode(KeyListLevelTable(), level))});
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(b.text(), b.params()));
    return ReadRows<KeyListChange>(rs, ReadChange);
  }

  Result<KeyListChange> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("名单调整", "key-list change");
    return ReadChange(rs, 0);
  }

  Result<int64_t> Insert(Tx& tx, const KeyListChange& c) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertSql,
            {IntValue(c.year), TextValue(EnumCode(KeyListLevelTable(), c.level)),
             IntValue(c.project_id), TextValue(EnumCode(KeyListActionTable(), c.action)),
             TextValue(c.effective_on), TextValue(c.reason),
             TextValue(EnumCode(ChangeStatusTable(), c.status)), IntValue(c.proposed_by),
             TextValue(c.proposed_by_name), IntValue(c.proposed_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO key_list_changes returned no id");
    return rs.GetInt(0, 0);
  }

  Status Decide(Tx& tx, const KeyListChange& c) override {
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        ConnOf(tx).Exec(kDecideSql,
                        {IntValue(c.id), TextValue(EnumCode(ChangeStatusTable(), c.status)),
                         sql::Opt(c.decided_by), TextValue(c.decided_by_name),
                         sql::Opt(c.decided_at), TextValue(c.decision_note)}));
    if (changed == 0) {
      return Status::Conflict("该调整已审核，不能再次审核", "this change was already decided");
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<KeyListRepository> NewSqlKeyListRepository() {
  return std::make_unique<SqlKeyListRepository>();
}

}  // namespace keyline::storage
