// TargetService: an office's own yearly goals (目标任务), e.g. "组织外出招商活动20场以上", each
// with a target value, a unit, a responsible unit and a measure. Computed measures take their
// actual from Keyline's data (core/attraction/target_progress.h); manual ones from the newest
// entered actual, every entry kept as history. Progress = actual ÷ target vs 序时进度.
//
// Roles (core/attraction/attraction_access.h): the office creates and edits targets and
// enters actuals; a department enters actuals of the targets its unit is responsible for;
// leaders and departments read; reporters and service officers: 403. Writes are audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/attraction/target_progress.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct TargetInput {
  int year = 0;
  std::string title;
  double target_value = 0;
  std::string unit;
  std::optional<int64_t> responsible_unit_id;
  TargetMeasure measure = TargetMeasure::kManual;
  std::optional<Money> threshold;
  std::string note;
};

struct TargetView {
  Target target;
  TargetProgress progress;
  std::optional<TargetActual> latest;  // the newest entered actual
};

struct TargetDetail {
  TargetView view;
  std::vector<TargetActual> actuals;  // oldest first
};

class TargetService {
 public:
  TargetService(const Repositories& repos, const AttractionRepositories& attraction,
                AuditLog& audit, const Clock& clock)
      : repos_(repos), attraction_(attraction), audit_(audit), clock_(clock) {}

  Result<std::vector<TargetView>> List(const Caller& caller, int year);
  Result<TargetDetail> Get(const Caller& caller, int64_t id);
  Result<Target> Create(const Caller& caller, const TargetInput& input);
  Result<Target> Update(const Caller& caller, int64_t id, int64_t expected_version,
                        const TargetInput& input);
  // kConflict for a computed measure (its actual comes from the data).
  Result<TargetActual> RecordActual(const Caller& caller, int64_t id, double value,
                                    const std::string& as_of, const std::string& note);

 private:
  std::string Today() const;
  Status Check(Tx& tx, const TargetInput& input);
  Result<TargetView> View(Tx& tx, Target target, const std::vector<TargetActual>& actuals);

  Repositories repos_;
  AttractionRepositories attraction_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
