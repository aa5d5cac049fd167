// Factories of the SQL implementations of the attraction, campaign and target repositories.
// Private to storage/repos; SqlStore bundles them.
#pragma once

#include <memory>
#include <string>
#include <utility>

#include "core/ports/attraction_repositories.h"
#include "storage/sql/database.h"

namespace keyline::storage {

std::unique_ptr<LeadRepository> NewSqlLeadRepository();
std::unique_ptr<ContractRepository> NewSqlContractRepository();
std::unique_ptr<CampaignRepository> NewSqlCampaignRepository();
std::unique_ptr<TargetRepository> NewSqlTargetRepository();

// The first and last day of a year as bound values ("2026-01-01", "2026-12-31"), for
// comparisons with ISO date columns.
std::pair<sql::Value, sql::Value> YearBounds(int year);

}  // namespace keyline::storage
