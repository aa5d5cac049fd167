// Key dispatch list (重点调度清单): the projects that need the leaders' attention this month,
// derived from the lights (after manual judgements) and the forecast. Pure.
//
// A project is listed when
//   (3) its overall light is red                              reason: each red dimension's reason
//   (2) it has been yellow (or worse) overall for ≥ N consecutive months up to this one
//       (N = LightRuleSet::dispatch_yellow_months)             reason: "连续 N 个月黄灯" + reasons
//   (1) its forecast warns                                    reason: the forecast warning
// severity = 100 × the highest category that applies + 10 × red dimensions + yellow dimensions;
// the list is ordered by severity, then by points behind 序时进度, then by project id.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/forecast.h"
#include "engine/light_rules.h"
#include "engine/lights.h"

namespace keyline::engine {

struct DispatchReason {
  std::string zh, en;
};
struct DispatchItem {
  int64_t project_id = 0;
  std::vector<DispatchReason> reasons;
  int severity = 0;
  double points_behind = 0;
};

// `yellow_streak`: project id → consecutive months up to and including this one with an
// overall colour of yellow or red. `forecasts`: project id → its forecast (may miss projects).
std::vector<DispatchItem> BuildDispatchList(const std::vector<ProjectLights>& lights,
                                            const std::map<int64_t, int>& yellow_streak,
                                            const std::map<int64_t, ProjectForecast>& forecasts,
                                            const LightRuleSet& rules);

}  // namespace keyline::engine
