#include "core/reporting/plan_split.h"

#include <cmath>

#include "common/date.h"

namespace keyline {

Result<MonthRange> PlanMonths(int year, const std::optional<std::string>& planned_start,
                              const std::optional<std::string>& planned_completion) {
  MonthRange range;
  std::optional<Date> start;
  std::optional<Date> end;
  if (planned_start) {
    KL_ASSIGN_OR_RETURN(start, Date::Parse(*planned_start));
    if (start->year > year) {
      return Status::InvalidArgument("计划开工日期不在计划年度内",
                                     "the planned start lies after the plan year");
    }
    if (start->year == year) range.first = start->month;
  }
  if (planned_completion) {
    KL_ASSIGN_OR_RETURN(end, Date::Parse(*planned_completion));
    if (end->year < year) {
      return Status::InvalidArgument("计划完工日期早于计划年度",
                                     "the planned completion lies before the plan year");
    }
    if (end->year == year) range.last = end->month;
  }
  if (start && end && *end < *start) {
    return Status::InvalidArgument("计划完工日期早于计划开工日期",
                                   "the planned completion is before the planned start");
  }
  return range;
}

Result<std::array<Money, 12>> SplitPlan(Money total, PlanSplit split, MonthRange range) {
  std::array<Money, 12> out{};
  if (range.first < 1 || range.last > 12 || range.first > range.last) {
    return Status::InvalidArgument("计划月份范围无效", "invalid month range");
  }
  int n = range.last - range.first + 1;
  if (split == PlanSplit::kEven) {
    int64_t base = total.cents / n;
    int64_t rest = total.cents - base * n;  // same sign as total
    for (int i = 0; i < n; ++i) {
      int64_t extra = 0;
      // The remainder goes to the last |rest| months, one cent each.
      if (i >= n - std::llabs(rest)) extra = rest > 0 ? 1 : -1;
      out[range.first - 1 + i] = Money{base + extra};
    }
    return out;
  }
  if (split == PlanSplit::kSCurve) {
    auto curve = [](double x) { return x * x * (3 - 2 * x); };
    int64_t previous = 0;
    for (int i = 1; i <= n; ++i) {
      int64_t cumulative =
          i == n ? total.cents
                 : static_cast<int64_t>(std::llround(static_cast<double>(total.cents) *
                                                     curve(static_cast<double>(i) / n)));
      out[range.first - 2 + i] = Money{cumulative - previous};
      previous = cumulative;
    }
    return out;
  }
  return Status::InvalidArgument("自定义分解须逐月给出计划投资",
                                 "a custom split needs the monthly amounts");
}

}  // namespace keyline
