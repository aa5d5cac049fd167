// UserRepository over SQL: table users. unit_id 0 ("no unit", e.g. a bootstrap admin) is
// stored as NULL so the foreign key to units holds.
#include "common/result.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_USER_COLUMNS                                                             \
  "id, username, display_name, role, unit_id, person_id, password_hash, disabled, " \
  "failed_logins, locked_until, version, created_at, updated_at"

constexpr const char* kListSql = "SELECT " KL_USER_COLUMNS " FROM users ORDER BY id";
constexpr const char* kGetSql = "SELECT " KL_USER_COLUMNS " FROM users WHERE id = $1";
constexpr const char* kGetByNameSql = "SELECT " KL_USER_COLUMNS " FROM users WHERE username = $1";
constexpr const char* kInsertSql =
    "INSERT INTO users (username, display_name, role, unit_id, person_id, password_hash, "
    "disabled, failed_logins, locked_until, version, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11) RETURNING id";
constexpr const char* kUpdateSql =
    "UPDATE users SET username = $2, display_name = $3, role = $4, unit_id = $5, "
    "person_id = $6, password_hash = $7, disabled = $8, failed_logins = $9, "
    "locked_until = $10, updated_at = $11, version = version + 1 "
    "WHERE id = $1 AND version = $12";
constexpr const char* kLoginSql =
    "UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1";

sql::Value UnitValue(int64_t unit_id) { return unit_id == 0 ? sql::Null() : IntValue(unit_id); }

Result<User> ReadUser(const sql::ResultSet& rs, size_t row) {
  User u;
  u.id = rs.GetInt(row, 0);
  u.username = rs.GetText(row, 1);
  u.display_name = rs.GetText(row, 2);
  auto role = ParseRole(rs.GetText(row, 3));
  if (!role) return Status::Internal("unknown stored code in users.role");
  u.role = *role;
  u.unit_id = rs.GetInt(row, 4, 0);
  u.person_id = rs.GetOptInt(row, 5);
  u.password_hash = rs.GetText(row, 6);
  u.disabled = rs.GetInt(row, 7) != 0;
  u.failed_logins = static_cast<int>(rs.GetInt(row, 8));
  u.locked_until = rs.GetInt(row, 9);
  u.version = rs.GetInt(row, 10);
  u.created_at = rs.GetInt(row, 11);
  u.updated_at = rs.GetInt(row, 12);
  return u;
}

Result<User> FirstUser(Result<sql::ResultSet> rs) {
  if (!rs.ok()) return rs.status();
  if (rs->empty()) return NotFoundStatus("用户", "user");
  return ReadUser(*rs, 0);
}

class SqlUserRepository final : public UserRepository {
 public:
  Result<std::vector<User>> List(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kListSql, {}));
    return ReadRows<User>(rs, ReadUser);
  }

  Result<User> Get(Tx& tx, int64_t id) override {
    return FirstUser(ConnOf(tx).Query(kGetSql, {IntValue(id)}));
  }

  Result<User> GetByUsername(Tx& tx, const std::string& username) override {
    return FirstUser(ConnOf(tx).Query(kGetByNameSql, {TextValue(username)}));
  }

  Result<int64_t> Insert(Tx& tx, const User& u) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(
            kInsertSql,
            {TextValue(u.username), TextValue(u.display_name), TextValue(RoleCode(u.role)),
             UnitValue(u.unit_id), sql::Opt(u.person_id), TextValue(u.password_hash),
             BoolValue(u.disabled), IntValue(u.failed_logins), IntValue(u.locked_until),
             IntValue(u.created_at), IntValue(u.updated_at)}));
    if (rs.empty()) return Status::Internal("INSERT INTO users returned no id");
    return rs.GetInt(0, 0);
  }

  Status Update(Tx& tx, const User& u, int64_t expected_version) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(
        int64_t changed,
        conn.Exec(kUpdateSql,
                  {IntValue(u.id), TextValue(u.username), TextValue(u.display_name),
                   TextValue(RoleCode(u.role)), UnitValue(u.unit_id), sql::Opt(u.person_id),
                   TextValue(u.password_hash), BoolValue(u.disabled), IntValue(u.failed_logins),
                   IntValue(u.locked_until), IntValue(u.updated_at), IntValue(expected_version)}));
    return VersionedUpdateOutcome(conn, changed, "SELECT 1 FROM users WHERE id = $1",
                                  IntValue(u.id), "用户", "user");
  }

  Status RecordLoginResult(Tx& tx, int64_t user_id, int failed_logins,
                           int64_t locked_until) override {
    KL_ASSIGN_OR_RETURN(int64_t changed,
                        ConnOf(tx).Exec(kLoginSql, {IntValue(user_id), IntValue(failed_logins),
                                                    IntValue(locked_until)}));
    if (changed == 0) return NotFoundStatus("用户", "user");
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<UserRepository> NewSqlUserRepository() {
  return std::make_unique<SqlUserRepository>();
}

}  // namespace keyline::storage
