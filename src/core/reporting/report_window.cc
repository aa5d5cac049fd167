#include "core/reporting/report_window.h"

#include "common/date.h"

namespace keyline {
namespace {

Status RuleError(const char* field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument(zh, en, {{field, zh, en}});
}

}  // namespace

Status ValidateWindowRule(const ReportWindowRule& rule) {
  if (rule.open_day < 1 || rule.open_day > 28) {
    return RuleError("open_day", "开始填报日须在 1–28 日之间", "open_day must be 1..28");
  }
  if (rule.due_working_day < 1 || rule.due_working_day > 20) {
    return RuleError("due_working_day", "截止日须为次月第 1–20 个工作日",
                     "due_working_day must be 1..20");
  }
  if (rule.lock_working_day < rule.due_working_day || rule.lock_working_day > 23) {
    return RuleError("lock_working_day", "锁定日须在截止日之后且不晚于次月第 23 个工作日",
                     "lock_working_day must be due_working_day..23");
  }
  return Status::Ok();
}

ReportWindow WindowFor(int period, const ReportWindowRule& rule, const WorkingCalendar& calendar) {
  int year = period / 100;
  int month = period % 100;
  int next_year = month == 12 ? year + 1 : year;
  int next_month = month == 12 ? 1 : month + 1;
  ReportWindow w;
  w.period = period;
  w.opens_on = Date{year, month, rule.open_day}.ToString();
  w.due_on = calendar.NthWorkingDayOfMonth(next_year, next_month, rule.due_working_day).ToString();
  w.locks_after =
      calendar.NthWorkingDayOfMonth(next_year, next_month, rule.lock_working_day).ToString();
  return w;
}

Status ValidateWindow(const ReportWindow& window) {
  struct Field {
    const char* name;
    const std::string* value;
  };
  const Field fields[] = {{"opens_on", &window.opens_on},
                          {"due_on", &window.due_on},
                          {"locks_after", &window.locks_after}};
  for (const Field& f : fields) {
    if (!Date::Parse(*f.value).ok()) {
      return RuleError(f.name, std::string(f.name) + " 不是有效日期（YYYY-MM-DD）",
                       std::string(f.name) + " is not a valid date (YYYY-MM-DD)");
    }
  }
  Date first{window.period / 100, window.period % 100, 1};
  if (window.opens_on < first.ToString()) {
    return RuleError("opens_on", "开始填报日不能早于所报月份", "opens_on is before the period");
  }
  if (window.due_on < window.opens_on) {
    return RuleError("due_on", "截止日不能早于开始填报日", "due_on is before opens_on");
  }
  if (window.locks_after < window.due_on) {
    return RuleError("locks_after", "锁定日不能早于截止日", "locks_after is before due_on");
  }
  return Status::Ok();
}

WindowPhase PhaseOn(const ReportWindow& window, const std::string& today) {
  if (today < window.opens_on) return WindowPhase::kNotOpen;
  if (today <= window.due_on) return WindowPhase::kOpen;
  if (today <= window.locks_after) return WindowPhase::kOverdue;
  return WindowPhase::kLocked;
}

}  // namespace keyline
