// Maintenance of project_units, the denormalised index of the units related to a project:
// its owner, its responsible unit, the units named in its assignments and the units of the
// people named in its assignments (assignments count regardless of their validity dates).
// Scope kUnit and the ?unit= filter read it. Private to storage/repos.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "storage/sql/database.h"

namespace keyline::storage {

// Recomputes the rows of one project from projects, project_assignments and people, and
// adjusts project_unit_counts (per unit and stage) by the difference.
Status RefreshProjectUnits(sql::Conn& conn, int64_t project_id);

// Recomputes the rows of every project the person is assigned to (after the person moved
// to another unit).
Status RefreshProjectUnitsForPerson(sql::Conn& conn, int64_t person_id);

}  // namespace keyline::storage
