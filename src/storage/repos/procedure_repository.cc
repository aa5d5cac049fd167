// ProcedureRepository over SQL: procedure_templates with procedure_template_items, and
// project_procedures.
#include "core/ports/supervision_repositories.h"
#include "storage/repos/project_query.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"
#include "storage/repos/supervision_sql.h"

namespace keyline::storage {
namespace {

constexpr const char* kListTemplatesSql =
    "SELECT id, name, regime, category, builtin, version, created_at, updated_at "
    "FROM procedure_templates ORDER BY id";
constexpr const char* kGetTemplateSql =
    "SELECT id, name, regime, category, builtin, version, created_at, updated_at "
    "FROM procedure_templates WHERE id = $1";
constexpr const char* kInsertTemplateSql =
    "INSERT INTO procedure_templates (name, regime, category, builtin, version, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id";
constexpr const char* kUpdateTemplateSql =
    "UPDATE procedure_templates SET name = $2, regime = $3, category = $4, updated_at = $5, "
    "version = version + 1 WHERE id = $1 AND version = $6";
constexpr const char* kItemsSql =
    "SELECT code, name, authority, limit_days, parallel, tolerance, commitment "
    "FROM procedure_template_items WHERE template_id = $1 ORDER BY seq";
constexpr const char* kDeleteItemsSql =
    "DELETE FROM procedure_template_items WHERE template_id = $1";
constexpr const char* kInsertItemSql =
    "INSERT INTO procedure_template_items (template_id, seq, code, name, authority, limit_days, "
    "parallel, tolerance, commitment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

#define KL_PROCEDURE_COLUMNS                                                               \
  "pp.id, pp.project_id, pp.template_id, pp.seq, pp.code, pp.name, pp.authority, "         \
  "pp.limit_days, pp.parallel, pp.tolerance, pp.commitment, pp.status, pp.planned_start, " \
  "pp.planned_due, pp.actual_start, pp.actual_done, pp.doc_number, "                       \
  "pp.note, pp.version, pp.created_at, pp.updated_at"
constexpr const char* kListForProjectSql =
    "SELECT " KL_PROCEDURE_COLUMNS
    " FROM project_procedures pp WHERE pp.project_id = $1 ORDER BY pp.seq, pp.id";
constexpr const char* kGetSql =
    "SELECT " KL_PROCEDURE_COLUMNS " FROM project_procedures pp WHERE pp.id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO project_procedures (project_id, template_id, seq, code, name, authority, "
    "limit_days, parallel, tolerance, commitment, status, planned_start, planned_due, "
    "actual_start, actual_done, doc_number, note, created_at, updated_at, version) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, 1) "
    "RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE project_procedures SET project_id = $1, template_id = $2, seq = $3, code = $4, "
    "name = $5, authority = $6, limit_days = $7, parallel = $8, tolerance = $9, "
    "commitment = $10, status = $11, planned_start = $12, planned_due = $13, actual_start = $14, "
    "actual_done = $15, doc_number = $16, note = $17, created_at = $18, updated_at = $19, "
    "version = version + 1 WHERE id = $20 AND version = $21";
constexpr const char* kDeleteSql = "DELETE FROM project_procedures WHERE id = $1";

Result<ProcedureTemplate> ReadTemplate(sql::ResultSet& rs, size_t row) {
  ProcedureTemplate t;
  t.id = rs.GetInt(row, 0);
  t.name = rs.TakeText(row, 1);
  KL_ASSIGN_OR_RETURN(t.regime, StoredEnum(ApprovalRegimeTable(), rs.GetText(row, 2),
                                           "procedure_templates.regime"));
  if (auto category = rs.GetOptText(row, 3)) {
    KL_ASSIGN_OR_RETURN(
        t.category, StoredEnum(ProjectCategoryTable(), *category, "procedure_templates.category"));
  }
  t.builtin = rs.GetInt(row, 4) != 0;
  t.version = rs.GetInt(row, 5);
  t.created_at = rs.GetInt(row, 6);
  t.updated_at = rs.GetInt(row, 7);
  return t;
}

Status LoadItems(sql::Conn& conn, ProcedureTemplate* t) {
  KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kItemsSql, {IntValue(t->id)}));
  t->items.clear();
  for (size_t i = 0; i < rs.size(); ++i) {
    t->items.push_back({rs.TakeText(i, 0), rs.TakeText(i, 1), rs.TakeText(i, 2),
                        static_cast<int>(rs.GetInt(i, 3)), rs.GetInt(i, 4) != 0,
                        rs.GetInt(i, 5) != 0, rs.GetInt(i, 6) != 0});
  }
  return Status::Ok();
}

