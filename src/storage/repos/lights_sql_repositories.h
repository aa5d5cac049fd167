// Factories of the SQL implementations of the lights and rankings repositories.
// Private to storage/repos; KeylineApp creates them beside SqlStore.
#pragma once

#include <memory>

#include "core/ports/lights_repositories.h"

namespace keyline::storage {

std::unique_ptr<LightsRepository> NewSqlLightsRepository();
std::unique_ptr<RankingRepository> NewSqlRankingRepository();

}  // namespace keyline::storage
