// PersonRepository over SQL: table people. A person moving to another unit refreshes
// project_units of the projects they are assigned to.
#include "common/result.h"
#include "storage/repos/paged_list.h"
#include "storage/repos/project_units.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_PERSON_COLUMNS \
  "id, name, title, unit_id, kind, phone, active, version, created_at, updated_at"

constexpr const char* kGetSql = "SELECT " KL_PERSON_COLUMNS " FROM people WHERE id = $1";
constexpr const char* kInsertSql =
    "INSERT INTO people (name, title, unit_id, kind, phone, active, version, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE people SET name = $2, title = $3, unit_id = $4, kind = $5, phone = $6, active = $7, "
    "updated_at = $8, version = version + 1 WHERE id = $1 AND version = $9";

Result<Person> ReadPerson(const sql::ResultSet& rs, size_t row) {
  Person p;
  p.id = rs.GetInt(row, 0);
  p.name = rs.GetText(row, 1);
  p.title = rs.GetText(row, 2);
  p.unit_id = rs.GetOptInt(row, 3);
  auto kind = ParsePersonKind(rs.GetText(row, 4));
  if (!kind) return Status::Internal("unknown stored code in people.kind");
  p.kind = *kind;
  p.phone = rs.GetText(row, 5);
  p.active = rs.GetInt(row, 6) != 0;
  p.version = rs.GetInt(row, 7);
  p.created_at = rs.GetInt(row, 8);
  p.updated_at = rs.GetInt(row, 9);
  return p;
}

class SqlPersonRepository final : public PersonRepository {
 public:
  Result<PageOf<Person>> List(Tx& tx, const PersonQuery& query) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM people");
    if (query.kind) b.And("kind = ?", {TextValue(PersonKindCode(*query.kind))});
    if (query.unit_id) b.And("unit_id = ?", {IntValue(*query.unit_id)});
    if (query.text) AndContains(b, conn.dialect(), "name", "title", *query.text);
    return ListPage<Person>(conn, KL_PERSON_COLUMNS, b, query.page,
                            [](sql::ResultSet& rs, size_t row) { return ReadPerson(rs, row); });
  }

  Result<Person> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("人员", "person");
    return ReadPerson(rs, 0);
  }

  Result<int64_t> Insert(Tx& tx, const Person& p) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertSql, {TextValue(p.name), TextValue(p.title), sql::Opt(p.unit_id),
                         TextValue(PersonKindCode(p.kind)), TextValue(p.phone), BoolValue(p.active),
                         IntValue(p.created_at), IntValue(p.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO people returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const Person& p, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet before,
                        conn.Query("SELECT unit_id FROM people WHERE id = $1", {IntValue(p.id)}));
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateSql,
                  {IntValue(p.id), TextValue(p.name), TextValue(p.title), sql::Opt(p.unit_id),
                   TextValue(PersonKindCode(p.kind)), TextValue(p.phone), BoolValue(p.active),
                   IntValue(p.updated_at), IntValue(expected_version)}));
    KL_RETURN_IF_ERROR(VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM people WHERE id = $1",
                                              IntValue(p.id), "人员", "person"));
    if (!before.empty() && before.GetOptInt(0, 0) != p.unit_id) {
      return RefreshProjectUnitsForPerson(conn, p.id);
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<PersonRepository> NewSqlPersonRepository() {
  return std::make_unique<SqlPersonRepository>();
}

}  // namespace keyline::storage
