// Roles and the authenticated caller every service call is made on behalf of.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyline {

enum class Role {
  kAdmin,           // 管理员: everything, including users and the audit log
  kSupervisor,      // 发改: all projects of the area, read and write
  kDepartment,      // 行业部门: projects its unit is responsible for
  kReporter,        // 项目单位: projects its company owns
  kLeader,          // 领导: reads everything, writes nothing
  kServiceOfficer,  // 服务员: projects the person is assigned to, read only
};

std::string_view RoleCode(Role role);    // "admin", "supervisor", ...
std::string_view RoleNameZh(Role role);  // "管理员", "发改", ...
std::optional<Role> ParseRole(std::string_view code);

// Who is calling. Built by the API layer from the session; services trust it.
struct Caller {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;  // the person's name (姓名); empty for the system
  Role role = Role::kLeader;
  int64_t unit_id = 0;               // the unit the account belongs to
  std::optional<int64_t> person_id;  // the person record of the account, if any
  std::string ip;
  std::string request_id;

  // The system itself (CLI, demo seed, migrations): admin rights, audited as "system".
  static Caller System(std::string name = "system");

  // What a screen calls the caller (登记人, 操作人, …): the display name, else the login.
  const std::string& Name() const { return display_name.empty() ? username : display_name; }
};

}  // namespace keyline
