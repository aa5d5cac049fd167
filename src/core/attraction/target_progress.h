// Progress of an annual target (目标任务) against 序时进度.
//
//   actual      computed from Keyline's data for kManual ≠ measure (MeasureValue), else the
//               newest entered actual (nullopt when none was entered)
//   rate        actual ÷ target value (nullopt without an actual or with a target of 0)
//   elapsed     序时进度 of the target's year at the report period of `today` (the month
//               before: on 2026-12-08 it is 11/12, as the dashboard says): 0 before the year,
//               months elapsed ÷ 12 within it, 1 after it (docs/architecture.md, "序时进度")
//   gap_points  (rate − elapsed) × 100, percentage points ("超序时进度" when ≥ 0)
#pragma once

#include <optional>
#include <string>

#include "core/model/attraction.h"
#include "core/ports/attraction_repositories.h"

namespace keyline {

// The value of a computed measure in the target's unit: counts for events, contracts and
// projects; 亿元 for amounts. nullopt for kManual.
std::optional<double> MeasureValue(TargetMeasure measure, const YearFacts& facts);

struct TargetProgress {
  std::optional<double> actual;
  std::string source;  // "computed" | "entered" | "none"
  std::optional<double> rate;
  double elapsed_share = 0;
  int elapsed_period = 0;  // YYYYMM: the report period elapsed_share is taken at
  std::string as_of;       // "YYYY-MM-DD": the day the actual was read
  std::optional<double> gap_points;
  bool achieved = false;  // actual ≥ target value
};

// today: "YYYY-MM-DD".
double TargetElapsedShare(int year, const std::string& today);
TargetProgress ComputeTargetProgress(const Target& target, std::optional<double> computed,
                                     std::optional<double> entered, const std::string& today);

}  // namespace keyline
