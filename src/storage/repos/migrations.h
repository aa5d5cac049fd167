// Schema migrations for both dialects.
//
// Each migration has a version (1, 2, ...), a name and its SQL script for SQLite and for
// PostgreSQL. Migrate applies the missing ones in order, each in its own write transaction
// together with its row in schema_migrations, so a failed migration leaves nothing behind.
// On PostgreSQL concurrent migrators are serialised by a transaction-scoped advisory lock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "storage/sql/database.h"

namespace keyline {

struct Migration {
  int version = 0;
  std::string name;
  std::string sqlite_sql;
  std::string pg_sql;
};

// Expands the schema tokens ({id}, {int}, {real}, {norowid}) of text for a dialect.
std::string ExpandSchema(std::string_view text, sql::Dialect dialect);
// The migrations of each feature, defined beside their schema text.
Migration ReportingMigration();      // version 3: plans, reporting settings, monthly reports
Migration MeetingsMigration();       // version 5: dispatch meetings (schema_meetings.cc)
Migration FundsMigration();          // version 6: funds, key lists, factor guarantees
Migration AttractionMigration();     // version 7: leads, contracts, campaign rounds, targets
Migration IndicatorsMigration();     // version 8: indicator definitions, engine NOTIFY
Migration LightsMigration();         // version 9: light rules and judgements, ranking schemes
Migration ImportsMigration();        // version 10: import sessions (schema_imports.cc)
Migration AliasesMigration();        // version 11: unit and person aliases (schema_aliases.cc)
Migration LedgerFiguresMigration();  // version 12: ledger figures (schema_ledger_figures.cc)
Migration SnapshotsMigration();      // version 13: published snapshots (schema_snapshots.cc)
// version 15: ranking_schemes.visible_to_all (official lists visible to all roles)
Migration RankingVisibilityMigration();
Migration AuditChainMigration();  // version 16: audit project_id / lead_id
// version 21: the EXIF time and place of photos on attachments (schema_photo_exif.cc)
Migration PhotoExifMigration();
Migration MapMigration();  // version 23: the map's district outline (schema_map.cc)

// All migrations, in version order.
const std::vector<Migration>& Migrations();
// The version of the newest migration.
int LatestSchemaVersion();

// The text of migration 4 (supervision: procedures, battle chart, problems, meetings), with
// the dialect tokens of migrations.cc; defined in schema_supervision.cc.
std::string_view SupervisionSchemaV4();

// Applies every migration not yet recorded in schema_migrations. Idempotent.
Status Migrate(sql::Database& db);

// The highest applied version; 0 for a database never migrated.
Result<int> SchemaVersion(sql::Database& db);

}  // namespace keyline
