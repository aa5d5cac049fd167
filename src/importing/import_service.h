// ImportService: the use cases of importing a ledger (and monthly figures) from .xlsx.
//
//   Upload   → parse the sheet (streaming reader), detect the header, suggest a mapping,
//              store an import session (migration 10), return the dry run.
//   Get      → the dry run recomputed against the current database.
//   SetMapping → the user's correction of the column → field mapping; the dry run again.
//   SetValues → the user's answer for the unknown or ambiguous unit/person names the dry run
//              lists (plan.unresolved, value_resolver.h): an existing unit/person, or a new
//              one; stored with the session (migration 11); the dry run again.
//   Confirm  → the plan recomputed inside ONE write transaction and applied through
//              ProjectService (same validation, same audit entries: one per project and per
//              owner created), plus one audit entry for the import; the session becomes
//              "done" in the same transaction (a second confirm is kConflict, on any node).
//              The value mappings come first in that transaction: new units/people are
//              created and each mapped value is saved as an alias of its unit/person (all
//              audited), so that the next import of the same sheet matches by itself.
//
// Monthly figures (kind "reports", a period YYYYMM): one row per project, found by 项目代码
// else 项目名称 among the projects the caller sees (others: "不在您的管辖范围"), with 本月完成
// 投资 and 形象进度 (存在问题 optional). Confirmation submits each report through
// ReportService::SubmitInTx as the office on behalf of the company (draft + submit, not
// approved: the responsible department still reviews), all in one transaction; the report
// window (locked after the lock day), the report's status (approved/submitted reports are not
// changed) and the report validation rules apply: the dry run submits every row in a
// transaction it rolls back, so their errors are row errors; warnings of the report checks
// are confirmed by the import (kept on the report).
//
// Access: the ledger import is for admin and supervisor (发改); only the creator (or an admin)
// sees or confirms an import — anyone else gets kNotFound. Sessions expire after 24 hours
// (confirm → kConflict), and are deleted a week after expiry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/import_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/plan_service.h"
#include "core/service/project_service.h"
#include "core/service/report_service.h"
#include "importing/import_template.h"
#include "importing/ledger_plan.h"
#include "importing/table_codec.h"

namespace keyline::importing {

struct ImportView {
  ImportSession session;  // table/mapping texts cleared
  std::string status;     // "dry_run" | "done" | "expired"
  ImportKind kind = ImportKind::kLedger;
  std::vector<std::string> sheet_names;
  SheetTable table;
  ColumnMapping mapping;
  LedgerPlan plan;
};

struct ConfirmResult {
  int64_t id = 0;
  int64_t created = 0, updated = 0, unchanged = 0, skipped = 0, errors_skipped = 0;
  int64_t owners_created = 0;
  int64_t leaders_created = 0;
  int64_t units_created = 0, people_created = 0, aliases_saved = 0;  // value mappings
};

struct MappingChange {
  int64_t column = 0;  // sheet column index (TableColumn::index)
  std::optional<std::string> field;
};

// A workbook to fill (下载模板): one sheet whose columns are headers the importer recognises
// (import_template.h) and, for monthly figures, one row per project in the caller's scope that
// must report for the period with its 项目代码 and 项目名称 (the figures left to fill).
struct ImportTemplate {
  std::string title;  // the sheet's title row
  std::vector<TemplateColumn> columns;
  std::vector<std::vector<std::string>> rows;  // text cells, rows[i].size() ≤ columns.size()
};

class ImportService {
 public:
  static constexpr int64_t kTtlMs = 24LL * 3600 * 1000;
  // A dry run (ImportView.plan) keeps at most this many rows of each kind (errors,
  // creates/updates, skipped, unchanged) and no project per row, whatever the sheet's size;
  // its summary counts every row (bounded import memory).
  static constexpr size_t kViewRows = 2000;

  ImportService(const Repositories& repos, ImportRepository& imports, ProjectService& projects,
                ReportService& reports, PlanService& plans, ReportRepository& report_rows,
                AuditLog& audit, const Clock& clock)
      : repos_(repos),
        imports_(imports),
        projects_(projects),
        reports_(reports),
        plans_(plans),
        report_rows_(report_rows),
        audit_(audit),
        clock_(clock) {}

  Result<ImportView> Upload(const Caller& caller, ImportKind kind, std::string file_name,
                            std::string bytes, int64_t sheet, std::optional<int> period);
  Result<ImportView> Get(const Caller& caller, int64_t id);
  Result<ImportView> SetMapping(const Caller& caller, int64_t id,
                                const std::vector<MappingChange>& changes);
  Result<ConfirmResult> Confirm(const Caller& caller, int64_t id, bool skip_errors);
  // Replaces the session's value mappings. kInvalidArgument (zh + en, per entry) for an unknown
  // field, a blank value, a unit/person that does not exist, a company as 责任单位, a bad kind
  // or a value given twice; kNotFound for someone else's import; kConflict once confirmed.
  Result<ImportView> SetValues(const Caller& caller, int64_t id, std::vector<ValueMapping> values);
  // The template of an import (import_template.cc): the same roles as the import; period
  // (YYYYMM) names the figures' year and month in the headers and, for monthly figures
  // (required there), picks the projects that must report.
  Result<ImportTemplate> Template(const Caller& caller, ImportKind kind, std::optional<int> period);

