// AuditRepository over SQL: the append-only, hash-chained audit_log (UPDATE and DELETE are
// refused by triggers installed by the migrations; project_id and lead_id from migration 16).
#include "common/result.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_builder.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_AUDIT_COLUMNS                                                                      \
  "id, at, user_id, username, role, ip, request_id, action, entity, entity_id, before_json, " \
  "after_json, prev_hash, hash, project_id, lead_id, COALESCE((SELECT "                       \
  "NULLIF(users.display_name, '') FROM users WHERE users.id = audit_log.user_id), username)"

// Any constant: the key of the advisory lock serialising audit appenders on PostgreSQL.
constexpr int64_t kAuditLockKey = 0x4b4c415544;  // "KLAUD"
constexpr const char* kTailSql = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr const char* kCountSql = "SELECT COUNT(*) FROM audit_log";
// Column list shared by both inserts; $1 is the id in kAppendWithIdSql only.
#define KL_AUDIT_INSERT_COLUMNS                                                           \
  "at, user_id, username, role, ip, request_id, action, entity, entity_id, before_json, " \
  "after_json, prev_hash, hash, project_id, lead_id"
constexpr const char* kAppendSql =
    "INSERT INTO audit_log (" KL_AUDIT_INSERT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id";
constexpr const char* kAppendWithIdSql =
    "INSERT INTO audit_log (id, " KL_AUDIT_INSERT_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
    "RETURNING id";
constexpr const char* kScanSql =
    "SELECT " KL_AUDIT_COLUMNS " FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2";
constexpr int64_t kScanBatch = 500;

AuditEvent ReadEvent(const sql::ResultSet& rs, size_t row) {
  AuditEvent e;
  e.id = rs.GetInt(row, 0);
  e.at = rs.GetInt(row, 1);
  e.user_id = rs.GetInt(row, 2);
  e.username = rs.GetText(row, 3);
  e.role = rs.GetText(row, 4);
  e.ip = rs.GetText(row, 5);
  e.request_id = rs.GetText(row, 6);
  e.action = rs.GetText(row, 7);
  e.entity = rs.GetText(row, 8);
  e.entity_id = rs.GetText(row, 9);
  e.before_json = rs.GetText(row, 10);
  e.after_json = rs.GetText(row, 11);
  e.prev_hash = rs.GetText(row, 12);
  e.hash = rs.GetText(row, 13);
  e.project_id = rs.GetInt(row, 14);
  e.lead_id = rs.GetInt(row, 15);
  e.user_name = rs.GetText(row, 16);  // read only, not part of the hash
  return e;
}

class SqlAuditRepository final : public AuditRepository {
 public:
  Result<std::optional<std::string>> LockTail(Tx& tx) override {
    KL_ASSIGN_OR_RETURN(auto head, LockHead(tx));
    if (!head) return std::optional<std::string>();
    return std::optional<std::string>(std::move(head->second));
  }

  Result<std::optional<std::pair<int64_t, std::string>>> LockHead(Tx& tx) override {
    sql::Conn& conn = ConnOf(tx);
    // SQLite write transactions are already serialised.
    if (conn.dialect() == sql::Dialect::kPostgres) {
      KL_RETURN_IF_ERROR(
          conn.Query("SELECT pg_advisory_xact_lock($1)", {IntValue(kAuditLockKey)}).status());
    }
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kTailSql, {}));
    if (rs.empty()) return std::optional<std::pair<int64_t, std::string>>();
    return std::optional<std::pair<int64_t, std::string>>(
        std::make_pair(rs.GetInt(0, 0), rs.GetText(0, 1)));
  }

  Result<AuditHead> ReadHead(Tx& tx) override {
    sql::Conn& conn = ConnOf(tx);
    AuditHead head;
    KL_ASSIGN_OR_RETURN(sql::ResultSet tail, conn.Query(kTailSql, {}));
    if (tail.empty()) return head;
    KL_ASSIGN_OR_RETURN(sql::ResultSet count, conn.Query(kCountSql, {}));
    head.count = count.GetInt(0, 0);
    head.last_id = tail.GetInt(0, 0);
    head.hash = tail.GetText(0, 1);
    return head;
  }

  Result<int64_t> Append(Tx& tx, const AuditEvent& e) override {
    std::vector<sql::Value> params;
    params.reserve(16);
    if (e.id > 0) params.push_back(IntValue(e.id));
    for (sql::Value v :
         {IntValue(e.at), IntValue(e.user_id), TextValue(e.username), TextValue(e.role),
          TextValue(e.ip), TextValue(e.request_id), TextValue(e.action), TextValue(e.entity),
          TextValue(e.entity_id), TextValue(e.before_json), TextValue(e.after_json),
          TextValue(e.prev_hash), TextValue(e.hash), IntValue(e.project_id), IntValue(e.lead_id)}) {
      params.push_back(std::move(v));
    }
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(e.id > 0 ? kAppendWithIdSql : kAppendSql, params));
    if (rs.empty()) return Status::Internal("INSERT INTO audit_log returned no id");
    return rs.GetInt(0, 0);
  }

  Result<PageOf<AuditEvent>> List(Tx& tx, const AuditQuery& q) override {
    sql::Conn& conn = ConnOf(tx);
    SqlBuilder b;
    b.Append(" FROM audit_log");
    if (q.entity) b.And("entity = ?", {TextValue(*q.entity)});
    if (q.entity_id) b.And("entity_id = ?", {TextValue(*q.entity_id)});
    if (q.user_id) b.And("user_id = ?", {IntValue(*q.user_id)});
    if (q.since) b.And("at >= ?", {IntValue(*q.since)});
    if (q.until) b.And("at < ?", {IntValue(*q.until)});
    PageOf<AuditEvent> page;
    KL_ASSIGN_OR_RETURN(sql::ResultSet count, conn.Query("SELECT COUNT(*)" + b.text(), b.params()));
    page.total = count.GetInt(0, 0);
    std::vector<sql::Value> params = b.params();
    std::string sql = "SELECT " KL_AUDIT_COLUMNS + b.text() + " ORDER BY id DESC LIMIT $" +
                      std::to_string(params.size() + 1) + " OFFSET $" +
                      std::to_string(params.size() + 2);
    params.push_back(IntValue(ClampLimit(q.page)));
    params.push_back(IntValue(ClampOffset(q.page)));
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(sql, params));
    page.items.reserve(rs.size());
    for (size_t i = 0; i < rs.size(); ++i) page.items.push_back(ReadEvent(rs, i));
    return page;
  }

  Status Scan(Tx& tx, const std::function<bool(const AuditEvent&)>& fn) override {
    sql::Conn& conn = ConnOf(tx);
    int64_t after = 0;
    while (true) {
      KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                          conn.Query(kScanSql, {IntValue(after), IntValue(kScanBatch)}));
      for (size_t i = 0; i < rs.size(); ++i) {
        AuditEvent e = ReadEvent(rs, i);
        after = e.id;
        if (!fn(e)) return Status::Ok();
      }
      if (static_cast<int64_t>(rs.size()) < kScanBatch) return Status::Ok();
    }
  }
};

}  // namespace

std::unique_ptr<AuditRepository> NewSqlAuditRepository() {
  return std::make_unique<SqlAuditRepository>();
}

}  // namespace keyline::storage