Status WriteItems(sql::Conn& conn, const ProcedureTemplate& t, int64_t id) {
  int64_t seq = 0;
  for (const ProcedureTemplateItem& item : t.items) {
    KL_RETURN_IF_ERROR(
        conn.Exec(kInsertItemSql,
                  {IntValue(id), IntValue(++seq), TextValue(item.code), TextValue(item.name),
                   TextValue(item.authority), IntValue(item.limit_days), BoolValue(item.parallel),
                   BoolValue(item.tolerance), BoolValue(item.commitment)})
            .status());
  }
  return Status::Ok();
}

sql::Value OptCategory(const std::optional<ProjectCategory>& c) {
  return c ? TextValue(EnumCode(ProjectCategoryTable(), *c)) : sql::Null();
}

Result<ProjectProcedure> ReadProcedure(sql::ResultSet& rs, size_t row) {
  ProjectProcedure p;
  int c = 0;
  p.id = rs.GetInt(row, c++);
  p.project_id = rs.GetInt(row, c++);
  p.template_id = rs.GetOptInt(row, c++);
  p.seq = static_cast<int>(rs.GetInt(row, c++));
  p.code = rs.TakeText(row, c++);
  p.name = rs.TakeText(row, c++);
  p.authority = rs.TakeText(row, c++);
  p.limit_days = static_cast<int>(rs.GetInt(row, c++));
  p.parallel = rs.GetInt(row, c++) != 0;
  p.tolerance = rs.GetInt(row, c++) != 0;
  p.commitment = rs.GetInt(row, c++) != 0;
  KL_ASSIGN_OR_RETURN(p.status, StoredEnum(ProcedureStatusTable(), rs.GetText(row, c++),
                                           "project_procedures.status"));
  p.planned_start = rs.TakeOptText(row, c++);
  p.planned_due = rs.TakeOptText(row, c++);
  p.actual_start = rs.TakeOptText(row, c++);
  p.actual_done = rs.TakeOptText(row, c++);
  p.doc_number = rs.TakeText(row, c++);
  p.note = rs.TakeText(row, c++);
  p.version = rs.GetInt(row, c++);
  p.created_at = rs.GetInt(row, c++);
  p.updated_at = rs.GetInt(row, c++);
  return p;
}

std::vector<sql::Value> ProcedureValues(const ProjectProcedure& p) {
  return {IntValue(p.project_id),
          sql::Opt(p.template_id),
          IntValue(p.seq),
          TextValue(p.code),
          TextValue(p.name),
          TextValue(p.authority),
          IntValue(p.limit_days),
          BoolValue(p.parallel),
          BoolValue(p.tolerance),
          BoolValue(p.commitment),
          TextValue(EnumCode(ProcedureStatusTable(), p.status)),
          sql::Opt(p.planned_start),
          sql::Opt(p.planned_due),
          sql::Opt(p.actual_start),
          sql::Opt(p.actual_done),
          TextValue(p.doc_number),
          TextValue(p.note),
          IntValue(p.created_at),
          IntValue(p.updated_at)};
}

