// RankingService: ranking schemes (CRUD, admin/supervisor, audited), rankings of units by a
// scheme for a month or quarter, and black-list exemptions (admin/supervisor, audited).
//
// A ranking is an official list: it is computed over all the projects of the area whatever the
// caller's role, from the indicators of the IndicatorCatalogue (evaluated for the
// period's last month, grouped by responsible unit) and the built-in measures (ranking_measures.h).
// A group ranks its units (ids ∪ units of its kinds) that have at least one project. The caller's
// scope decides only which rows come back: all of them for the office, leaders and admin; the
// units of the caller's visible projects and its own unit otherwise; scores and ranks are the
// same for every viewer.
// The previous period is ranked the same way for the change of rank.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "core/model/role.h"
#include "core/ports/lights_repositories.h"
#include "core/ports/repositories.h"
#include "core/service/audit_log.h"
#include "engine/facts_source.h"
#include "engine/indicator_catalogue.h"
#include "engine/ranking.h"

namespace keyline::engine {

struct RankingRow {
  std::string unit_name;
  RankedUnit ranked;
};
struct RankingGroupResult {
  std::string code, name_zh;
  std::vector<RankingRow> rows;  // the rows the caller may see
  int units_ranked = 0;          // the units ranked in the whole group (rank r of units_ranked)
};
struct RankingResult {
  RankingScheme scheme;
  RankingPeriod period, previous;
  std::vector<RankingGroupResult> groups;
  bool whole_area = true;  // the caller sees every row (false: the rows of its scope only)
};

class RankingService {
 public:
  RankingService(const Repositories& repos, const LightsRepositories& lights, AuditLog& audit,
                 const Clock& clock, FactsSource& facts, IndicatorCatalogue& indicators)
      : repos_(repos),
        lights_(lights),
        audit_(audit),
        clock_(clock),
        facts_(facts),
        indicators_(indicators) {}

  Result<std::vector<RankingScheme>> List();
  Result<RankingScheme> Get(const std::string& code);
  Result<RankingScheme> Create(const Caller& caller, RankingScheme scheme);
  Result<RankingScheme> Update(const Caller& caller, RankingScheme scheme);
  Status Delete(const Caller& caller, const std::string& code);

  Result<RankingResult> Rank(const Caller& caller, const std::string& code,
                             const std::string& period);
  Result<RankingExemption> Exempt(const Caller& caller, RankingExemption exemption);

 private:
  Status Validate(const RankingScheme& scheme);
  std::string Today() const;

  Repositories repos_;
  LightsRepositories lights_;
  AuditLog& audit_;
  const Clock& clock_;
  FactsSource& facts_;
  IndicatorCatalogue& indicators_;
};

// The scheme as JSON (the API's shape; also the audit record).
std::string RankingSchemeJson(const RankingScheme& scheme);

}  // namespace keyline::engine
