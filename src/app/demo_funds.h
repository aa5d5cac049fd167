// Demo funds, key lists and factor guarantees for the demo district:
// funding lines with their 申请/下达/到位/支付 events (a central-budget 下达 whose forwarding is
// overdue among them), the year's provincial and city key lists proposed by the office and approved
// by the administrator, and land/energy guarantees with a few overdue.
#pragma once

#include "common/result.h"

namespace keyline {

class KeylineApp;

struct DemoFundsResult {
  int lines = 0;
  int events = 0;
  int key_list_members = 0;
  int factors = 0;
};

// Call once, right after SeedDemo loaded the district; goes through the services (validation
// and audit apply), as the demo accounts fgw (proposes) and admin (approves).
Result<DemoFundsResult> SeedDemoFunds(KeylineApp& app);

}  // namespace keyline
