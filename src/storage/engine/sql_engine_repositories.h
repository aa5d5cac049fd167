// SQL implementations of the engine's ports (core/ports/engine_repositories.h).
#pragma once

#include <memory>

#include "core/ports/engine_repositories.h"

namespace keyline::storage {

std::unique_ptr<IndicatorRepository> NewSqlIndicatorRepository();
std::unique_ptr<EngineLookups> NewSqlEngineLookups();

}  // namespace keyline::storage
