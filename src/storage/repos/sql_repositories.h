// Factories of the SQL implementations of the core repository interfaces. Every
// implementation is stateless: the connection comes from the SqlTx passed to each call.
// Private to storage/repos; SqlStore bundles them.
#pragma once

#include <memory>

#include "core/ports/alias_repositories.h"
#include "core/ports/import_repositories.h"
#include "core/ports/snapshot_repository.h"
#include "core/ports/repositories.h"

namespace keyline::storage {

std::unique_ptr<RegionRepository> NewSqlRegionRepository();
std::unique_ptr<UnitRepository> NewSqlUnitRepository();
std::unique_ptr<PersonRepository> NewSqlPersonRepository();
std::unique_ptr<UserRepository> NewSqlUserRepository();
std::unique_ptr<SessionRepository> NewSqlSessionRepository();
std::unique_ptr<ProjectRepository> NewSqlProjectRepository();
std::unique_ptr<AuditRepository> NewSqlAuditRepository();
std::unique_ptr<ImportRepository> NewSqlImportRepository();  // import_repository.cc
std::unique_ptr<AliasRepository> NewSqlAliasRepository();    // alias_repository.cc
std::unique_ptr<SnapshotRepository> NewSqlSnapshotRepository();  // snapshot_repository.cc

}  // namespace keyline::storage
