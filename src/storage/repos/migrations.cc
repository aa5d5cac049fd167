#include "storage/repos/migrations.h"

#include <chrono>
#include <string_view>

namespace keyline {
namespace {

// Schema text shared by both dialects. Tokens expand per dialect (see Expand):
//   {id}     integer primary key with generated values
//   {int}    64-bit integer
//   {real}   double precision
//   {norowid} table option for tables keyed by their primary key only
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  parent_code TEXT,
  version     {int} NOT NULL DEFAULT 1
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE units (
  id          {id},
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,
  credit_code TEXT UNIQUE,
  region_code TEXT,
  parent_id   {int} REFERENCES units (id),
  contact     TEXT NOT NULL DEFAULT '',
  active      {int} NOT NULL DEFAULT 1,
  version     {int} NOT NULL DEFAULT 1,
  created_at  {int} NOT NULL,
  updated_at  {int} NOT NULL
);
CREATE INDEX units_kind ON units (kind, id);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE people (
  id         {id},
  name       TEXT NOT NULL,
  title      TEXT NOT NULL DEFAULT '',
  unit_id    {int} REFERENCES units (id),
  kind       TEXT NOT NULL,
  phone      TEXT NOT NULL DEFAULT '',
  active     {int} NOT NULL DEFAULT 1,
  version    {int} NOT NULL DEFAULT 1,
  created_at {int} NOT NULL,
  updated_at {int} NOT NULL
);
CREATE INDEX people_unit ON people (unit_id);

CREATE TABLE users (
  id            {id},
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL,
  unit_id       {int} REFERENCES units (id),
  person_id     {int} REFERENCES people (id),
  password_hash TEXT NOT NULL,
  disabled      {int} NOT NULL DEFAULT 0,
  failed_logins {int} NOT NULL DEFAULT 0,
  locked_until  {int} NOT NULL DEFAULT 0,
  version       {int} NOT NULL DEFAULT 1,
  created_at    {int} NOT NULL,
  updated_at    {int} NOT NULL
);

CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      {int} NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   {int} NOT NULL,
  last_seen_at {int} NOT NULL,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

CREATE TABLE projects (
  id                  {id},
  version             {int} NOT NULL DEFAULT 1,
  name                TEXT NOT NULL,
  code                TEXT UNIQUE,
  parent_id           {int} REFERENCES projects (id),
  level               TEXT NOT NULL,
  category            TEXT NOT NULL,
  approval_regime     TEXT NOT NULL,
  nature              TEXT NOT NULL,
  industry_code       TEXT,
  region_code         TEXT,
  address             TEXT NOT NULL DEFAULT '',
  longitude           {real},
  latitude            {real},
  owner_unit_id       {int} REFERENCES units (id),
  responsible_unit_id {int} REFERENCES units (id),
  scale_content       TEXT NOT NULL DEFAULT '',
  total_investment    {int} NOT NULL DEFAULT 0,
  funding             TEXT NOT NULL DEFAULT '[]',
  planned_start       TEXT,
  planned_completion  TEXT,
  actual_start        TEXT,
  actual_completion   TEXT,
  stats_status        TEXT NOT NULL,
  stats_date          TEXT,
  measurement_method  TEXT NOT NULL,
  stage               TEXT NOT NULL,
  warnings            TEXT NOT NULL DEFAULT '[]',
  created_at          {int} NOT NULL,
  updated_at          {int} NOT NULL
);
CREATE INDEX projects_stage ON projects (stage, id);
CREATE INDEX projects_owner ON projects (owner_unit_id);
CREATE INDEX projects_responsible ON projects (responsible_unit_id);
CREATE INDEX projects_region ON projects (region_code);
CREATE INDEX projects_industry ON projects (industry_code);
CREATE INDEX projects_parent ON projects (parent_id);

CREATE TABLE project_stage_changes (
  id         {id},
  project_id {int} NOT NULL REFERENCES projects (id),
  from_stage TEXT,
  to_stage   TEXT NOT NULL,
  reason     TEXT NOT NULL DEFAULT '',
  user_id    {int} NOT NULL,
  username   TEXT NOT NULL DEFAULT '',
  at         {int} NOT NULL
);
CREATE INDEX stage_changes_project ON project_stage_changes (project_id, id);

CREATE TABLE project_assignments (
  id         {id},
  project_id {int} NOT NULL REFERENCES projects (id),
  role       TEXT NOT NULL,
  person_id  {int} REFERENCES people (id),
  unit_id    {int} REFERENCES units (id),
  valid_from TEXT,
  valid_to   TEXT,
  note       TEXT NOT NULL DEFAULT '',
  version    {int} NOT NULL DEFAULT 1,
  created_at {int} NOT NULL
);
CREATE INDEX assignments_project ON project_assignments (project_id);
CREATE INDEX assignments_person ON project_assignments (person_id);
CREATE INDEX assignments_unit ON project_assignments (unit_id);

-- Denormalised: every unit related to a project (owner, responsible unit, units and the
-- units of people in its assignments), with the project's stage so that "this unit's projects
-- in these stages" is counted from one index. Rebuilt by the repositories on every change.
CREATE TABLE project_units (
  project_id {int} NOT NULL REFERENCES projects (id),
  unit_id    {int} NOT NULL REFERENCES units (id),
  stage      TEXT NOT NULL,
  PRIMARY KEY (unit_id, project_id)
){norowid};
CREATE INDEX project_units_project ON project_units (project_id);
CREATE INDEX project_units_unit_stage ON project_units (unit_id, stage, project_id);

-- How many projects each unit relates to, per stage: the total of a "unit + stages" page
-- without walking the index. Kept in step with project_units in the same transaction.
CREATE TABLE project_unit_counts (
  unit_id {int} NOT NULL,
  stage   TEXT NOT NULL,
  n       {int} NOT NULL,
  PRIMARY KEY (unit_id, stage)
){norowid};

CREATE TABLE audit_log (
  id          {id},
  at          {int} NOT NULL,
  user_id     {int} NOT NULL,
  username    TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL DEFAULT '',
  ip          TEXT NOT NULL DEFAULT '',
  request_id  TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL DEFAULT '',
  before_json TEXT NOT NULL DEFAULT '',
  after_json  TEXT NOT NULL DEFAULT '',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_user ON audit_log (user_id, id);
CREATE INDEX audit_at ON audit_log (at);
)sql";

// The audit log is append-only: UPDATE and DELETE (and TRUNCATE on PostgreSQL) fail.
constexpr std::string_view kAuditTriggersSqlite = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

constexpr std::string_view kAuditTriggersPg = R"sql(
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'raise_exception';
END
$fn$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
)sql";

constexpr std::string_view kCreateMigrationsTable = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    BIGINT PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at BIGINT NOT NULL
);
)sql";

