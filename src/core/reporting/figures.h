// Derived figures of a project for a period: the numbers a bulletin quotes.
#pragma once

#include <optional>

#include "common/result.h"
#include "core/model/reporting.h"

namespace keyline {

// 序时进度 of a period: months elapsed ÷ 12 (October → 10/12). The one definition of 序时进度
// (docs/architecture.md): every screen computes it at the report period.
double ElapsedShare(int period);

// The report period (YYYYMM) on a day of month `month` (YYYYMM): the month before, whose report
// is being filed (202612 → 202611, 202601 → 202512).
int ReportPeriodOf(int month);

// The period before `period` (YYYYMM): 202612 → 202611, 202601 → 202512.
int PreviousPeriod(int period);

// A report period the services accept: YYYYMM with year 2000..2100 and month 01..12; else
// kInvalidArgument naming the field "period".
Status CheckReportPeriod(int period);

// Fills the rates of figures from its amounts: annual completion rate = year_to_date ÷
// annual_plan (none without a plan > 0), gap = (rate − elapsed share) × 100 percentage points
// ("超序时进度 X 个百分点" when positive), share of total = since_start ÷ total_investment
// (none when the total is 0).
void DeriveRates(ProjectFigures* figures);

}  // namespace keyline
