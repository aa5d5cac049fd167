// Writing a lead's stage: the one place that changes leads.stage, appends the history row and
// the audit entry, used by LeadService (registration, moves) and SigningService (a signed
// contract moves the lead to 签约). Runs inside the caller's write transaction.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

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
