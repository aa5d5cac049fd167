// Row mapping of the projects table: the column list every project SELECT uses (alias p),
// reading a row back, and the bound values of INSERT / UPDATE. Private to storage/repos.
#pragma once

#include <vector>

#include "common/result.h"
#include "core/model/project.h"
#include "storage/sql/database.h"

namespace keyline::storage {

// The SELECT list, in the order ReadProject expects; every column qualified with "p.".
#define KL_PROJECT_COLUMNS                                                                   \
  "p.id, p.version, p.name, p.code, p.parent_id, p.level, p.category, p.approval_regime, "   \
  "p.nature, p.industry_code, p.region_code, p.address, p.longitude, p.latitude, "           \
  "p.owner_unit_id, p.responsible_unit_id, p.scale_content, p.total_investment, p.funding, " \
  "p.planned_start, p.planned_completion, p.actual_start, p.actual_completion, "             \
  "p.stats_status, p.stats_date, p.measurement_method, p.stage, p.warnings, p.created_at, "  \
  "p.updated_at, p.owner_credit_code"

// Reads one row of KL_PROJECT_COLUMNS; moves the text cells out of rs.
Result<Project> ReadProject(sql::ResultSet& rs, size_t row);

// The values of the content columns, name .. warnings in the order of KL_PROJECT_COLUMNS
// (26 values; without id, version, created_at and updated_at).
std::vector<sql::Value> ProjectValues(const Project& p);

}  // namespace keyline::storage
