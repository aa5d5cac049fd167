// Who may read and write investment attraction (招商引资), campaign rounds (三个一批) and
// annual targets (目标任务). The only place these role rules live.
//
//   admin, supervisor   read and write everything
//   leader              read everything, write nothing (403 on writes)
//   department          leads (and their contracts, history and rates): only the leads its
//                       unit is responsible for (招商小组 are units) — others answer 404; it
//                       creates leads for its own unit and writes them, registers their
//                       contracts and converts them into projects of its own. Reads signing
//                       events (their contract lists show its own leads only), campaign rounds
//                       (entries limited to projects in its project scope, statistics over
//                       those) and targets; enters actuals of the targets its unit is
//                       responsible for. Creates no events, rounds or targets.
//   reporter, service officer  nothing at all (403): the lead pipeline is the office's
//                       confidential work, and companies must not see competitors' leads.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "core/model/attraction.h"
#include "core/model/role.h"

namespace keyline {

// kForbidden for reporters and service officers; OK for everyone else.
Status RequireAttractionReader(const Caller& caller);
// kForbidden unless admin or supervisor.
Status RequireAttractionOffice(const Caller& caller);
// Creating leads (a department for its own unit) and writing the leads the caller sees.
bool WritesLeads(Role role);
// True when the caller reads every lead (admin, supervisor, leader).
bool SeesAllLeads(const Caller& caller);
// kNotFound when the caller may not see the lead (existence is not revealed).
Status CheckLeadVisible(const Caller& caller, const Lead& lead);
// kNotFound / kForbidden as above, then kForbidden for a leader.
Status CheckLeadWritable(const Caller& caller, const Lead& lead);
// Entering target actuals at all (the office any target, a department its unit's).
bool EntersTargetActuals(Role role);
// May the caller enter actuals of a target with this responsible unit?
Status CheckTargetActualWriter(const Caller& caller, const Target& target);

}  // namespace keyline
