// Factories of the SQL implementations of the issue-8 repositories (funds, key lists, factor
// demands). Private to storage/repos; SqlStore bundles them.
#pragma once

#include <memory>
#include <string_view>

#include "core/ports/funds_repositories.h"
#include "storage/repos/sql_builder.h"
#include "storage/sql/database.h"

namespace keyline::storage {

std::unique_ptr<FundRepository> NewSqlFundRepository();
std::unique_ptr<KeyListRepository> NewSqlKeyListRepository();
std::unique_ptr<FactorRepository> NewSqlFactorRepository();

// head + "<ids of the projects within scope>)": head is a constant ending in "IN (". The scope's
// values are bound first; further conditions may be appended with '?' placeholders.
SqlBuilder InScopedProjects(sql::Dialect dialect, const ProjectScope& scope, std::string_view head);

}  // namespace keyline::storage
