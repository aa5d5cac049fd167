#include "core/service/lead_moves.h"

#include "core/attraction/attraction_access.h"
#include "core/model/attraction_json.h"
#include "core/model/json.h"

namespace keyline {

Result<Lead> LoadWritableLead(Tx& tx, LeadRepository& leads, const Caller& caller, int64_t id) {
  KL_RETURN_IF_ERROR(RequireAttractionReader(caller));
  KL_ASSIGN_OR_RETURN(Lead lead, leads.Get(tx, id));
  KL_RETURN_IF_ERROR(CheckLeadWritable(caller, lead));
  return lead;
}

LeadStageChange NewLeadStageChange(int64_t lead_id, std::optional<LeadStage> from, LeadStage to,
                                   std::string reason, const Caller& caller, int64_t at) {
  LeadStageChange change;
  change.lead_id = lead_id;
  change.from = from;
  change.to = to;
  change.reason = std::move(reason);
  change.user_id = caller.user_id;
  change.username = caller.username;
  change.at = at;
  return change;
}

Result<Lead> WriteLeadMove(Tx& tx, LeadRepository& leads, AuditLog& audit, const Caller& caller,
                           const Lead& before, LeadStage to, const std::string& reason,
                           int64_t now) {
  Lead lead = before;
  lead.stage = to;
  lead.updated_at = now;
  KL_RETURN_IF_ERROR(leads.Update(tx, lead, before.version));
  lead.version = before.version + 1;
  KL_RETURN_IF_ERROR(leads.InsertStageChange(
      tx, NewLeadStageChange(lead.id, before.stage, to, reason, caller, now)));
  KL_RETURN_IF_ERROR(audit.Record(tx, caller, "stage", "lead", std::to_string(lead.id),
                                  ToJson(before), ToJson(lead)));
  return lead;
}

}  // namespace keyline
