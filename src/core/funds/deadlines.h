// Deadlines of funds (central-budget due items) and factor guarantees, on the official working-day
// calendar. Pure functions, no I/O.
//
//   中央预算内投资 (NDRC 2017): a received 下达 plan is forwarded to the next level within 10
//   working days and broken down to projects within 20 working days of its date; both are
//   tracked as due items of the issue event.
//   要素保障: a factor demand is overdue when it is not fully guaranteed and today is past its
//   due date.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/calendar/working_calendar.h"
#include "core/model/funds.h"

namespace keyline {

inline constexpr int kForwardWorkingDays = 10;
inline constexpr int kBreakdownWorkingDays = 20;

// The due items an issued (下达) event of a central-budget line creates: (kind, due date).
std::vector<std::pair<FundDueKind, Date>> CentralBudgetDueDates(const Date& received,
                                                                const WorkingCalendar& calendar);

// Sets item->overdue (open and today > due_on) and item->late (done after due_on).
void MarkDue(FundDueItem* item, const std::string& today);

// Sets demand->overdue: guaranteed < demanded and a due date before today.
void MarkFactor(FactorDemand* demand, const std::string& today);

}  // namespace keyline
