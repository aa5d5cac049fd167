// CampaignService: campaign rounds (三个一批: 签约一批, 开工一批, 投产一批; 四个一批 adds
// 谋划一批). A round has a date and a place; projects join it in one category; a round's 投产 list
// can be proposed from earlier rounds' 开工 projects; each round has its figures
// (core/attraction/campaign_stats.h), the annual planned investment coming from the projects'
// confirmed annual plans (PlanRepository::Baseline) for the round's year.
//
// Roles (core/attraction/attraction_access.h): the office writes; leaders read all; a
// department reads rounds with only the projects in its project scope (and figures over
// those); reporters and service officers: 403. Every write is audited in its transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/attraction/campaign_stats.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/ports/reporting_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"

namespace keyline {

struct RoundInput {
  std::string name;
  std::string held_on;
  std::string place;
  CampaignScheme scheme = CampaignScheme::kThree;
  std::string note;
};

struct RoundDetail {
  CampaignRound round;
  std::vector<CampaignEntry> entries;  // those the caller may see
  CampaignStats stats;                 // over those entries
};

class CampaignService {
 public:
  CampaignService(const Repositories& repos, const AttractionRepositories& attraction,
                  PlanRepository& plans, AuditLog& audit, const Clock& clock)
      : repos_(repos), attraction_(attraction), plans_(plans), audit_(audit), clock_(clock) {}

  Result<std::vector<CampaignRound>> List(const Caller& caller, std::optional<int> year);
  Result<RoundDetail> Get(const Caller& caller, int64_t id);
  Result<CampaignRound> Create(const Caller& caller, const RoundInput& input);
  Result<CampaignRound> Update(const Caller& caller, int64_t id, int64_t expected_version,
                               const RoundInput& input);
  // kConflict when the project is already in the round; kInvalidArgument for 谋划一批 in a
  // 三个一批 round; kNotFound for an unknown project.
  Result<CampaignEntry> AddProject(const Caller& caller, int64_t round_id, int64_t project_id,
                                   CampaignCategory category, const std::string& note);
  Status RemoveProject(const Caller& caller, int64_t round_id, int64_t project_id);
  // The 投产 proposal: 开工 entries of rounds held before this one (each project once), minus
  // the projects already in this round.
  Result<std::vector<CampaignEntry>> ProposeProduction(const Caller& caller, int64_t round_id);

 private:
  std::string Today() const;
  Result<std::vector<CampaignEntry>> Visible(Tx& tx, const Caller& caller,
                                             std::vector<CampaignEntry> entries);

  Repositories repos_;
  AttractionRepositories attraction_;
  PlanRepository& plans_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
