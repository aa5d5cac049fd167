// Forecast (预测): the expected year-end investment completion of a project, a unit or the area,
// earned-value style, from the plan's monthly curve and the reported series. Pure.
//
// For a project with annual plan P, cumulative plan to date C = Σ monthly[1..m] and completed
// to date A (Σ the year's submitted/approved reports up to month m):
//   SPI       = A ÷ C                         (schedule performance index; 1 when C = 0)
//   forecast  = A + (P − C) × SPI             (the rest of the plan, done at the pace so far)
//             = A ÷ C × P                     when C > 0
//             = A + P                         when C = 0 (no plan to date: the reported
//                                              amount, plus the whole plan still to come)
//   month k > m of the curve: A + (Cₖ − C) × SPI; months ≤ m show the reported cumulative.
// Forecast amounts are rounded half away from zero to whole cents. A unit's or the area's
// forecast is the sum of its projects' forecasts over the sum of their plans.
//
// The warning: forecast ÷ P below `warning_percent` %. It is raised whatever the current gap,
// and its reason says so when the project is still within the yellow band of the progress
// light — a back-loaded plan can hide a lag that will only show in the autumn.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/facts.h"
#include "engine/facts_index.h"
#include "engine/rational.h"

namespace keyline::engine {

struct ForecastOptions {
  int period = 0;                     // YYYYMM
  int64_t warning_percent = 90;       // LightRuleSet::forecast_warning_percent
  int64_t yellow_points_behind = 10;  // the progress light's yellow threshold (for the reason)
};

struct ProjectForecast {
  int64_t project_id = 0;
  bool has_plan = false;  // false: no plan for the year (nothing below is meaningful)
  int64_t planned_year = 0;
  std::array<int64_t, 12> planned_monthly{}, cumulative_plan{};
  std::array<int64_t, 12> reported{};  // per month, 0 after the period
  int64_t completed_to_date = 0;
  int64_t planned_to_date = 0;
  std::array<int64_t, 12> forecast{};  // cumulative, per month
  int64_t forecast_year_end = 0;
  std::string method;  // "spi" | "no_plan_to_date"
  bool warning = false;
  std::string warning_reason_zh, warning_reason_en;
};

ProjectForecast ForecastProject(const Facts& facts, const FactsIndex& index, int32_t row,
                                const ForecastOptions& options);

// Totals over several projects (a unit, the area).
struct ForecastTotal {
  int64_t planned_year = 0;
  int64_t planned_to_date = 0;
  int64_t completed_to_date = 0;
  int64_t forecast_year_end = 0;
  int projects = 0;
  bool warning = false;
  std::string warning_reason_zh, warning_reason_en;
};
void AddToTotal(ForecastTotal* total, const ProjectForecast& f);
// Sets the total's warning and reasons (call after the last AddToTotal).
void FinishTotal(ForecastTotal* total, const ForecastOptions& options);

// forecast ÷ plan as a percentage with one decimal ("80.0"); "" when the plan is 0.
std::string ForecastPercent(int64_t forecast_cents, int64_t planned_cents);

}  // namespace keyline::engine
