// The rules a project must satisfy, independent of storage: field validation and the stage
// machine (谋划 → 储备 → 前期 → 在建 → 竣工 → 投产; 停缓建; 退出) with its guards.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "core/model/project.h"

namespace keyline {

// Checks the fields of a project as a whole (shapes, codes, dates against today, money,
// funding mix, consistency with the current stage). Normalises the project code in place.
// Non-blocking findings are appended to project->warnings.
// Returns kInvalidArgument with one FieldError per problem.
Status ValidateProject(Project* project, const std::string& today);

// True when the stage machine has an edge from -> to.
bool StageEdgeExists(Stage from, Stage to);
// True when moving from -> to needs a written reason (backwards, suspension, withdrawal).
bool StageMoveNeedsReason(Stage from, Stage to);

// Checks that the project's data satisfies the guards of being in `stage`
// (在建 needs an actual start date not in the future; 竣工/投产 need an actual completion date
// not before the start ...). Returns kConflict with a bilingual message naming what is missing.
Status CheckStageGuards(const Project& project, Stage stage, const std::string& today);

// Checks a transition: the edge exists, the reason is present when needed, and the guards
// of the target stage hold. Returns kConflict (illegal move, failed guard) or
// kInvalidArgument (missing reason).
Status CheckStageTransition(const Project& project, Stage to, const std::string& reason,
                            const std::string& today);

// Checks an assignment: the role takes a person or a unit (and gets exactly that), the
// validity period is well formed. Does not check that the ids exist.
Status ValidateAssignment(const Assignment& assignment);

}  // namespace keyline
