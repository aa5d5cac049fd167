// The services of investment attraction, campaign rounds and annual targets, built together
// by the composition root (one member in KeylineApp and in ApiContext). Owns nothing else;
// the repositories, ProjectService, AuditLog and Clock must outlive it.
#pragma once

#include "core/service/campaign_service.h"
#include "core/service/lead_service.h"
#include "core/service/signing_service.h"
#include "core/service/target_service.h"

namespace keyline {

struct AttractionServices {
  AttractionServices(const Repositories& repos, const AttractionRepositories& attraction,
                     PlanRepository& plans, ProjectService& projects, AuditLog& audit,
                     const Clock& clock)
      : leads(repos, attraction, projects, audit, clock),
        signing(repos, attraction, audit, clock),
        campaigns(repos, attraction, plans, audit, clock),
        targets(repos, attraction, audit, clock) {}

  LeadService leads;
  SigningService signing;
  CampaignService campaigns;
  TargetService targets;
};

}  // namespace keyline
