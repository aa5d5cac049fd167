// ProcedureService: procedure templates (手续模板) per approval regime and project type, applying
// them to a project, updating each procedure, and the overdue views per project and authority.
// Role rules: supervision_access.h (templates and applying them: office; updating a project's
// procedures: office, its departments and its owner company; reads: scoped).
#pragma once

#include <functional>
#include <map>
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

using ProcedurePatch = std::function<Status(ProjectProcedure&)>;

struct AuthorityOverdue {
  std::string authority;
  int64_t overdue = 0;
  std::string oldest_due;  // the earliest planned_due among them
};

class ProcedureService {
 public:
  ProcedureService(const Repositories& repos, AuditLog& audit, const Clock& clock,
                   const WorkingCalendar& calendar)
      : repos_(repos), audit_(audit), clock_(clock), calendar_(calendar) {}

  // Inserts the shipped templates (schedule.h BuiltinProcedureTemplates) into an empty table.
  Status EnsureBuiltinTemplates();
  Result<std::vector<ProcedureTemplate>> Templates(const Caller& caller);
  Result<ProcedureTemplate> CreateTemplate(const Caller& caller, ProcedureTemplate t);
  Result<ProcedureTemplate> UpdateTemplate(const Caller& caller, ProcedureTemplate t,
                                           int64_t expected_version);

  // Creates the project's procedure list from the template, planned from `start` (default:
  // today) with schedule.h PlanProcedures. kConflict when the project already has procedures.
  // When template_id is nullopt, the built-in template of the project's regime is used.
  Result<std::vector<ProjectProcedure>> Apply(const Caller& caller, int64_t project_id,
                                              std::optional<int64_t> template_id,
                                              std::optional<std::string> start);
  // Apply inside the caller's write transaction (bulk loads such as the demo seed).
  Result<std::vector<ProjectProcedure>> ApplyIn(Tx& tx, const Caller& caller, int64_t project_id,
                                                std::optional<int64_t> template_id,
                                                std::optional<std::string> start);
  Result<std::vector<ProjectProcedure>> List(const Caller& caller, int64_t project_id);
  // Adds one procedure at the end of the project's list.
  Result<ProjectProcedure> Add(const Caller& caller, ProjectProcedure item);
  // Reads, checks the version, applies patch, validates (done needs actual_done, dates not in
  // the future, ...), writes.
  Result<ProjectProcedure> Update(const Caller& caller, int64_t project_id, int64_t id,
                                  int64_t expected_version, const ProcedurePatch& patch);
  // Update inside the caller's write transaction.
  Result<ProjectProcedure> UpdateIn(Tx& tx, const Caller& caller, int64_t project_id, int64_t id,
                                    int64_t expected_version, const ProcedurePatch& patch);
  Status Remove(const Caller& caller, int64_t project_id, int64_t id);

  // Overdue procedures in the caller's scope, optionally of one authority.
  Result<std::vector<ProjectProcedure>> Overdue(const Caller& caller,
                                                const std::optional<std::string>& authority);
  // Overdue counts per authority, most overdue first.
  Result<std::vector<AuthorityOverdue>> OverdueByAuthority(const Caller& caller);

  std::string Today() const;

 private:
  Status Validate(const ProjectProcedure& p, const std::string& today);
  Result<ProjectProcedure> LoadItem(Tx& tx, const Caller& caller, int64_t project_id, int64_t id,
                                    bool write);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
  const WorkingCalendar& calendar_;
};

// kInvalidArgument naming the field for a bad template (name, 1..60 items with distinct
// codes of [a-z0-9_], names, limits 0..250).
Status ValidateProcedureTemplate(const ProcedureTemplate& t);

}  // namespace keyline
