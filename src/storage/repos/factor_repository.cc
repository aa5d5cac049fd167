// FactorRepository over SQL: factor_demands.
#include <string>

#include "storage/repos/funds_sql_repositories.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_FACTOR_COLUMNS                                                     \
  "f.id, f.project_id, pr.name, f.kind, f.demanded, f.guaranteed, f.due_on, " \
  "f.guaranteed_on, f.note, f.version, f.updated_by, f.updated_at"
#define KL_FACTOR_FROM " FROM factor_demands f JOIN projects pr ON pr.id = f.project_id"

constexpr const char* kOfProjectSql =
    "SELECT " KL_FACTOR_COLUMNS KL_FACTOR_FROM " WHERE f.project_id = $1 ORDER BY f.id";
constexpr const char* kFindSql =
    "SELECT " KL_FACTOR_COLUMNS KL_FACTOR_FROM " WHERE f.project_id = $1 AND f.kind = $2";
constexpr const char* kInsertSql =
    "INSERT INTO factor_demands (project_id, kind, demanded, guaranteed, due_on, guaranteed_on, "
    "note, version, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) "
    "RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE factor_demands SET project_id = $1, kind = $2, demanded = $3, guaranteed = $4, "
    "due_on = $5, guaranteed_on = $6, note = $7, updated_by = $8, updated_at = $9, "
    "version = version + 1 WHERE id = $10 AND version = $11";
constexpr const char* kExistsSql = "SELECT 1 FROM factor_demands WHERE id = $1";
constexpr const char* kOverdueHead =
    "SELECT " KL_FACTOR_COLUMNS KL_FACTOR_FROM " WHERE f.project_id IN (";
constexpr const char* kOverdueTail =
    " AND f.guaranteed < f.demanded AND f.due_on IS NOT NULL AND f.due_on < ? "
    "ORDER BY f.due_on, f.id";

Result<FactorDemand> ReadFactor(sql::ResultSet& rs, size_t row) {
  FactorDemand f;
  f.id = rs.GetInt(row, 0);
  f.project_id = rs.GetInt(row, 1);
  f.project_name = rs.TakeText(row, 2);
  KL_ASSIGN_OR_RETURN(f.kind,
                      StoredEnum(FactorKindTable(), rs.GetText(row, 3), "factor_demands.kind"));
  f.demanded = rs.GetInt(row, 4);
  f.guaranteed = rs.GetInt(row, 5);
  f.due_on = rs.TakeOptText(row, 6);
  f.guaranteed_on = rs.TakeOptText(row, 7);
  f.note = rs.TakeText(row, 8);
  f.version = rs.GetInt(row, 9);
  f.updated_by = rs.GetInt(row, 10);
  f.updated_at = rs.GetInt(row, 11);
  return f;
}

std::vector<sql::Value> FactorValues(const FactorDemand& f) {
  return {IntValue(f.project_id), TextValue(EnumCode(FactorKindTable(), f.kind)),
          IntValue(f.demanded),   IntValue(f.guaranteed),
          sql::Opt(f.due_on),     sql::Opt(f.guaranteed_on),
          TextValue(f.note),      IntValue(f.updated_by),
          IntValue(f.updated_at)};
}

class SqlFactorRepository final : public FactorRepository {
 public:
  Result<std::vector<FactorDemand>> OfProject(Tx& tx, int64_t project_id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kOfProjectSql, {IntValue(project_id)}));
    return ReadRows<FactorDemand>(rs, ReadFactor);
  }

  Result<std::optional<FactorDemand>> Find(Tx& tx, int64_t project_id, FactorKind kind) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kFindSql, {IntValue(project_id),
                                                    TextValue(EnumCode(FactorKindTable(), kind))}));
    if (rs.empty()) return std::optional<FactorDemand>();
    KL_ASSIGN_OR_RETURN(FactorDemand f, ReadFactor(rs, 0));
    return std::optional<FactorDemand>(std::move(f));
  }

  Result<int64_t> Insert(Tx& tx, const FactorDemand& f) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kInsertSql, FactorValues(f)));
    if (rs.empty()) return Status::Internal("INSERT INTO factor_demands returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const FactorDemand& f, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    std::vector<sql::Value> values = FactorValues(f);
    values.push_back(IntValue(f.id));
    values.push_back(IntValue(expected_version));
    KL_ASSIGN_OR_RETURN(int64_t changed, conn.Exec(kUpdateSql, values));
    return VersionedUpdateOutcome(conn, changed, kExistsSql, IntValue(f.id), "要素保障",
                                  "factor demand");
  }

  Result<std::vector<FactorDemand>> Overdue(Tx& tx, const ProjectScope& scope,
                                            const std::string& today) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b = InScopedProjects(conn.dialect(), scope, kOverdueHead);
    b.Append(kOverdueTail, {TextValue(today)});
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(b.text(), b.params()));
    return ReadRows<FactorDemand>(rs, ReadFactor);
  }
};

}  // namespace

std::unique_ptr<FactorRepository> NewSqlFactorRepository() {
  return std::make_unique<SqlFactorRepository>();
}

}  // namespace keyline::storage
