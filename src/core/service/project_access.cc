#include "core/service/project_access.h"

namespace keyline {

ProjectScope ScopeFor(const Caller& caller, const std::string& today) {
  ProjectScope scope;
  scope.today = today;
  switch (caller.role) {
    case Role::kAdmin:
    case Role::kSupervisor:
    case Role::kLeader:
      scope.kind = ProjectScope::Kind::kAll;
      break;
    case Role::kDepartment:
      scope.kind = ProjectScope::Kind::kUnit;
      scope.id = caller.unit_id;
      break;
    case Role::kReporter:
      scope.kind = ProjectScope::Kind::kOwner;
      scope.id = caller.unit_id;
      break;
    case Role::kServiceOfficer:
      scope.kind = ProjectScope::Kind::kPerson;
      scope.id = caller.person_id.value_or(-1);  // no person: sees nothing
      break;
  }
  return scope;
}

bool RoleMay(Role role, ProjectAction action) {
  switch (role) {
    case Role::kAdmin:
    case Role::kSupervisor:
      return true;
    case Role::kLeader:
    case Role::kServiceOfficer:
      return action == ProjectAction::kRead;
    case Role::kDepartment:
      return true;  // within its scope
    case Role::kReporter:
      return action == ProjectAction::kRead || action == ProjectAction::kUpdate;
  }
  return false;
}

Status ForbiddenFor(ProjectAction action) {
  switch (action) {
    case ProjectAction::kRead:
      return Status::Forbidden("无权查看该项目", "not allowed to read this project");
    case ProjectAction::kCreate:
      return Status::Forbidden("当前角色无权新建项目", "this role may not create projects");
    case ProjectAction::kUpdate:
      return Status::Forbidden("当前角色无权修改该项目", "this role may not change this project");
    case ProjectAction::kChangeStage:
      return Status::Forbidden("当前角色无权变更项目阶段",
                               "this role may not change a project's stage");
    case ProjectAction::kManageAssignments:
      return Status::Forbidden("当前角色无权调整项目包抓和责任单位",
                               "this role may not change a project's assignments");
  }
  return Status::Forbidden("无权操作", "forbidden");
}

bool MayWriteReference(Role role) { return role == Role::kAdmin || role == Role::kSupervisor; }

Result<Project> LoadVisibleProject(ProjectRepository& projects, Tx& tx, const Caller& caller,
                                   int64_t id, const std::string& today) {
  Status not_found = Status::NotFound("项目不存在或无权查看", "project not found");
  ProjectScope scope = ScopeFor(caller, today);
  bool needs_query =
      scope.kind == ProjectScope::Kind::kUnit || scope.kind == ProjectScope::Kind::kPerson;
  if (needs_query) {
    KL_ASSIGN_OR_RETURN(bool visible, projects.InScope(tx, id, scope));
    if (!visible) return not_found;
  }
  auto project = projects.Get(tx, id);
  if (!project.ok() && project.status().code() == ErrorCode::kNotFound) return not_found;
  // A company's scope is its own projects: the row itself tells.
  if (project.ok() && scope.kind == ProjectScope::Kind::kOwner &&
      project->owner_unit_id != scope.id) {
    return not_found;
  }
  return project;
}

}  // namespace keyline
