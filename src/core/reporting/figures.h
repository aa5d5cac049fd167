// Derived figures of a project for a period: the numbers a bulletin quotes.
#pragma once

#include <optional>

#include "core/model/reporting.h"

namespace keyline {

// 序时进度 of a period: months elapsed ÷ 12 (October → 10/12).
double ElapsedShare(int period);

// Fills the rates of figures from its amounts: annual completion rate = year_to_date ÷
// annual_plan (none without a plan > 0), gap = (rate − elapsed share) × 100 percentage points
// ("超序时进度 X 个百分点" when positive), share of total = since_start ÷ total_investment
// (none when the total is 0).
void DeriveRates(ProjectFigures* figures);

}  // namespace keyline
