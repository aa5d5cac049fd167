// AttachmentRepository over SQL: attachments (metadata, by owner) and attachment_blobs (bytes,
// base64 in a text column, one row per distinct SHA-256 so identical files are stored once).
#include "common/base64.h"
#include "storage/repos/repo_util.h"
#include "storage/repos/reporting_sql_repositories.h"
#include "storage/repos/sql_tx.h"

namespace keyline::storage {
namespace {

#define KL_ATTACHMENT_COLUMNS                                                                \
  "id, owner_kind, owner_id, filename, content_type, size, sha256, created_by, created_at, " \
  "taken_at, latitude, longitude"

constexpr const char* kPutBlobSql =
    "INSERT INTO attachment_blobs (sha256, data) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING";
constexpr const char* kInsertSql =
    "INSERT INTO attachments (owner_kind, owner_id, filename, content_type, size, sha256, "
    "created_by, created_at, taken_at, latitude, longitude) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id";
constexpr const char* kGetSql = "SELECT " KL_ATTACHMENT_COLUMNS " FROM attachments WHERE id = $1";
constexpr const char* kListSql =
    "SELECT " KL_ATTACHMENT_COLUMNS
    " FROM attachments WHERE owner_kind = $1 AND owner_id = $2 ORDER BY id";
constexpr const char* kReadBlobSql = "SELECT data FROM attachment_blobs WHERE sha256 = $1";
constexpr const char* kDeleteSql = "DELETE FROM attachments WHERE id = $1 RETURNING sha256";
constexpr const char* kDeleteOrphanBlobSql =
    "DELETE FROM attachment_blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM "
    "attachments WHERE sha256 = $1)";

Result<Attachment> ReadAttachment(sql::ResultSet& rs, size_t row) {
  Attachment a;
  a.id = rs.GetInt(row, 0);
  KL_ASSIGN_OR_RETURN(a.owner_kind, StoredEnum(AttachmentOwnerTable(), rs.GetText(row, 1),
                                               "attachments.owner_kind"));
  a.owner_id = rs.GetInt(row, 2);
  a.filename = rs.TakeText(row, 3);
  a.content_type = rs.TakeText(row, 4);
  a.size = rs.GetInt(row, 5);
  a.sha256 = rs.TakeText(row, 6);
  a.created_by = rs.GetInt(row, 7);
  a.created_at = rs.GetInt(row, 8);
  if (!rs.IsNull(row, 9)) a.taken_at = rs.TakeText(row, 9);
  a.latitude = rs.GetOptDouble(row, 10);
  a.longitude = rs.GetOptDouble(row, 11);
  return a;
}

class SqlAttachmentRepository final : public AttachmentRepository {
 public:
  Result<int64_t> Insert(Tx& tx, const Attachment& a, const std::string& bytes) override {
    sql::Conn& conn = ConnOf(tx);
    KL_RETURN_IF_ERROR(
        conn.Exec(kPutBlobSql, {TextValue(a.sha256), TextValue(Base64Encode(bytes))}).status());
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        conn.Query(kInsertSql,
                   {TextValue(EnumCode(AttachmentOwnerTable(), a.owner_kind)), IntValue(a.owner_id),
                    TextValue(a.filename), TextValue(a.content_type), IntValue(a.size),
                    TextValue(a.sha256), IntValue(a.created_by), IntValue(a.created_at),
                    sql::Opt(a.taken_at), sql::Opt(a.latitude), sql::Opt(a.longitude)}));
    return rs.GetInt(0, 0);
  }

  Result<Attachment> Get(Tx& tx, int64_t id) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kGetSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("附件", "attachment");
    return ReadAttachment(rs, 0);
  }

  Result<std::string> ReadBytes(Tx& tx, const std::string& sha256) override {
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, ConnOf(tx).Query(kReadBlobSql, {TextValue(sha256)}));
    if (rs.empty()) return NotFoundStatus("附件内容", "attachment content");
    std::optional<std::string> bytes = Base64Decode(rs.GetText(0, 0));
    if (!bytes) return Status::Internal("attachment_blobs " + sha256 + " is not valid base64");
    return std::move(*bytes);
  }

  Result<std::vector<Attachment>> ListFor(Tx& tx, AttachmentOwner kind, int64_t owner_id) override {
    KL_ASSIGN_OR_RETURN(
        sql::ResultSet rs,
        ConnOf(tx).Query(kListSql,
                         {TextValue(EnumCode(AttachmentOwnerTable(), kind)), IntValue(owner_id)}));
    return ReadRows<Attachment>(rs, ReadAttachment);
  }

  Status Delete(Tx& tx, int64_t id) override {
    sql::Conn& conn = ConnOf(tx);
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs, conn.Query(kDeleteSql, {IntValue(id)}));
    if (rs.empty()) return NotFoundStatus("附件", "attachment");
    return conn.Exec(kDeleteOrphanBlobSql, {TextValue(rs.GetText(0, 0))}).status();
  }
};

}  // namespace

std::unique_ptr<AttachmentRepository> NewSqlAttachmentRepository() {
  return std::make_unique<SqlAttachmentRepository>();
}

}  // namespace keyline::storage
