// What the caller may do across the application (its global capabilities), for the screens:
// GET /api/v1/session answers them as `can` so the web shows menus and buttons from the
// server's rules instead of re-implementing them. Each flag is computed by the resource's
// access module (project_access.h, reporting_access.h, supervision_access.h, funds_access.h,
// engine_access.h, attraction_access.h), the same functions the services enforce; a true flag
// means "allowed for some rows in the caller's scope" (the row's own check still applies).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "core/model/role.h"

namespace keyline {

// Imports (导入): ledgers by the office; monthly figures also by departments and companies.
bool MayImportLedger(Role role);
bool MayImportReports(Role role);

// Users, sessions and the audit log: the administrator only.
inline bool MayManageUsers(Role role) { return role == Role::kAdmin; }

// The area-wide pages (dashboard, funds, key lists, orders, meetings, engine views, reference
// lists, ledger exports): every role but a project company, which works from its own projects.
inline bool BrowsesArea(Role role) { return role != Role::kReporter; }

// (name, allowed) for every capability, in the documented order (docs/api.yaml Capabilities).
std::vector<std::pair<std::string_view, bool>> CapabilitiesFor(const Caller& caller);

}  // namespace keyline
