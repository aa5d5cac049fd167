// Who may do what with funds (资金), key lists (重点项目名单) and factor guarantees (要素保障).
// Visibility follows project_access.h: every read is limited to the projects the caller sees,
// and a project (or a line, due item or change of a project) outside the scope is kNotFound.
//
//   admin, supervisor (发改)  everything: funding lines and their events, central-budget due
//                            items, factor demands; proposing key-list changes and deciding
//                            them — a change takes effect only when approved by an admin or
//                            supervisor other than the one who proposed it (four eyes)
//   department              records funding lines, events and due items and the factor
//                            demands of the projects in its scope (it is the 主管部门 that
//                            receives, forwards and pays, and the 要素保障部门 that guarantees);
//                            reads the key lists as far as its projects go
//   reporter (项目单位)      reads the funds, factors and list entries of its own projects
//   leader                  reads everything, writes nothing
//   service officer         reads its assigned projects
#pragma once

#include "core/model/role.h"

namespace keyline {

// Funding lines, events, due items and factor demands of a visible project.
inline bool MayWriteFunds(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor || role == Role::kDepartment;
}

// Proposing and deciding key-list changes.
inline bool MayManageKeyLists(Role role) {
  return role == Role::kAdmin || role == Role::kSupervisor;
}

}  // namespace keyline
