// ImportService: the use cases of importing a ledger (and monthly figures) from .xlsx.
//
//   Upload   → parse the sheet (streaming reader), detect the header, suggest a mapping,
//              store an import session (migration 10), return the dry run.
//   Get      → the dry run recomputed against the current database.
//   SetMapping → the user's correction of the column → field mapping; the dry run again.
//   Confirm  → the plan recomputed inside ONE write transaction and applied through
//              ProjectService (same validation, same audit entries: one per project and per
//              owner created), plus one audit entry for the import; the session becomes
//              "done" in the same transaction (a second confirm is kConflict, on any node).
//
// Access: the ledger import is for admin and supervisor (发改); only the creator (or an admin)
// sees or confirms an import — anyone else gets kNotFound. Sessions expire after 24 hours
// (confirm → kConflict), and are deleted a week after expiry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/import_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/project_service.h"
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
};

struct MappingChange {
  int64_t column = 0;  // sheet column index (TableColumn::index)
  std::optional<std::string> field;
};

class ImportService {
 public:
  static constexpr int64_t kTtlMs = 24LL * 3600 * 1000;

  ImportService(const Repositories& repos, ImportRepository& imports, ProjectService& projects,
                AuditLog& audit, const Clock& clock)
      : repos_(repos), imports_(imports), projects_(projects), audit_(audit), clock_(clock) {}

  Result<ImportView> Upload(const Caller& caller, ImportKind kind, std::string file_name,
                            std::string bytes, int64_t sheet, std::optional<int> period);
  Result<ImportView> Get(const Caller& caller, int64_t id);
  Result<ImportView> SetMapping(const Caller& caller, int64_t id,
                                const std::vector<MappingChange>& changes);
  Result<ConfirmResult> Confirm(const Caller& caller, int64_t id, bool skip_errors);

  // The CLI path: parse and plan without storing a session (Dry), or plan and apply in one
  // transaction (Apply). A file is read once per call.
  Result<ImportView> DryRunFile(const Caller& caller, ImportKind kind, const std::string& path,
                                int64_t sheet, std::optional<int> period);
  Result<ConfirmResult> ApplyFile(const Caller& caller, ImportKind kind, const std::string& path,
                                  int64_t sheet, std::optional<int> period, bool skip_errors);

 private:
  Status CheckRole(const Caller& caller, ImportKind kind) const;
  Result<ImportSession> LoadOwn(Tx& tx, const Caller& caller, int64_t id);
  Result<LedgerPlan> Plan(Tx& tx, const SheetTable& table, const ColumnMapping& mapping);
  Result<ImportView> View(ImportSession session);
  Status Apply(Tx& tx, const Caller& caller, const LedgerPlan& plan, bool skip_errors,
               const std::string& import_ref, ConfirmResult* result);

  Repositories repos_;
  ImportRepository& imports_;
  ProjectService& projects_;
  AuditLog& audit_;
  const Clock& clock_;
};

// Parses an .xlsx (bytes) into a table: the sheet names and the detected table of `sheet`.
Result<std::pair<std::vector<std::string>, SheetTable>> ParseWorkbook(std::string bytes,
                                                                      int64_t sheet,
                                                                      ImportKind kind);

// JSON of the confirmation result.
std::string ConfirmResultJson(const ConfirmResult& result);

}  // namespace keyline::importing
