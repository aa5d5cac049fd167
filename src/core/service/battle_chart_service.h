// BattleChartService: the battle chart (挂图作战) of a project — tasks with a deadline, a
// responsible person and a supervisor, planned backwards from a target date (倒排工期), and
// flagged done on time / done late / overdue. Role rules: supervision_access.h (edit: office,
// the project's departments and owner company; reads: scoped).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/calendar/working_calendar.h"
#include "core/model/supervision.h"
#include "core/ports/supervision_repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

using MilestonePatch = std::function<Status(Milestone&)>;

// One task of a backward plan: due `months_before` months before the target date.
struct BackwardTask {
  std::string title;
  int months_before = 0;  // 0..60
  std::optional<int64_t> responsible_person_id;
  std::optional<int64_t> supervisor_person_id;
};

class BattleChartService {
 public:
  BattleChartService(const Repositories& repos, AuditLog& audit, const Clock& clock,
                     const WorkingCalendar& calendar)
      : repos_(repos), audit_(audit), clock_(clock), calendar_(calendar) {}

  Result<std::vector<Milestone>> List(const Caller& caller, int64_t project_id);
  Result<Milestone> Add(const Caller& caller, Milestone m);
  // Add inside the caller's write transaction (a dispatch meeting's decision), same checks.
  Result<Milestone> AddIn(Tx& tx, const Caller& caller, Milestone m);
  // Adds one task per entry, each due WorkBackFrom(target, months_before) (schedule.h).
  Result<std::vector<Milestone>> PlanBackward(const Caller& caller, int64_t project_id,
                                              const std::string& target,
                                              const std::vector<BackwardTask>& tasks);
  Result<Milestone> Update(const Caller& caller, int64_t project_id, int64_t id,
                           int64_t expected_version, const MilestonePatch& patch);
  Status Remove(const Caller& caller, int64_t project_id, int64_t id);

  std::string Today() const;

 private:
  Status Validate(Tx& tx, const Milestone& m, const std::string& today);
  Status InsertOne(Tx& tx, const Caller& caller, Milestone m, Milestone* out);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
};

}  // namespace keyline
