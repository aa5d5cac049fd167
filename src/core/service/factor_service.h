// FactorService: factor guarantees (要素保障) per project and kind — land (亩), energy (吨标准煤),
// environmental capacity, water and power: the amount demanded, the amount guaranteed so far,
// the date it is needed by and the date it was fully guaranteed.
//
//   - One demand per (project, kind); Put creates it (expected_version 0) or rewrites it
//     (expected_version = the stored version; a stale one is kConflict).
//   - 0 < demanded; 0 ≤ guaranteed ≤ demanded; guaranteed_on only when something is
//     guaranteed, never in the future; a full guarantee needs its date.
//   - Overdue: not fully guaranteed and today past the due date (core/funds/deadlines.h).
// Role rules: core/service/funds_access.h. Every write is audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/funds.h"
#include "core/model/role.h"
#include "core/ports/funds_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct FactorInput {
  int64_t demanded = 0;  // micro-units
  int64_t guaranteed = 0;
  std::optional<std::string> due_on;
  std::optional<std::string> guaranteed_on;
  std::string note;
  int64_t expected_version = 0;
};

class FactorService {
 public:
  FactorService(const Repositories& repos, const FundsRepositories& funds, AuditLog& audit,
                const Clock& clock)
      : repos_(repos), funds_(funds), audit_(audit), clock_(clock) {}

  Result<std::vector<FactorDemand>> OfProject(const Caller& caller, int64_t project_id);
  Result<FactorDemand> Put(const Caller& caller, int64_t project_id, FactorKind kind,
                           FactorInput input);
  // Overdue demands of the visible projects, by due date.
  Result<std::vector<FactorDemand>> Overdue(const Caller& caller);

 private:
  std::string Today() const;

  Repositories repos_;
  FundsRepositories funds_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
