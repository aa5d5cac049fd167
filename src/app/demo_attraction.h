// Loads investment attraction, campaign rounds and annual targets into the demo district, so
// the 招商引资, 三个一批 and 目标任务 screens have something to show: signing events of the
// current year, leads at every stage (some signed there; none converted, so the ledger keeps
// its 150 projects), two 三个一批 rounds built from the ledger's projects, and the office's yearly
// targets (some computed from that data, one entered by hand).
#pragma once

#include "common/result.h"

namespace keyline {

class KeylineApp;

struct DemoAttractionResult {
  int leads = 0;
  int events = 0;
  int rounds = 0;
  int targets = 0;
};

// Call once, after SeedDemo (and SeedDemoReporting). Everything goes through the services, as
// the demo caller, so it is validated and audited like any user's work.
Result<DemoAttractionResult> SeedDemoAttraction(KeylineApp& app);

}  // namespace keyline
