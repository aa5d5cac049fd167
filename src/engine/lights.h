// Traffic lights (红黄绿灯): the colour of each project on each dimension for one month, with
// the reason in words (zh + en, with the numbers), from the facts and a LightRuleSet. Pure.
//
// What each dimension looks at (thresholds: light_rules.h):
//   start       the planned start (this year's plan, else the project's) against actual_start
//   progress    Σ completed investment of the year's submitted/approved reports up to the period
//               ÷ the annual plan, against the project's 序时进度 = the plan's cumulative monthly
//               breakdown up to the period ÷ the annual plan (with an even breakdown this is
//               months ÷ 12, research §2.6). Gap in points = (rate − schedule) × 100.
//   statistics  入库 status and date against the actual start (projects marked n/a are skipped)
//   funds       Σ paid ÷ Σ arrived over the project's funding lines of the year
//   reporting   the previous month's report (due in this month): late, or still missing
//               `red` days after its due day (context.report_due)
//   procedures  approvals not done/not needed whose due date is before the as-of date
// A dimension that does not apply (no plan, no funds, n/a) is green with assessed = false and
// a reason saying why. Projects in stage 谋划 (conceived) or 已退出 (withdrawn) get no lights.
//
// The as-of date is the end of the period, or today for the current month: a light never looks
// at facts after it (reports of later periods, starts after the date).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/facts.h"
#include "engine/facts_index.h"
#include "engine/light_rules.h"

namespace keyline::engine {

struct LightContext {
  int period = 0;          // YYYYMM
  int32_t as_of = 0;       // yyyymmdd, within the period
  int32_t report_due = 0;  // yyyymmdd: due day of the previous period's report; 0 = unknown
  // Working days in (from, to] (yyyymmdd); nullptr → calendar days.
  std::function<int(int32_t, int32_t)> working_days;
  // false: colours only, the reason strings stay empty (a whole list's counts and filters).
  bool reasons = true;
};

struct DimensionLight {
  LightDimension dimension = LightDimension::kStart;
  LightColour colour = LightColour::kGreen;           // after judgements
  LightColour computed_colour = LightColour::kGreen;  // by the rules
  bool assessed = true;
  bool judged = false;
  std::string reason_zh, reason_en;
  double points_behind = 0;  // progress only: for ordering the dispatch list
};

struct ProjectLights {
  int64_t project_id = 0;
  int32_t row = 0;
  std::vector<DimensionLight> dimensions;  // enabled dimensions, in kAllDimensions order
  LightColour computed_overall = LightColour::kGreen;
  LightColour overall = LightColour::kGreen;  // after judgements
  bool overall_judged = false;
};

// One project's lights (no judgements applied). `row` is the project's row in facts.
ProjectLights EvaluateProjectLights(const Facts& facts, const FactsIndex& index, int32_t row,
                                    const LightRuleSet& rules, const LightContext& context);

// True when the project's stage gets lights at all.
bool HasLights(const Facts& facts, int32_t row);

// A manual judgement (人工研判): lowers one dimension's colour, or the overall one
// (dimension = nullopt), for one project and period.
struct LightJudgement {
  int64_t id = 0;
  int64_t project_id = 0;
  int period = 0;
  std::optional<LightDimension> dimension;
  LightColour colour = LightColour::kGreen;
  std::string reason;
  int64_t by = 0;
  std::string by_name;
  int64_t at = 0;  // ms
};

// Applies the judgements of this project and period (later ids win per dimension). A judgement
// only lowers: the shown colour is the less severe of computed and judged, so a judgement that
// the facts have since overtaken never raises a colour.
void ApplyJudgements(ProjectLights* lights, const std::vector<LightJudgement>& judgements);

// kInvalidArgument ("人工研判只能降低灯色") when `colour` is more severe than `computed`.
Status CheckJudgement(LightColour computed, LightColour colour);

}  // namespace keyline::engine