// Any constant: the key of the advisory lock serialising migrators on PostgreSQL.
constexpr int64_t kMigrationLockKey = 0x4b4c4d4947;  // "KLMIG"

}  // namespace

std::string ExpandSchema(std::string_view text, sql::Dialect dialect) {
  bool pg = dialect == sql::Dialect::kPostgres;
  struct Token {
    std::string_view name;
    std::string_view sqlite;
    std::string_view pg;
  };
  static constexpr Token kTokens[] = {
      {"{id}", "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
      {"{int}", "INTEGER", "BIGINT"},
      {"{real}", "REAL", "DOUBLE PRECISION"},
      {"{norowid}", " WITHOUT ROWID", ""},
  };
  std::string out;
  out.reserve(text.size() + 1024);
  size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    if (text[i] == '{') {
      for (const Token& t : kTokens) {
        if (text.substr(i, t.name.size()) == t.name) {
          out += pg ? t.pg : t.sqlite;
          i += t.name.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

namespace {

std::string Expand(std::string_view text, sql::Dialect dialect) {
  return ExpandSchema(text, dialect);
}

std::vector<Migration> BuildMigrations() {
  std::vector<Migration> out;
  out.push_back({1, "initial schema", Expand(kSchemaV1, sql::Dialect::kSqlite),
                 Expand(kSchemaV1, sql::Dialect::kPostgres)});
  out.push_back({2, "append-only audit log", std::string(kAuditTriggersSqlite),
                 std::string(kAuditTriggersPg)});
  out.push_back(ReportingMigration());
  out.push_back({4, "supervision", Expand(SupervisionSchemaV4(), sql::Dialect::kSqlite),
                 Expand(SupervisionSchemaV4(), sql::Dialect::kPostgres)});
  out.push_back(MeetingsMigration());
  out.push_back(FundsMigration());
  out.push_back(AttractionMigration());
  out.push_back(IndicatorsMigration());
  out.push_back(LightsMigration());
  out.push_back(ImportsMigration());
  out.push_back(AliasesMigration());
  out.push_back(LedgerFiguresMigration());
  out.push_back(SnapshotsMigration());
  out.push_back(RankingVisibilityMigration());
  out.push_back(AuditChainMigration());
  out.push_back(PhotoExifMigration());
  out.push_back(MapMigration());
  return out;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status ApplyOne(sql::Conn& conn, const Migration& m) {
  bool pg = conn.dialect() == sql::Dialect::kPostgres;
  if (pg) {
    KL_RETURN_IF_ERROR(
        conn.Query("SELECT pg_advisory_xact_lock($1)", {sql::Value(kMigrationLockKey)}).status());
  }
  KL_RETURN_IF_ERROR(conn.ExecScript(kCreateMigrationsTable));
  KL_ASSIGN_OR_RETURN(sql::ResultSet applied,
                      conn.Query("SELECT 1 FROM schema_migrations WHERE version = $1",
                                 {sql::Value(static_cast<int64_t>(m.version))}));
  if (!applied.empty()) return Status::Ok();
  Status st = conn.ExecScript(pg ? m.pg_sql : m.sqlite_sql);
  if (!st.ok()) {
    return Status::Internal("migration " + std::to_string(m.version) + " (" + m.name +
                            ") failed: " + st.message_en());
  }
  return conn
      .Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            {sql::Value(static_cast<int64_t>(m.version)), sql::Value(m.name), sql::Value(NowMs())})
      .status();
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kMigrations = BuildMigrations();
  return kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Status Migrate(sql::Database& db) {
  for (const Migration& m : Migrations()) {
    KL_RETURN_IF_ERROR(db.Write([&](sql::Conn& conn) { return ApplyOne(conn, m); }));
  }
  return Status::Ok();
}

Result<int> SchemaVersion(sql::Database& db) {
  int version = 0;
  Status st = db.Read([&](sql::Conn& conn) -> Status {
    const char* exists_sql =
        conn.dialect() == sql::Dialect::kPostgres
            ? "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
              "AND table_name = 'schema_migrations'"
            : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
    KL_ASSIGN_OR_RETURN(sql::ResultSet exists, conn.Query(exists_sql, {}));
    if (exists.empty()) return Status::Ok();
    KL_ASSIGN_OR_RETURN(sql::ResultSet rs,
                        conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}));
    version = static_cast<int>(rs.GetInt(0, 0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return version;
}

}  // namespace keyline
