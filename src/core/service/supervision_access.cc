#include "core/service/supervision_access.h"

#include <algorithm>

#include "common/date.h"

namespace keyline {

bool MayEditProjectPlan(const Caller& caller, const Project& project) {
  switch (caller.role) {
    case Role::kAdmin:
    case Role::kSupervisor:
    case Role::kDepartment:  // within its scope, checked by LoadVisibleProject
      return true;
    case Role::kReporter:
      return project.owner_unit_id == caller.unit_id;
    case Role::kLeader:
    case Role::kServiceOfficer:
      return false;
  }
  return false;
}

bool MayWorkOnProblem(const Caller& caller, const Problem& problem) {
  if (IsOffice(caller.role)) return true;
  return caller.role == Role::kDepartment &&
         std::find(problem.unit_ids.begin(), problem.unit_ids.end(), caller.unit_id) !=
             problem.unit_ids.end();
}

bool MayConfirmProblem(const Caller& caller, const Problem& problem) {
  return IsOffice(caller.role) || caller.role == Role::kLeader ||
         caller.user_id == problem.raised_by;
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
