// SessionRepository over SQL: table sessions, keyed by the token hash.
#include "common/result.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

constexpr const char* kInsertSql =
    "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, ip, "
    "user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr const char* kGetSql =
    "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent "
    "FROM sessions WHERE id_hash = $1";
constexpr const char* kTouchSql = "UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1";
constexpr const char* kDeleteSql = "DELETE FROM sessions WHERE id_hash = $1";
constexpr const char* kDeleteForUserSql = "DELETE FROM sessions WHERE user_id = $1";
constexpr const char* kDeleteIdleSql = "DELETE FROM sessions WHERE last_seen_at < $1";

class SqlSessionRepository final : public SessionRepository {
 public:
  Status Insert(Tx& tx, const Session& s) override {
    return ConnOf(tx)
        .Exec(kInsertSql, {TextValue(s.id_hash), IntValue(s.user_id), TextValue(s.csrf_token),
                           IntValue(s.created_at), IntValue(s.last_seen_at), TextValue(s.ip),
                           TextValue(s.user_agent)})
        .status();
  }

  Result<Session> Get(Tx& tx, const std::string& id_hash) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {TextValue(id_hash)}));
    if (rs.empty()) return NotFoundStatus("会话", "session");
    Session s;
    s.id_hash = rs.GetText(0, 0);
    s.user_id = rs.GetInt(0, 1);
    s.csrf_token = rs.GetText(0, 2);
    s.created_at = rs.GetInt(0, 3);
    s.last_seen_at = rs.GetInt(0, 4);
    s.ip = rs.GetText(0, 5);
    s.user_agent = rs.GetText(0, 6);
    return s;
  }

  Status Touch(Tx& tx, const std::string& id_hash, int64_t last_seen_at) override {
    KL_ASSIGN_OR_RETURN(int64_t changed,
                        ConnOf(tx).Exec(kTouchSql, {TextValue(id_hash), IntValue(last_seen_at)}));
    if (changed == 0) return NotFoundStatus("会话", "session");
    return Status::Ok();
  }

  // Idempotent: deleting a session that is already gone is not an error.
  Status Delete(Tx& tx, const std::string& id_hash) override {
    return ConnOf(tx).Exec(kDeleteSql, {TextValue(id_hash)}).status();
  }

  Status DeleteForUser(Tx& tx, int64_t user_id) override {
    return ConnOf(tx).Exec(kDeleteForUserSql, {IntValue(user_id)}).status();
  }

  Result<int64_t> DeleteIdleBefore(Tx& tx, int64_t cutoff) override {
    return ConnOf(tx).Exec(kDeleteIdleSql, {IntValue(cutoff)});
  }
};

}  // namespace

std::unique_ptr<SessionRepository> NewSqlSessionRepository() {
  return std::make_unique<SqlSessionRepository>();
}

}  // namespace keyline::storage
