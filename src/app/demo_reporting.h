// Loads a year of annual plans and monthly reports into the demo district, so the reporting
// screens, the completeness counts and the figures have something to show: every project
// under construction (or finished this year) gets a confirmed plan for the current year and
// approved reports for the months before the open one; the open month is partly submitted,
// partly a draft and partly missing, a few reports are late or returned.
#pragma once

#include "common/result.h"

namespace keyline {

class KeylineApp;

struct DemoReportingResult {
  int plans = 0;
  int reports = 0;
};

// Call once, right after SeedDemo loaded the district. Plans go through PlanService; the
// reports of closed months are written directly (their windows are locked), each with its
// audit entry, in one transaction.
Result<DemoReportingResult> SeedDemoReporting(KeylineApp& app);

}  // namespace keyline
