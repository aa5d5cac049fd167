// Migration 8: indicator definitions as data, and on PostgreSQL the notification
// that keeps every node's engine current (a statement trigger on audit_log NOTIFYs
// keyline_audit; delivered when the writing transaction commits).
//
// The shipped Fengxi and Shaanxi sets are seeded by IndicatorService::EnsureBuiltins at start
// (their expressions live once, in engine/indicator_sets.cc), into an empty table only.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE indicators (
  code        TEXT PRIMARY KEY,
  set_code    TEXT NOT NULL,
  name_zh     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  numerator   TEXT NOT NULL,
  denominator TEXT NOT NULL,
  decimals    {int} NOT NULL DEFAULT 1,
  builtin     {int} NOT NULL DEFAULT 0,
  created_at  {int} NOT NULL,
  updated_at  {int} NOT NULL
);
CREATE INDEX indicators_set ON indicators (set_code, code);

-- One row: bumped by every change of indicators, so caches on any node see the change.
CREATE TABLE indicator_generation (
  id         {int} PRIMARY KEY,
  generation {int} NOT NULL
);
INSERT INTO indicator_generation (id, generation) VALUES (1, 0);
)sql";

constexpr std::string_view kNotifyPg = R"sql(
CREATE FUNCTION audit_log_notify() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('keyline_audit', '');
  RETURN NULL;
END
$fn$;
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_notify();
)sql";

}  // namespace

Migration IndicatorsMigration() {
  return {8, "indicator definitions and engine notifications",
          ExpandSchema(kSchema, sql::Dialect::kSqlite),
          ExpandSchema(kSchema, sql::Dialect::kPostgres) + std::string(kNotifyPg)};
}

}  // namespace keyline
