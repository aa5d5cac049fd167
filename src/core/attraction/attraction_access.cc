#include "core/attraction/attraction_access.h"

namespace keyline {

Status RequireAttractionReader(const Caller& caller) {
  if (caller.role == Role::kReporter || caller.role == Role::kServiceOfficer) {
    return Status::Forbidden("无权查看招商引资、三个一批和目标任务",
                             "this role may not see investment attraction, campaigns or targets");
  }
  return Status::Ok();
}

Status RequireAttractionOffice(const Caller& caller) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (caller.role == Role::kAdmin || caller.role == Role::kSupervisor) return Status::Ok();
  return Status::Forbidden("只有发改部门可以执行此操作", "only the 发改 office may do this");
}

bool WritesLeads(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kDepartment;
}

bool EntersTargetActuals(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kDepartment;
}

bool SeesAllLeads(const Caller& caller) {
  return caller.role == Role::kAdmin || caller.role == Role::kSupervisor ||
         caller.role == Role::kLeader;
}

Status CheckLeadVisible(const Caller& caller, const Lead& lead) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (SeesAllLeads(caller)) return Status::Ok();
  if (caller.role == Role::kDepartment && lead.responsible_unit_id == caller.unit_id) {
    return Status::Ok();
  }
  return Status::NotFound("招商线索不存在或无权查看", "lead not found");
}

Status CheckLeadWritable(const Caller& caller, const Lead& lead) {
  KL_RETURN_IF_ERROR(CheckLeadVisible(caller, lead));
  if (!WritesLeads(caller.role)) {
    return Status::Forbidden("领导只能查看，不能修改", "a leader reads but does not write");
  }
  return Status::Ok();
}

Status CheckTargetActualWriter(const Caller& caller, const Target& target) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  if (caller.role == Role::kAdmin || caller.role == Role::kSupervisor) return Status::Ok();
  if (EntersTargetActuals(caller.role) && target.responsible_unit_id &&
      *target.responsible_unit_id == caller.unit_id) {
    return Status::Ok();
  }
  return Status::Forbidden("只能填报本单位负责的目标任务",
                           "only the responsible unit or the office may enter actuals");
}

}  // namespace keyline
