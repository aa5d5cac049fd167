// Spreads a year's planned investment over its months.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "common/money.h"
#include "common/result.h"
#include "core/model/reporting.h"

namespace keyline {

// The months of `year` a plan covers: from the month of planned_start (when it falls in the
// year, else January) to the month of planned_completion (when in the year, else December).
// kInvalidArgument when the dates are malformed or the start lies after the completion.
struct MonthRange {
  int first = 1;  // 1..12
  int last = 12;  // first..12
};
Result<MonthRange> PlanMonths(int year, const std::optional<std::string>& planned_start,
                              const std::optional<std::string>& planned_completion);

// Splits total over the months of range, exactly (the cents add up to total):
//   kEven    equal parts, the remainder cent by cent to the last months;
//   kSCurve  the smoothstep S-curve 3x² − 2x³ of construction spending (slow start, peak in
//            the middle, slow finish), rounded on the cumulative curve.
// Months outside range get zero. kCustom is not a split rule: kInvalidArgument.
Result<std::array<Money, 12>> SplitPlan(Money total, PlanSplit split, MonthRange range);

}  // namespace keyline
