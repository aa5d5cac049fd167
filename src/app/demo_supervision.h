// Supervision data for the demo district: procedures, problems with escalation and orders,
// and one dispatch meeting, written through the services as Caller::System("demo").
#pragma once

#include "common/status.h"

namespace keyline {

class KeylineApp;

// Run once right after SeedDemo loaded the district (it expects the demo projects and
// people). Dates are relative to the projects' own dates and to today (the app's clock), so
// the overdue items stay overdue whenever the demo is loaded. Bulk writes share one
// transaction (procedures and problems), so the seed stays fast.
Status SeedDemoSupervision(KeylineApp& app);

}  // namespace keyline
