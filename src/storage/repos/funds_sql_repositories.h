// Factories of the SQL implementations of the issue-8 repositories (funds, key lists, factor
// demands). Private to storage/repos; SqlStore bundles them.
#pragma once

#include <memory>

#include "core/ports/funds_repositories.h"

namespace keyline::storage {

std::unique_ptr<FundRepository> NewSqlFundRepository();
std::unique_ptr<KeyListRepository> NewSqlKeyListRepository();
std::unique_ptr<FactorRepository> NewSqlFactorRepository();

}  // namespace keyline::storage