class SqlProcedureRepository final : public ProcedureRepository {
 public:
  Result<std::vector<ProcedureTemplate>> ListTemplates(Tx& tx) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kListTemplatesSql, {}));
    KL_ASSIGN_OR_RETURN(auto out, ReadRows<ProcedureTemplate>(rs, ReadTemplate));
    for (auto& t : out) KL_RETURN_IF_ERROR(LoadItems(conn, &t));
    return out;
  }

  Result<ProcedureTemplate> GetTemplate(Tx& tx, int64_t id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kGetTemplateSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("手续模板", "procedure template");
    KL_ASSIGN_OR_RETURN(ProcedureTemplate t, ReadTemplate(rs, 0));
    KL_RETURN_IF_ERROR(LoadItems(conn, &t));
    return t;
  }

  Result<int64_t> InsertTemplate(Tx& tx, const ProcedureTemplate& t) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        conn.Query(kInsertTemplateSql,
                   {TextValue(t.name), TextValue(EnumCode(ApprovalRegimeTable(), t.regime)),
                    OptCategory(t.category), BoolValue(t.builtin), IntValue(t.created_at),
                    IntValue(t.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO procedure_templates returned no id");
    int64_t id = rs.GetInt(0, 0);
    KL_RETURN_IF_ERROR(WriteItems(conn, t, id));
    return id;
  }

  Status UpdateTemplate(Tx& tx, const ProcedureTemplate& t, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateTemplateSql,
                  {IntValue(t.id), TextValue(t.name),
                   TextValue(EnumCode(ApprovalRegimeTable(), t.regime)), OptCategory(t.category),
                   IntValue(t.updated_at), IntValue(expected_version)}));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed,
                                              "SELECT 1 FROM procedure_templates WHERE id = $1",
                                              IntValue(t.id), "手续模板", "procedure template"));
    KL_RETURN_IF_ERROR(conn.Exec(kDeleteItemsSql, {IntValue(t.id)}).status());
    return WriteItems(conn, t, t.id);
  }

  Result<std::vector<ProjectProcedure>> ListForProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kListForProjectSql, {IntValue(project_id)}));
    return ReadRows<ProjectProcedure>(rs, ReadProcedure);
  }

  Result<ProjectProcedure> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("手续", "procedure");
    return ReadProcedure(rs, 0);
  }

  Result<int64_t> Insert(Tx& tx, const ProjectProcedure& p) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, ProcedureValues(p)));
    if (rs.empty()) return Status::Internal("INSERT INTO project_procedures returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const ProjectProcedure& p, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = ProcedureValues(p);
    values.push_back(IntValue(p.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM project_procedures WHERE id = $1",
                                  IntValue(p.id), "手续", "procedure");
  }

  Status Delete(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(int64_t changed, ConnOf(tx).Exec(kDeleteSql, {IntValue(id)}));
    if (changed == 0) return NotFoundStatus("手续", "procedure");
    return Status::Ok();
  }

  Result<std::vector<ProjectProcedure>> ListOverdue(
      Tx& tx, const std::string& today, const ProjectScope& scope,
      const std::optional<std::string>& authority) override {
    SqlBuilder b;
    b.Append(" FROM project_procedures pp JOIN projects p ON p.id = pp.project_id");
    b.And("pp.status IN ('not_started', 'in_progress')");
    b.And("pp.planned_due < ?", {TextValue(today)});
    if (authority) b.And("pp.authority = ?", {TextValue(*authority)});
    AndProjectInScope(b, scope);
    std::vector<sql::Value> params = b.params();
    std::string sql =
        "SELECT " KL_PROCEDURE_COLUMNS + b.text() + " ORDER BY pp.planned_due, pp.id LIMIT 5000";
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(sql, params));
    return ReadRows<ProjectProcedure>(rs, ReadProcedure);
  }
};

}  // namespace

std::unique_ptr<ProcedureRepository> NewSqlProcedureRepository() {
  return std::make_unique<SqlProcedureRepository>();
}

}  // namespace keyline::storage
