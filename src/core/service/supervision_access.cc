#include "core/service/supervision_access.h"

#include "common/date.h"
#include "core/service/project_access.h"

namespace keyline {

Result<Project> VisibleProject(Tx& tx, const Repositories& repos, const Caller& caller,
                               int64_t project_id, const std::string& today) {
  Status not_found = Status::NotFound("项目不存在或无权查看", "project not found");
  ProjectScope scope = ScopeFor(caller, today);
  if (scope.kind != ProjectScope::Kind::kAll) {
    KL_ASSIGN_OR_RETURN(bool visible, repos.projects->InScope(tx, project_id, scope));
    if (!visible) return not_found;
  }
  auto project = repos.projects->Get(tx, project_id);
  if (!project.ok() && project.status().code() == ErrorCode::kNotFound) return not_found;
  return project;
}

bool MayEditProjectPlan(const Caller& caller, const Project& project) {
  switch (caller.role) {
    case Role::kAdmin:
    case Role::kSupervisor:
    case Role::kDepartment:  // within its scope, checked by VisibleProject
      return true;
    case Role::kReporter:
      return project.owner_unit_id == caller.unit_id;
    case Role::kLeader:
    case Role::kServiceOfficer:
      return false;
  }
  return false;
}

Status SupervisionForbidden(const std::string& what_zh, const std::string& what_en) {
  return Status::Forbidden("当前角色无权" + what_zh, "this role may not " + what_en);
}

size_t Utf8Length(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string BeijingToday(int64_t now_ms) { return Date::FromUnixMsBeijing(now_ms).ToString(); }

}  // namespace keyline
