// Changing a lead, shared by LeadService (registration, edits, moves) and SigningService (a
// signed contract moves the lead to 签约): loading it for a change, and the one place that
// changes leads.stage with its history row and audit entry. Run inside the caller's
// transaction.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

// The lead with this id when the caller may change it: kForbidden for reporters, service
// officers and leaders, kNotFound when absent or outside a department's leads.
Result<Lead> LoadWritableLead(Tx& tx, LeadRepository& leads, const Caller& caller, int64_t id);

// The history row of a move from `from` (nullopt at registration) to `to`.
LeadStageChange NewLeadStageChange(int64_t lead_id, std::optional<LeadStage> from, LeadStage to,
                                   std::string reason, const Caller& caller, int64_t at);

// Moves `before` (as read in tx) to `to` at time now: rewrites the lead (kConflict when its
// version moved on), appends the history row and the audit entry "stage". The rules
// (CheckLeadMove) are the caller's job. Returns the lead as stored.
Result<Lead> WriteLeadMove(Tx& tx, LeadRepository& leads, AuditLog& audit, const Caller& caller,
                           const Lead& before, LeadStage to, const std::string& reason,
                           int64_t now);

}  // namespace keyline
