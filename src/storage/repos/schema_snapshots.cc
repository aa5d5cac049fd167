// Schema of published snapshots (快照: published means frozen): migration 13. One
// row per version of an issued bulletin, a held meeting's agenda, issued minutes or a published
// ranking; (kind, subject, version) is unique. Rows are append-only: triggers refuse UPDATE and
// DELETE, and the payload's SHA-256 is stored beside it and in the audit log.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSnapshotsSchemaV13 = R"sql(
CREATE TABLE snapshots (
  id              {id},
  kind            TEXT NOT NULL,
  subject         TEXT NOT NULL,
  version         {int} NOT NULL,
  reason          TEXT NOT NULL DEFAULT '',
  created_by      {int} NOT NULL,
  created_by_name TEXT NOT NULL DEFAULT '',
  created_at      {int} NOT NULL,
  payload         TEXT NOT NULL,
  sha256          TEXT NOT NULL,
  UNIQUE (kind, subject, version)
);
)sql";

constexpr std::string_view kSnapshotTriggersSqlite = R"sql(
CREATE TRIGGER snapshots_no_update BEFORE UPDATE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'snapshots are immutable');
END;
CREATE TRIGGER snapshots_no_delete BEFORE DELETE ON snapshots
BEGIN
  SELECT RAISE(ABORT, 'snapshots are immutable');
END;
)sql";

constexpr std::string_view kSnapshotTriggersPg = R"sql(
CREATE FUNCTION snapshots_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'snapshots are immutable' USING ERRCODE = 'raise_exception';
END
$fn$;
CREATE TRIGGER snapshots_no_update BEFORE UPDATE OR DELETE ON snapshots
  FOR EACH ROW EXECUTE FUNCTION snapshots_immutable();
CREATE TRIGGER snapshots_no_truncate BEFORE TRUNCATE ON snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION snapshots_immutable();
)sql";

}  // namespace

Migration SnapshotsMigration() {
  return {13, "published snapshots",
          ExpandSchema(kSnapshotsSchemaV13, sql::Dialect::kSqlite) +
              std::string(kSnapshotTriggersSqlite),
          ExpandSchema(kSnapshotsSchemaV13, sql::Dialect::kPostgres) +
              std::string(kSnapshotTriggersPg)};
}

}  // namespace keyline
