// Schema for the year's figures of a ledger import: migration 12.
//   - projects.owner_credit_code: the owner's 统一社会信用代码 as the ledger gave it, kept on the
//     project (and flagged) when its check character is wrong, so it cannot go on the unit.
//   - monthly_reports.origin: "report" (filled by the company) or "import" (the opening balance
//     of a ledger import: the year-to-date amount up to the ledger's month, approved as the
//     office's own figure; docs/architecture.md "Opening balances").
#include "storage/repos/migrations.h"

namespace keyline {
namespace {

constexpr std::string_view kLedgerFiguresSchemaV12 = R"sql(
ALTER TABLE projects ADD COLUMN owner_credit_code TEXT;
ALTER TABLE monthly_reports ADD COLUMN origin TEXT NOT NULL DEFAULT 'report';
)sql";

}  // namespace

Migration LedgerFiguresMigration() {
  return {12, "ledger figures: owner credit code on projects, report origin",
          ExpandSchema(kLedgerFiguresSchemaV12, sql::Dialect::kSqlite),
          ExpandSchema(kLedgerFiguresSchemaV12, sql::Dialect::kPostgres)};
}

}  // namespace keyline
