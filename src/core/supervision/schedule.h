// Schedules of procedures (手续) and battle-chart tasks (挂图作战), as pure functions.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "core/calendar/working_calendar.h"
#include "core/model/supervision.h"

namespace keyline {

// Plans procedures in order from `start`: an item starts when the previous non-parallel item
// is due (a parallel item starts together with the item before it), and is due limit_days
// working days after its start (items without a limit take no time). Sets planned_start and
// planned_due of every item.
void PlanProcedures(std::vector<ProjectProcedure>& items, const Date& start,
                    const WorkingCalendar& calendar);

// True when the item is not done (not started or in progress) and today is past planned_due.
bool IsProcedureOverdue(const ProjectProcedure& item, const std::string& today);

// done on or before planned_date → on time; done after → late; not done and today past the
// planned date → overdue; else pending.
MilestoneState MilestoneStateOf(const Milestone& m, const std::string& today);

// The deadline of a task `months_before` months before `target`, moved back to a working day
// (倒排工期).
Date WorkBackFrom(const Date& target, int months_before, const WorkingCalendar& calendar);

// The shipped procedure templates (research-china.md §5): one per approval regime, plus the
// government-investment template for infrastructure.
std::vector<ProcedureTemplate> BuiltinProcedureTemplates();

}  // namespace keyline
