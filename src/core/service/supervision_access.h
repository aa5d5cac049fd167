// Who may do what in the supervision loop (procedures, battle chart, problems, orders,
// meetings). The project rules of project_access.h decide visibility: every read is limited
// to the projects the caller sees, and a project outside the scope is kNotFound.
//
//   admin, supervisor (发改)  everything: templates, applying them, raising and closing any
//                            problem, the escalation sweep, meetings
//   department              updates procedures and tasks of its projects; raises problems for
//                            its projects; deploys, feeds back, solves or plans problems and
//                            answers supervision orders assigned to its unit (also when the
//                            project is not otherwise its own: it then sees that problem)
//   reporter (项目单位)      updates procedures and tasks of its own projects; raises problems
//                            for them; closes problems it raised
//   leader                  reads everything; confirms (closes) or reopens solved problems
//                            with an evaluation; reads meetings
//   service officer         reads its projects' procedures, charts and problems
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "core/model/role.h"
#include "core/model/supervision.h"
#include "core/ports/repositories.h"

namespace keyline {

// 发改 office roles: admin and supervisor.
inline bool IsOffice(Role role) { return role == Role::kAdmin || role == Role::kSupervisor; }

// Visibility of a project: LoadVisibleProject (project_access.h).

// May the caller edit the procedures and battle-chart tasks of this (visible) project?
bool MayEditProjectPlan(const Caller& caller, const Project& project);

// Templates (procedures, deadlines), applying procedure templates, deleting procedures,
// meetings and their decisions, the escalation sweep: the office only.
inline bool MayManageSupervision(Role role) { return IsOffice(role); }

// Raising problems (for projects in the caller's scope; a company only for its own).
inline bool MayRaiseProblems(Role role) {
  return role != Role::kLeader && role != Role::kServiceOfficer;
}

// Deploying, feeding back, planning and solving a problem: the office and the responsible units.
bool MayWorkOnProblem(const Caller& caller, const Problem& problem);
// Confirming (closing) or reopening a problem: the office, leaders and the one who raised it.
bool MayConfirmProblem(const Caller& caller, const Problem& problem);

// Answering supervision orders: the office any, a department those issued to its unit.
inline bool MayAnswerOrders(Role role) { return IsOffice(role) || role == Role::kDepartment; }
inline bool MayAnswerOrder(const Caller& caller, int64_t order_unit_id) {
  return IsOffice(caller.role) ||
         (caller.role == Role::kDepartment && caller.unit_id == order_unit_id);
}

// kForbidden with a bilingual message.
Status SupervisionForbidden(const std::string& what_zh, const std::string& what_en);

// The number of characters (code points) of UTF-8 text: the unit of the services' length limits.
size_t Utf8Length(const std::string& text);

// Today's date in Beijing from a clock reading.
std::string BeijingToday(int64_t now_ms);

}  // namespace keyline
