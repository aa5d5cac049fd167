// Factories of the SQL implementations of the reporting repositories. Private to
// storage/repos; SqlStore bundles them.
#pragma once

#include <memory>

#include "core/ports/reporting_repositories.h"

namespace keyline::storage {

std::unique_ptr<PlanRepository> NewSqlPlanRepository();
std::unique_ptr<ReportingSettingsRepository> NewSqlReportingSettingsRepository();
std::unique_ptr<ReportRepository> NewSqlReportRepository();
std::unique_ptr<AttachmentRepository> NewSqlAttachmentRepository();

}  // namespace keyline::storage
