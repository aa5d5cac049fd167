// Migration 16: the audit log's typed change feed. Every entry carries the project
// and the lead it touches (0 = none), written by the audit writer from the entry's AuditEntity
// (core/model/audit_entity.h) and read by the engine's change feed instead of the JSON text.
// Rows written before this migration keep 0 (the engine loads everything at start and only
// feeds on rows written after). The keyed chain itself needs no schema: its key lives outside
// the database (app/audit_key_file.h) and names the switch-over id.
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kAuditChainV16 = R"sql(
ALTER TABLE audit_log ADD COLUMN project_id {int} NOT NULL DEFAULT 0;
ALTER TABLE audit_log ADD COLUMN lead_id {int} NOT NULL DEFAULT 0;
)sql";

}  // namespace

Migration AuditChainMigration() {
  return {16, "typed audit change feed", ExpandSchema(kAuditChainV16, sql::Dialect::kSqlite),
          ExpandSchema(kAuditChainV16, sql::Dialect::kPostgres)};
}

}  // namespace keyline
