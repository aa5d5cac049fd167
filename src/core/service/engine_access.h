// Who may configure and act in the rule engine (指标, 亮灯规则, 排名方案, 红黑榜 and the
// manual light judgements). The only place these role rules live; the engine services in
// src/engine/service call them. Reads are scoped by project_access.h.
//
//   admin, supervisor (发改)  indicators, light rules, ranking schemes and exemptions,
//                            publishing rankings, the engine status; judge lights
//   department              judges the lights of the projects in its scope
//   leader, service officer read (published rankings too)
//   reporter (项目单位)      reads its own projects; no published area-wide rankings
#pragma once

#include "core/model/role.h"

namespace keyline {

// Indicators, light rules, ranking schemes, exemptions, publishing rankings, engine status.
inline bool MayConfigureEngine(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor;
}

// Recording a manual light judgement (人工研判) on a visible project.
inline bool MayJudgeLights(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kDepartment;
}

// Reading published (area-wide) rankings and red/black lists.
inline bool ReadsPublishedRankings(Role role) { return role != Role::kReporter; }

}  // namespace keyline
