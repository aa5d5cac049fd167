#include "core/model/role.h"

namespace keyline {

std::string_view RoleCode(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kSupervisor:
      return "supervisor";
    case Role::kDepartment:
      return "department";
    case Role::kReporter:
      return "reporter";
    case Role::kLeader:
      return "leader";
    case Role::kServiceOfficer:
      return "service_officer";
  }
  return "leader";
}

std::string_view RoleNameZh(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "管理员";
    case Role::kSupervisor:
      return "发改";
    case Role::kDepartment:
      return "行业部门";
    case Role::kReporter:
      return "项目单位";
    case Role::kLeader:
      return "领导";
    case Role::kServiceOfficer:
      return "服务员";
  }
  return "领导";
}

std::optional<Role> ParseRole(std::string_view code) {
  for (Role r : {Role::kAdmin, Role::kSupervisor, Role::kDepartment, Role::kReporter, Role::kLeader,
                 Role::kServiceOfficer}) {
    if (RoleCode(r) == code) return r;
  }
  return std::nullopt;
}

Caller Caller::System(std::string name) {
  Caller c;
  c.user_id = 0;
  c.username = std::move(name);
  c.role = Role::kAdmin;
  return c;
}

}  // namespace keyline
