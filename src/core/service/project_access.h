// Who may read and write which projects. The only place role rules for projects live.
//
//   admin, supervisor  read all, write all
//   leader             read all, write nothing
//   department         read/write projects its unit is related to (responsible, owner or
//                      assigned unit while the assignment is valid)
//   reporter           read/write projects its company owns; cannot create, move stages
//                      or change assignments
//   service officer    read projects the person is assigned to; write nothing
#pragma once

#include <string>

#include "common/result.h"
#include "common/status.h"
#include "core/model/role.h"
#include "core/ports/repositories.h"

namespace keyline {

ProjectScope ScopeFor(const Caller& caller, const std::string& today);

enum class ProjectAction { kRead, kCreate, kUpdate, kChangeStage, kManageAssignments };

// Role-level permission (before looking at the particular project).
bool RoleMay(Role role, ProjectAction action);

// kForbidden with a bilingual message naming the action.
Status ForbiddenFor(ProjectAction action);

// The project with this id when the caller may see it; kNotFound ("不存在或无权查看") both when
// it does not exist and when it is outside the caller's scope, so existence is not revealed.
Result<Project> LoadVisibleProject(ProjectRepository& projects, Tx& tx, const Caller& caller,
                                   int64_t id, const std::string& today);

// Changing a project's owner, responsible unit and other key fields (the office only).
inline bool MayChangeProjectKeyFields(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor;
}

// Reference data (regions, units, people): everyone reads; admin and supervisor write.
bool MayWriteReference(Role role);

}  // namespace keyline
