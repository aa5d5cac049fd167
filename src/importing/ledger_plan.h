// The dry run of a ledger import: every data row of a SheetTable, under a column mapping,
// becomes a Project to create, a field-level update of an existing project, "unchanged", or an
// error with its reasons (zh + en). Pure: the existing projects and units come in an index.
//
// Rules: a row's values are normalised (normalize.h); amounts use the unit in the column's
// header, else the sheet's "单位：…" note, else 万元. A row matches an existing project by its
// project code, else by name + owner (建设单位), else by name alone when exactly one project
// has that name and the row names no owner. The same rules as the project API apply
// (ValidateProject, CheckStageGuards from core/service/project_rules.h); the stage of an
// existing project is not changed by an import (that is a stage move with its own guards).
// Only non-empty cells of mapped columns change an existing project. Unit (and person) cells
// are resolved by the index's ValueResolver (value_resolver.h: the user's value mappings, then
// the name matcher of core/naming — aliases, region prefixes, abbreviations); unknown and
// ambiguous values are listed once each in `unresolved`. Owners not yet registered are listed
// (new_owners) and created as companies when the import is confirmed; a 责任单位 must resolve
// to one registered unit (or one the user creates) and must not be a company.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/project.h"
#include "core/model/reference.h"
#include "core/ports/import_repositories.h"
#include "importing/sheet_table.h"
#include "importing/value_resolver.h"

namespace keyline::importing {
class FiguresIndex;
struct LedgerPeriod;
}  // namespace keyline::importing

namespace keyline::importing {

struct Reason {
  std::string zh, en;
};

struct FieldChange {
  std::string field;  // field code ("total_investment")
  std::string old_value, new_value;
};

enum class RowAction { kCreate, kUpdate, kUnchanged, kSkip, kError };
std::string_view RowActionCode(RowAction action);

struct PlanRow {
  int64_t row = 0;
  RowAction action = RowAction::kError;
  std::optional<int64_t> project_id;
  std::string project_code, name;
  std::vector<Reason> reasons;
  std::vector<FieldChange> changes;
  // What to write (create/update): the whole project after the row is applied; for an
  // update, its version is the one read (the write checks it).
  Project project;
  std::string new_owner;  // an owner to create first ("" = none)
  // Monthly figures (kind "reports"): the report version read and what to submit.
  int64_t report_version = 0;
  bool foreign = false;  // a project outside the caller's scope (blocks a reporter's import)
  std::optional<Money> month_investment;
  std::optional<std::string> progress, problems;
  // Non-blocking findings shown in the dry run (an inferred stage, a damaged code, a share of
  // the plan that does not match the amounts …).
  std::vector<Reason> warnings;
  // The year's figures (ledger_figures.h), written after the project on confirm.
  std::optional<Money> annual_plan;  // a confirmed baseline of plan_year (nullopt: unchanged)
  int plan_year = 0;
  std::optional<Money> opening_balance;   // the import report of balance_period (nullopt: none)
  int balance_period = 0;                 // YYYYMM
  std::optional<int64_t> balance_id;      // the import report to update
  std::optional<int64_t> leader_id;       // a new 包抓领导 assignment to this person
  std::string new_leader;                 // … or to a person created on confirm
  std::optional<std::string> owner_code;  // a valid credit code for the owner's unit
  bool owner_code_for_existing = false;   // set it on an existing owner that has none
};

struct ImportSummary {
  int64_t create = 0, update = 0, unchanged = 0, skipped = 0, errors = 0;
};

struct LedgerPlan {
  std::vector<PlanRow> rows;  // in sheet order
  ImportSummary summary;
  std::vector<std::string> new_owners;  // distinct, in first-seen order
  // Unit/person values not matched by themselves (value_resolver.h), each once.
  std::vector<UnresolvedValue> unresolved;
  std::vector<std::string> new_leaders;  // people created on confirm, first-seen order
  std::optional<int> year, month;        // the period of the year's figures (when any)
};

// The keys rows are matched on (core/ports/import_repositories.h).
using ExistingProjectKey = ProjectMatchKey;
using UnitKey = UnitNameKey;

// What the plan needs from the database, loaded once.
class LedgerIndex {
 public:
  // `values` resolves the units and people cells name; without one, a resolver over `units`
  // alone (exact names and abbreviations, no regions, aliases or people) is built.
  LedgerIndex(std::vector<ExistingProjectKey> projects, std::vector<UnitKey> units,
              std::unique_ptr<ValueResolver> values = nullptr);
  ValueResolver& Values() const { return *values_; }
  std::optional<int64_t> ByCode(const std::string& code) const;
  // nullopt owner: a match on the name alone when it is unique.
  std::optional<int64_t> ByNameOwner(const std::string& name, std::optional<int64_t> owner) const;
  const UnitKey* UnitByName(const std::string& name) const;
  const UnitKey* UnitById(int64_t id) const;

 private:
  std::unordered_map<int64_t, std::string> unit_keys_by_id_;
  std::unordered_map<std::string, int64_t> by_code_;
  std::unordered_map<std::string, int64_t> by_name_owner_;
  std::unordered_map<std::string, std::vector<int64_t>> by_name_;
  std::unordered_map<std::string, UnitKey> units_;
  std::unique_ptr<ValueResolver> values_;
};

// column_fields: one entry per table column (field code or nullopt).
// load_project: the full stored project for a matched id.
// view_rows: 0 keeps every row with what it writes (the plan a confirmation applies); N > 0
// makes a dry-run view whose memory does not grow with the sheet: the summary still counts
// every row, but at most N rows of each ViewClass are kept and none keeps its project.
LedgerPlan PlanLedger(const SheetTable& table,
                      const std::vector<std::optional<std::string>>& column_fields,
                      const LedgerIndex& index,
                      const std::function<Result<Project>(int64_t)>& load_project,
                      const std::string& today, const FiguresIndex* figures = nullptr,
                      const LedgerPeriod* period = nullptr, size_t view_rows = 0);

// The order a dry run lists rows in: 0 errors, 1 create/update, 2 skipped, 3 unchanged.
int ViewClass(RowAction action);
// Keeps `row` in a view of at most `view_rows` rows a ViewClass (0: keep all; the project is
// dropped in a view). `kept` counts the rows kept per class (4 entries).
void KeepForView(PlanRow row, size_t view_rows, std::vector<size_t>* kept,
                 std::vector<PlanRow>* rows);

// The skipped rows of a table as "skip" plan rows (counted in the summary); view_rows and
// kept as for KeepForView.
void AddSkippedRows(const SheetTable& table, LedgerPlan* plan, size_t view_rows = 0,
                    std::vector<size_t>* kept = nullptr);
// The amount unit of each column: its header's, else the sheet's note, else 万元.
std::vector<AmountUnit> ColumnUnits(const SheetTable& table);

// The project code as ValidateProject stores it (used to compare and to match).
std::string NormalizedCode(const std::string& code);

}  // namespace keyline::importing
