// Where each month's reporting window lies on the working-day calendar, and where a moment
// falls in it.
#pragma once

#include <string>

#include "common/status.h"
#include "core/calendar/working_calendar.h"
#include "core/model/reporting.h"

namespace keyline {

// kInvalidArgument (with the field) unless 1 ≤ open_day ≤ 28, 1 ≤ due_working_day ≤ 20 and
// due_working_day ≤ lock_working_day ≤ 23.
Status ValidateWindowRule(const ReportWindowRule& rule);

// The window of period (YYYYMM) under rule.
ReportWindow WindowFor(int period, const ReportWindowRule& rule, const WorkingCalendar& calendar);

// kInvalidArgument unless opens_on ≤ due_on ≤ locks_after are valid dates and opens_on is
// not before the first day of the period.
Status ValidateWindow(const ReportWindow& window);

enum class WindowPhase {
  kNotOpen,  // before opens_on: nothing may be saved yet
  kOpen,     // opens_on..due_on: submissions are on time
  kOverdue,  // after due_on until locks_after: submissions are late
  kLocked,   // after locks_after: read-only unless unlocked by a supervisor
};
// The phase of the window on date today ("YYYY-MM-DD").
WindowPhase PhaseOn(const ReportWindow& window, const std::string& today);

}  // namespace keyline
