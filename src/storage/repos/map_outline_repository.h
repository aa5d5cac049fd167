// The SQL MapOutlineRepository (table map_outline, migration 23).
#pragma once

#include <memory>

#include "core/ports/map_outline_repository.h"

namespace keyline::storage {

std::unique_ptr<MapOutlineRepository> NewSqlMapOutlineRepository();

}  // namespace keyline::storage
