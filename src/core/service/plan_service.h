// PlanService: annual plans (年度计划) of projects, with versioned baselines.
//
//   - The first save of a year makes version 1 as a draft; saving a draft rewrites it.
//   - Confirming a draft makes it the baseline.
//   - Saving over a confirmed plan is a re-baseline: it needs a reason and makes version n+1,
//     confirmed at once; every earlier version stays readable.
// Admin and supervisor write plans; whoever may see a project reads its plans. Every write is
// audited in its transaction.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/reporting.h"
#include "core/model/role.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct PlanInput {
  Money planned_investment;
  std::optional<std::string> planned_start;
  std::optional<std::string> planned_completion;
  std::string goals;
  PlanSplit split = PlanSplit::kEven;
  std::optional<std::array<Money, 12>> monthly;  // required for kCustom, ignored otherwise
  std::optional<Money> completed_before;
  std::string reason;
  int expected_version = 0;  // the version the caller saw; 0 when there was no plan
};

struct PlanHistory {
  std::optional<AnnualPlan> current;
  std::vector<AnnualPlan> versions;  // oldest first
};

class PlanService {
 public:
  PlanService(const Repositories& repos, PlanRepository& plans, AuditLog& audit, const Clock& clock)
      : repos_(repos), plans_(plans), audit_(audit), clock_(clock) {}

  Result<PlanHistory> Get(const Caller& caller, int64_t project_id, int year);
  // The newest version of each year.
  Result<std::vector<AnnualPlan>> ListYears(const Caller& caller, int64_t project_id);
  // kConflict when expected_version is not the current version.
  Result<AnnualPlan> Save(const Caller& caller, int64_t project_id, int year, PlanInput input);
  // kConflict unless version is the current version and a draft.
  Result<AnnualPlan> Confirm(const Caller& caller, int64_t project_id, int year, int version);

  // A ledger import's annual plan, inside the import's transaction (the caller has checked
  // the role and the project): no plan → version 1, confirmed at once; a draft → rewritten and
  // confirmed; a confirmed plan of another amount → a re-baseline with `reason`; the same
  // amount confirmed → nothing. The months are split evenly over the project's months in the
  // year (planned start/completion). Audited like Save/Confirm. `new_project`: the project was
  // created in this transaction (it has no plan; nothing is read).
  Status ImportBaselineInTx(Tx& tx, const Caller& caller, int64_t project_id, int year,
                            Money planned, const std::string& reason, bool new_project = false);

 private:
  std::string Today() const;
  Status RequireWriter(const Caller& caller) const;

  Repositories repos_;
  PlanRepository& plans_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