  // The CLI path, without a stored session: parse a file once (ParseFile), print its dry run
  // (DryRunTable), then plan again and apply inside one write transaction (ApplyTable).
  Result<std::pair<std::vector<std::string>, SheetTable>> ParseFile(const Caller& caller,
                                                                    ImportKind kind,
                                                                    const std::string& path,
                                                                    int64_t sheet);
  // A --map file (CSV, UTF-8, optional header): field,value,target per line, where target
  // is a unit/person id, an exact registered name (or one the matcher resolves to exactly
  // one), or new:<kind> (create it under the written name). kInvalidArgument naming the line.
  Result<std::vector<ValueMapping>> ReadValueMappingFile(const Caller& caller,
                                                         const std::string& path);
  // `values`: the value mappings of a --map file (checked like SetValues).
  Result<ImportView> DryRunTable(const Caller& caller, ImportKind kind, const SheetTable& table,
                                 std::optional<int> period,
                                 const std::vector<ValueMapping>& values = {});
  Result<ConfirmResult> ApplyTable(const Caller& caller, ImportKind kind, const SheetTable& table,
                                   std::optional<int> period, bool skip_errors,
                                   const std::string& source,
                                   const std::vector<ValueMapping>& values = {});

 private:
  Status CheckRole(const Caller& caller, ImportKind kind) const;
  Result<ImportSession> LoadOwn(Tx& tx, const Caller& caller, int64_t id);
  // period: the one given with the import (YYYYMM or YYYY), for the year's figures.
  // view_rows: see PlanLedger (0 for the plan a confirmation applies).
  Result<LedgerPlan> Plan(Tx& tx, const SheetTable& table, const ColumnMapping& mapping,
                          std::optional<int64_t> period,
                          const std::vector<ValueMapping>& values = {}, size_t view_rows = 0);
  // The year's figures of one written row (ledger_figures.h): plan, opening balance, leader.
  Status ApplyFigures(Tx& tx, const Caller& caller, const PlanRow& row, int64_t project_id,
                      const std::string& import_ref,
                      std::unordered_map<std::string, int64_t>* leaders);
  // import_values.cc: checks value mappings against the database; applies them inside the
  // confirming transaction (creates, aliases) and returns them with the created ids.
  Status CheckValues(Tx& tx, const std::vector<ValueMapping>& values);
  Result<std::vector<ValueMapping>> ApplyValues(Tx& tx, const Caller& caller,
                                                std::vector<ValueMapping> values,
                                                ConfirmResult* result);
  // Monthly figures: one row per project (code, else name) → that period's report, as the
  // caller sees it through ReportService (scope, window, status).
  Result<LedgerPlan> PlanReports(const Caller& caller, const SheetTable& table,
                                 const ColumnMapping& mapping, int period);
  Result<LedgerPlan> PlanFor(const Caller& caller, ImportKind kind, const SheetTable& table,
                             const ColumnMapping& mapping, std::optional<int64_t> period,
                             const std::vector<ValueMapping>& values = {});
  Status SubmitRow(Tx& tx, const Caller& caller, const PlanRow& row, int period);
  Status ApplyReports(Tx& tx, const Caller& caller, const LedgerPlan& plan, int period,
                      bool skip_errors, ConfirmResult* result);
  // The dry run of a stored session, planned from its stored table.
  Result<ImportView> View(const Caller& caller, ImportSession session);
  Status Apply(Tx& tx, const Caller& caller, const LedgerPlan& plan, bool skip_errors,
               const std::string& import_ref, ConfirmResult* result);

  Repositories repos_;
  ImportRepository& imports_;
  ProjectService& projects_;
  ReportService& reports_;
  PlanService& plans_;
  ReportRepository& report_rows_;
  AuditLog& audit_;
  const Clock& clock_;
};

// Parses an .xlsx (bytes) into a table: the sheet names and the detected table of `sheet`.
Result<std::pair<std::vector<std::string>, SheetTable>> ParseWorkbook(std::string bytes,
                                                                      int64_t sheet,
                                                                      ImportKind kind);

// The value mappings whose value is written in a column mapped to their field; the others
// (left over after a column mapping changed) create nothing on confirmation.
std::vector<ValueMapping> MappingsInUse(const SheetTable& table, const ColumnMapping& mapping,
                                        std::vector<ValueMapping> values);

// JSON of the confirmation result.
std::string ConfirmResultJson(const ConfirmResult& result);

}  // namespace keyline::importing
