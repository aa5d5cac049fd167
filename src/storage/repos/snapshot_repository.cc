// SnapshotRepository over SQL: table snapshots (migration 13), append-only.
#include "core/ports/snapshot_repository.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_SNAPSHOT_COLUMNS                                                                \
  "id, kind, subject, version, reason, created_by, created_by_name, created_at, payload, " \
  "sha256"

constexpr const char* kInsertSql =
    "INSERT INTO snapshots (kind, subject, version, reason, created_by, created_by_name, "
    "created_at, payload, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr const char* kLatestSql =
    "SELECT " KL_SNAPSHOT_COLUMNS
    " FROM snapshots WHERE kind = $1 AND subject = $2 ORDER BY version DESC LIMIT 1";
constexpr const char* kGetSql = "SELECT " KL_SNAPSHOT_COLUMNS
                                " FROM snapshots WHERE kind = $1 AND subject = $2 AND version = $3";
constexpr const char* kVersionsSql = "SELECT " KL_SNAPSHOT_COLUMNS
                                     " FROM snapshots WHERE kind = $1 AND subject = $2 "
                                     "ORDER BY version";
constexpr const char* kScanSql =
    "SELECT " KL_SNAPSHOT_COLUMNS " FROM snapshots WHERE id > $1 ORDER BY id LIMIT $2";
constexpr int64_t kScanBatch = 50;  // payloads can be large (rendered documents)

Result<Snapshot> ReadSnapshot(sql::ResultSet& rs, size_t row) {
  Snapshot s;
  s.id = rs.GetInt(row, 0);
  KL_ASSIGN_OR_RETURN(s.kind,
                      StoredEnum(SnapshotKindTable(), rs.GetText(row, 1), "snapshots.kind"));
  s.subject = rs.TakeText(row, 2);
  s.version = rs.GetInt(row, 3);
  s.reason = rs.TakeText(row, 4);
  s.created_by = rs.GetInt(row, 5);
  s.created_by_name = rs.TakeText(row, 6);
  s.created_at = rs.GetInt(row, 7);
  s.payload = rs.TakeText(row, 8);
  s.sha256 = rs.TakeText(row, 9);
  return s;
}

sql::Value KindValue(SnapshotKind kind) { return TextValue(EnumCode(SnapshotKindTable(), kind)); }

class SqlSnapshotRepository final : public SnapshotRepository {
 public:
  Result<int64_t> Insert(Tx& tx, const Snapshot& s) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kInsertSql,
                         {KindValue(s.kind), TextValue(s.subject), IntValue(s.version),
                          TextValue(s.reason), IntValue(s.created_by), TextValue(s.created_by_name),
                          IntValue(s.created_at), TextValue(s.payload), TextValue(s.sha256)}));
    return rs.GetInt(0, 0);
  }

  Result<std::optional<Snapshot>> Latest(Tx& tx, SnapshotKind kind,
                                         const std::string& subject) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kLatestSql, {KindValue(kind), TextValue(subject)}));
    if (rs.empty()) return std::optional<Snapshot>();
    KL_ASSIGN_OR_RETURN(Snapshot s, ReadSnapshot(rs, 0));
    return std::optional<Snapshot>(std::move(s));
  }

  Result<Snapshot> Get(Tx& tx, SnapshotKind kind, const std::string& subject,
                       int64_t version) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kGetSql, {KindValue(kind), TextValue(subject), IntValue(version)}));
    if (rs.empty()) {
      return Status::NotFound("该版本不存在：第" + std::to_string(version) + "版",
                              "no such version: " + std::to_string(version));
    }
    return ReadSnapshot(rs, 0);
  }

  Result<std::vector<Snapshot>> Versions(Tx& tx, SnapshotKind kind,
                                         const std::string& subject) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        ConnOf(tx).Query(kVersionsSql, {KindValue(kind), TextValue(subject)}));
    return ReadRows<Snapshot>(rs, ReadSnapshot);
  }

  Status Scan(Tx& tx, const std::function<bool(const Snapshot&)>& fn) override {
    sql::Conn& conn = ConnOf(tx);
    int64_t after = 0;
    while (true) {
      KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                          conn.Query(kScanSql, {IntValue(after), IntValue(kScanBatch)}));
      for (size_t i = 0; i < rs.size(); ++i) {
        KL_ASSIGN_OR_RETURN(Snapshot s, ReadSnapshot(rs, i));
        after = s.id;
        if (!fn(s)) return Status::Ok();
      }
      if (static_cast<int64_t>(rs.size()) < kScanBatch) return Status::Ok();
    }
  }
};

}  // namespace

std::unique_ptr<SnapshotRepository> NewSqlSnapshotRepository() {
  return std::make_unique<SqlSnapshotRepository>();
}

}  // namespace keyline::storage
