// The year's figures of a ledger import: the annual planned investment, the
// year-to-date completed investment and its share of the plan, 形象进度, 包抓领导, the owner's
// 统一社会信用代码 and the stage a row implies. Pure: what is stored comes in a FiguresIndex.
//
// Period. The year of the plan and the month the year-to-date runs to are, in this order: the
// period given with the import (--period / ?period=YYYYMM, or --year / ?year=YYYY), the column
// headers ("2023年计划投资", "1-12月完成投资"), the title rows ("…2023年…台账（截至12月底）").
// A mapped figure whose period cannot be found is a row error that says how to give it.
//
// Opening balance. The year-to-date amount C up to month M is written as one monthly report of
// period YYYYMM with origin "import", status approved (the office's own figure), carrying
// C − R where R is what the company's own counted reports (submitted or approved) of months
// 1..M of the year already hold; so every figure computed from reports (投资完成率, 序时进度,
// lights, the bulletin, 1–M月累计) equals the sheet. Re-importing the same sheet changes
// nothing; a corrected sheet updates that report. When R already exceeds C, or the company
// has its own report for month M, nothing is written and the row says why.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/money.h"
#include "core/model/project.h"
#include "core/ports/import_repositories.h"
#include "importing/fields.h"
#include "importing/ledger_plan.h"
#include "importing/sheet_table.h"

namespace keyline::importing {

// The period the figures of a table refer to.
struct LedgerPeriod {
  std::optional<int> year;   // of the annual plan and the year to date
  std::optional<int> month;  // the year to date runs to the end of this month
};

// explicit_period: YYYYMM, or YYYY (year only), from the caller.
LedgerPeriod ResolveLedgerPeriod(const SheetTable& table,
                                 const std::vector<std::optional<std::string>>& column_fields,
                                 std::optional<int> explicit_period);

class FiguresIndex {
 public:
  void SetFigures(std::unordered_map<int64_t, StoredFigures> by_project);
  // The registered name of a person (the current 包抓领导 shown in a row's changes); "" when
  // unknown. The import passes its person matcher's names: people are read once.
  void SetPersonNames(std::function<std::string(int64_t)> name_of);
  void SetOwnerCodes(const std::vector<std::pair<std::string, int64_t>>& code_to_unit);
  const StoredFigures* Figures(int64_t project_id) const;
  std::optional<int64_t> OwnerByCode(const std::string& code) const;
  bool UnitHasCode(int64_t unit_id) const;
  std::string PersonName(int64_t id) const;

 private:
  std::unordered_map<int64_t, StoredFigures> figures_;
  std::function<std::string(int64_t)> person_name_;
  std::unordered_map<std::string, int64_t> owners_by_code_;
  std::unordered_set<int64_t> units_with_code_;
};

// The texts of a row's figure columns (empty = absent) and where they are.
struct FigureCells {
  std::string annual_plan, ytd_completed, ytd_percent, progress, leader, credit_code;
  // The leader as the value resolver settled it: a registered person, or a name to register.
  std::optional<int64_t> leader_id;
  std::string leader_name;  // the registered name, or the name to register
  std::string plan_where, ytd_where, percent_where, code_where;  // "F列"
  AmountUnit plan_unit = AmountUnit::kWan, ytd_unit = AmountUnit::kWan;
  bool stage_given = false;
};

// The owner's 统一社会信用代码 of a row, before the row is matched: a valid code registered on a
// unit makes that unit the owner (*owner_id); a valid unknown one goes on the owner (new, or
// existing without a code: row->owner_code); a wrong check character is kept on the project
// (after->owner_credit_code, flagged); a code Excel stored as a number is dropped with a
// warning that says how to fix the sheet. `owner_named`: the row names its owner.
void ResolveOwnerCode(const FigureCells& cells, const FiguresIndex& index, Project* after,
                      std::optional<int64_t>* owner_id, bool owner_named, PlanRow* row);

// Fills the figure parts of `row` (annual_plan, opening_balance, progress, leader, warnings,
// changes) for a project that is created (`stored` null) or matched. For a new project without
// a stage column, infers the stage (and the actual dates from past start/completion dates).
// Errors go to row->reasons, findings to row->warnings.
void PlanRowFigures(const FigureCells& cells, const LedgerPeriod& period, const FiguresIndex& index,
                    const StoredFigures* stored, const std::string& today, Project* after,
                    PlanRow* row);

// The credit code a cell holds: upper-cased, folded. `damaged` when Excel stored it as a number
// and so kept only 15 significant digits ("9.16101134018534e+17").
struct CreditCodeCell {
  std::string code;
  bool damaged = false;
};
CreditCodeCell ReadCreditCodeCell(const std::string& text);

}  // namespace keyline::importing
