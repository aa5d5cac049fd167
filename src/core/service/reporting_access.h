// Who may do what with monthly reports (月报), annual plans (年度计划), the reporting settings
// (填报设置) and the monthly bulletin (月度通报). The only place these role rules live;
// visibility of a project's reports follows project_access.h.
//
//   admin, supervisor (发改)  fill, review and unlock any visible report; annual plans; the
//                            reporting settings; issue the bulletin and read issued ones
//   department              reviews the reports of the projects in its scope
//   reporter (项目单位)      fills the reports of its own projects
//   leader                  reads; reads issued bulletins
//   service officer         reads its assigned projects' reports
#pragma once

#include "core/model/role.h"

namespace keyline {

// Filling (saving, submitting, prefilling) a monthly report of a visible project.
inline bool MayFillReports(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kReporter;
}

// Reviewing (approving, returning) a submitted report of a visible project.
inline bool MayReviewReports(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kDepartment;
}

// Unlocking approved reports, the reporting settings (windows, holidays) and annual plans.
inline bool MayManageReporting(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor;
}

// Issuing (印发) the monthly bulletin.
inline bool MayIssueBulletin(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor;
}

// Reading issued bulletins: they are area-wide, so the office and leaders only.
inline bool ReadsIssuedBulletins(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kLeader;
}

}  // namespace keyline
