#include "core/funds/deadlines.h"

namespace keyline {

std::vector<std::pair<FundDueKind, Date>> CentralBudgetDueDates(const Date& received,
                                                                const WorkingCalendar& calendar) {
  return {{FundDueKind::kForward, calendar.AddWorkingDays(received, kForwardWorkingDays)},
          {FundDueKind::kBreakdown, calendar.AddWorkingDays(received, kBreakdownWorkingDays)}};
}

void MarkDue(FundDueItem* item, const std::string& today) {
  // ISO dates compare as strings.
  item->overdue = !item->done_on && today > item->due_on;
  item->late = item->done_on && *item->done_on > item->due_on;
}

void MarkFactor(FactorDemand* demand, const std::string& today) {
  demand->overdue =
      demand->guaranteed < demand->demanded && demand->due_on && today > *demand->due_on;
}

}  // namespace keyline
