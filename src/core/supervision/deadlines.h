// Deadline rules of the supervision loop, as pure functions over the working-day calendar.
//
// Problems (13710 and other templates): a problem raised on day R is due
//   deploy   = R + deploy_days working days      (13710: 1)
//   feedback = R + feedback_days working days    (13710: 3)
//   settle   = R + settle_days working days      (ordinary, 13710: 7)
//            = R + major_days working days, or R + major_months calendar months moved forward
//              to the next working day           (major, 13710: 1 month)
// "R + n working days" is the n-th working day after R (R itself is not counted), so a problem
// raised on a holiday or a weekend starts counting from the next working day.
//
// Escalation (提级督办): a problem not yet solved, planned or closed is overdue from the day after
// its settle deadline. It climbs to the leader in charge (分管领导) on the first working day after
// the settle deadline, and to the principal leader (主要领导) escalate_days working days later.
// A problem with a recorded plan is overdue when its plan date has passed, and escalates the
// same way counted from the plan date.
#pragma once

#include <string>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "core/calendar/working_calendar.h"
#include "core/model/supervision.h"

namespace keyline {

// The shipped template: 1 / 3 / 7 working days, major problems 1 month.
DeadlineTemplate Template13710();

// kInvalidArgument naming the field when a limit is out of range (days 0..250, months 0..24,
// major_days and major_months not both 0, deploy ≤ feedback ≤ settle).
Status ValidateDeadlineTemplate(const DeadlineTemplate& t);

struct ProblemDeadlines {
  Date deploy;
  Date feedback;
  Date settle;
};
ProblemDeadlines ComputeProblemDeadlines(const DeadlineTemplate& t, ProblemSeverity severity,
                                         const Date& raised_on, const WorkingCalendar& calendar);

// date + months, the day clamped to the month's length (2026-01-31 + 1 = 2026-02-28).
Date AddMonths(const Date& date, int months);

// The deadline a problem is measured against now: its plan date when planned, else settle_due.
std::string EffectiveDeadline(const Problem& problem);

// True when the problem still needs work (not solved, closed) and today is past its deadline.
bool IsProblemOverdue(const Problem& problem, const std::string& today);

struct EscalationStep {
  EscalationLevel level = EscalationLevel::kDeputyLeader;
  Date due_on;  // the day this level became due
};

// The escalation levels above problem.level that are due on `today`, lowest first. Empty when
// the problem is solved or closed, not overdue, or already at the top. Applying the steps and
// calling again returns nothing (the sweep relies on this to be idempotent).
std::vector<EscalationStep> DueEscalations(const Problem& problem, const Date& today,
                                           const WorkingCalendar& calendar,
                                           const DeadlineTemplate& t);

// The answer deadline of a supervision order issued on `issued_on`.
Date OrderAnswerDue(const DeadlineTemplate& t, const Date& issued_on,
                    const WorkingCalendar& calendar);

// The latest working day on or before `date`.
Date WorkingDayOnOrBefore(const Date& date, const WorkingCalendar& calendar);

}  // namespace keyline
