// UnitRepository over SQL: table units.
#include "common/result.h"
#include "storage/repos/paged_list.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_UNIT_COLUMNS                                                                         \
  "id, name, kind, credit_code, region_code, parent_id, contact, active, version, created_at, " \
  "updated_at"

constexpr const char* kGetSql = "SELECT " KL_UNIT_COLUMNS " FROM units WHERE id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO units (name, kind, credit_code, region_code, parent_id, contact, active, "
    "version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9) "
    "RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE units SET name = $2, kind = $3, credit_code = $4, region_code = $5, parent_id = $6, "
    "contact = $7, active = $8, updated_at = $9, version = version + 1 "
    "WHERE id = $1 AND version = $10";

Result<Unit> ReadUnit(const sql::ResultSet& rs, size_t row) {
  Unit u;
  u.id = rs.GetInt(row, 0);
  u.name = rs.GetText(row, 1);
  auto kind = ParseUnitKind(rs.GetText(row, 2));
  if (!kind) return Status::Internal("unknown stored code in units.kind");
  u.kind = *kind;
  u.credit_code = rs.GetOptText(row, 3);
  u.region_code = rs.GetOptText(row, 4);
  u.parent_id = rs.GetOptInt(row, 5);
  u.contact = rs.GetText(row, 6);
  u.active = rs.GetInt(row, 7) != 0;
  u.version = rs.GetInt(row, 8);
  u.created_at = rs.GetInt(row, 9);
  u.updated_at = rs.GetInt(row, 10);
  return u;
}

class SqlUnitRepository final : public UnitRepository {
 public:
  Result<PageOf<Unit>> List(Tx& tx, const UnitQuery& query) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM units");
    if (query.kind) b.And("kind = ?", {TextValue(UnitKindCode(*query.kind))});
    if (query.text) AndContains(b, conn.dialect(), "name", "credit_code", *query.text);
    return ListPage<Unit>(conn, KL_UNIT_COLUMNS, b, query.page,
                          [](sql::ResultSet& rs, size_t row) { return ReadUnit(rs, row); });
  }

  Result<Unit> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("单位", "unit");
    return ReadUnit(rs, 0);
  }

  Result<int64_t> Insert(Tx& tx, const Unit& u) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertSql,
            {TextValue(u.name), TextValue(UnitKindCode(u.kind)), sql::Opt(u.credit_code),
             sql::Opt(u.region_code), sql::Opt(u.parent_id), TextValue(u.contact),
             BoolValue(u.active), IntValue(u.created_at), IntValue(u.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO units returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Unit& u, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateSql, {IntValue(u.id), TextValue(u.name), TextValue(UnitKindCode(u.kind)),
                               sql::Opt(u.credit_code), sql::Opt(u.region_code),
                               sql::Opt(u.parent_id), TextValue(u.contact), BoolValue(u.active),
                               IntValue(u.updated_at), IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM units WHERE id = $1",
                                  IntValue(u.id), "单位", "unit");
  }
};

}  // namespace

std::unique_ptr<UnitRepository> NewSqlUnitRepository() {
  return std::make_unique<SqlUnitRepository>();
}

}  // namespace keyline::storage
