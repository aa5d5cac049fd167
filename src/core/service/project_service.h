// ProjectService: the project ledger's use cases, scoped to the caller.
//
// Every method checks the caller's role and scope (project_access.h) on the server side:
// a project outside the caller's scope is reported as kNotFound (its existence is not
// revealed); a visible project the caller may not change is kForbidden. Every write runs in
// one transaction together with its audit entry.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/project_access.h"

namespace keyline {

// Applies a client's changes to a project read inside the write transaction.
using ProjectPatch = std::function<Status(Project&)>;
using AssignmentPatch = std::function<Status(Assignment&)>;

struct StageMove {
  Stage to = Stage::kConceived;
  std::string reason;
  // Optional facts supplied with the move (e.g. the actual start date when starting).
  std::optional<std::string> actual_start;
  std::optional<std::string> actual_completion;
  std::optional<int64_t> expected_version;  // when set, a concurrent change -> kConflict
};

class ProjectService {
 public:
  ProjectService(const Repositories& repos, AuditLog& audit, const Clock& clock)
      : repos_(repos), audit_(audit), clock_(clock) {}

  // Creates a project in draft.stage (any stage whose guards hold, so existing ledgers can be
  // loaded); records the initial stage with stage_reason. Departments create projects for
  // their own unit only.
  Result<Project> Create(const Caller& caller, Project draft, const std::string& stage_reason);
  Result<Project> Get(const Caller& caller, int64_t id);
  Result<PageOf<Project>> List(const Caller& caller, const ProjectQuery& query);
  // Reads the project, checks expected_version, applies patch, validates, writes.
  // The stage cannot change here (use MoveStage). Only admin and supervisor may change the
  // owner, the responsible unit and the key-list level.
  Result<Project> Update(const Caller& caller, int64_t id, int64_t expected_version,
                         const ProjectPatch& patch);
  Result<Project> MoveStage(const Caller& caller, int64_t id, const StageMove& move);

  // Create and Update inside a transaction the caller runs (bulk imports: many writes, one
  // transaction). Same checks, same audit entries.
  Result<Project> CreateInTx(Tx& tx, const Caller& caller, Project draft,
                             const std::string& stage_reason);
  Result<Project> UpdateInTx(Tx& tx, const Caller& caller, int64_t id, int64_t expected_version,
                             const ProjectPatch& patch);
  Result<std::vector<StageChange>> StageHistory(const Caller& caller, int64_t id);

  Result<std::vector<Assignment>> Assignments(const Caller& caller, int64_t project_id);
  Result<Assignment> AddAssignment(const Caller& caller, Assignment assignment);
  Result<Assignment> UpdateAssignment(const Caller& caller, int64_t project_id,
                                      int64_t assignment_id, int64_t expected_version,
                                      const AssignmentPatch& patch);
  Status RemoveAssignment(const Caller& caller, int64_t project_id, int64_t assignment_id);

  // Today's date in Beijing, "YYYY-MM-DD".
  std::string Today() const;

 private:
  // Inserts a validated draft with its initial stage change and audit entry.
  Result<Project> InsertValidated(Tx& tx, const Caller& caller, const Project& draft,
                                  const std::string& stage_reason);
  // Loads a project the caller may see (kNotFound otherwise).
  Result<Project> LoadVisible(Tx& tx, const Caller& caller, int64_t id);
  // Checks that referenced units, region, parent and people exist and fit.
  Status CheckReferences(Tx& tx, const Project& project);
  Status CheckAssignmentReferences(Tx& tx, const Assignment& assignment);
  Status RequireWritable(Tx& tx, const Caller& caller, ProjectAction action, int64_t id,
                         Project* out);

  Repositories repos_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
