// LeadService: investment-attraction leads (招商线索) through 线索 → 洽谈 → 签约 → 注册 →
// 开工/落地, with their stage history, and the conversion of a signed lead into a project.
//
// Role and scope rules: core/attraction/attraction_access.h (a department works on the leads
// its unit is responsible for; reporters and service officers see nothing). Every write runs
// in one transaction with its audit entry.
//
// Conversion creates the project through ProjectService (validation, scope and audit of
// projects apply) in the 谋划 or 储备 pool, then links lead → project (leads.project_id, unique)
// in a second transaction; project → lead is ForProject. The lead and its stage history stay.
// If another conversion linked the lead in between, the second link fails with kConflict and
// the project just created stays in the ledger (audited) for the office to withdraw.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/attraction.h"
#include "core/model/role.h"
#include "core/ports/attraction_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "core/service/project_service.h"

namespace keyline {

struct LeadInput {
  std::string company;
  std::optional<std::string> credit_code;
  std::optional<std::string> industry_code;
  Money intended_investment;
  std::string source;
  std::optional<int64_t> responsible_unit_id;  // a department defaults to its own unit
  std::string responsible_person;
  std::string next_step;
  std::optional<std::string> next_step_date;
};

struct LeadDetail {
  Lead lead;
  std::vector<LeadStageChange> history;  // oldest first
  std::optional<Contract> contract;
};

struct ConvertInput {
  Stage stage = Stage::kConceived;        // kConceived or kReserve
  std::optional<std::string> name;        // default: "<company>项目"
  std::optional<Money> total_investment;  // default: the contract amount
  ProjectCategory category = ProjectCategory::kIndustrial;
  int64_t expected_version = 0;
};

struct LeadConversion {
  Lead lead;
  Project project;
};

class LeadService {
 public:
  LeadService(const Repositories& repos, const AttractionRepositories& attraction,
              ProjectService& projects, AuditLog& audit, const Clock& clock)
      : repos_(repos), attraction_(attraction), projects_(projects), audit_(audit), clock_(clock) {}

  // A department's list is limited to its own unit whatever query.unit_id says.
  Result<PageOf<Lead>> List(const Caller& caller, LeadQuery query);
  Result<LeadDetail> Get(const Caller& caller, int64_t id);
  Result<Lead> Create(const Caller& caller, LeadInput input);
  // Rewrites the editable fields (a unit left out keeps the lead's). kConflict when
  // expected_version is stale. A department cannot hand a lead to another unit.
  Result<Lead> Update(const Caller& caller, int64_t id, int64_t expected_version, LeadInput input);
  // Rules: CheckLeadMove (core/attraction/lead_rules.h).
  Result<Lead> Move(const Caller& caller, int64_t id, LeadStage to, const std::string& reason,
                    int64_t expected_version);
  // kConflict unless the lead is 签约 or later, not yet converted and at expected_version;
  // kInvalidArgument for a stage other than 谋划 / 储备.
  Result<LeadConversion> Convert(const Caller& caller, int64_t id, const ConvertInput& input);
  // The lead a project came from (nullopt when none, or when the caller may not see it).
  Result<std::optional<Lead>> ForProject(const Caller& caller, int64_t project_id);

 private:
  std::string Today() const;
  Status Fill(Tx& tx, const Caller& caller, LeadInput input, Lead* lead);

  Repositories repos_;
  AttractionRepositories attraction_;
  ProjectService& projects_;
  AuditLog& audit_;
  const Clock& clock_;
};

}  // namespace keyline
