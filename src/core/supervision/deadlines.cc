#include "core/supervision/deadlines.h"

namespace keyline {
namespace {

Status BadField(const std::string& field, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("时限模板有误：" + zh, "invalid deadline template: " + en,
                                 {{field, zh, en}});
}

}  // namespace

DeadlineTemplate Template13710() {
  DeadlineTemplate t;
  t.code = "13710";
  t.name = "13710工作机制";
  t.deploy_days = 1;
  t.feedback_days = 3;
  t.settle_days = 7;
  t.major_days = 0;
  t.major_months = 1;
  t.escalate_days = 5;
  t.answer_days = 3;
  return t;
}

Status ValidateDeadlineTemplate(const DeadlineTemplate& t) {
  struct Limit {
    const char* field;
    int value;
    int max;
  };
  const Limit limits[] = {
      {"deploy_days", t.deploy_days, 250},  {"feedback_days", t.feedback_days, 250},
      {"settle_days", t.settle_days, 250},  {"major_days", t.major_days, 250},
      {"major_months", t.major_months, 24}, {"escalate_days", t.escalate_days, 250},
      {"answer_days", t.answer_days, 250}};
  for (const Limit& l : limits) {
    if (l.value < 0 || l.value > l.max) {
      return BadField(l.field, "应在0～" + std::to_string(l.max) + "之间",
                      "must be 0.." + std::to_string(l.max));
    }
  }
  if (t.settle_days < 1) return BadField("settle_days", "至少1个工作日", "at least 1 working day");
  if (t.escalate_days < 1) {
    return BadField("escalate_days", "至少1个工作日", "at least 1 working day");
  }
  if (t.answer_days < 1) return BadField("answer_days", "至少1个工作日", "at least 1 working day");
  if (t.major_days == 0 && t.major_months == 0) {
    return BadField("major_days", "重大问题时限不能为0", "the major-problem limit cannot be 0");
  }
  if (t.deploy_days > t.feedback_days || t.feedback_days > t.settle_days) {
    return BadField("feedback_days", "应满足 部署 ≤ 反馈 ≤ 落实",
                    "must satisfy deploy ≤ feedback ≤ settle");
  }
  return Status::Ok();
}

Date AddMonths(const Date& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  Date out;
  out.year = index / 12;
  out.month = index % 12 + 1;
  out.day = std::min(date.day, DaysInMonth(out.year, out.month));
  return out;
}

ProblemDeadlines ComputeProblemDeadlines(const DeadlineTemplate& t, ProblemSeverity severity,
                                         const Date& raised_on, const WorkingCalendar& calendar) {
  ProblemDeadlines d;
  d.deploy = calendar.AddWorkingDays(raised_on, t.deploy_days);
  d.feedback = calendar.AddWorkingDays(raised_on, t.feedback_days);
  if (severity == ProblemSeverity::kOrdinary) {
    d.settle = calendar.AddWorkingDays(raised_on, t.settle_days);
  } else if (t.major_days > 0) {
    d.settle = calendar.AddWorkingDays(raised_on, t.major_days);
  } else {
    d.settle = calendar.AddWorkingDays(AddMonths(raised_on, t.major_months), 0);
  }
  // A deadline never precedes the one before it (templates with 0 days).
  if (d.feedback < d.deploy) d.feedback = d.deploy;
  if (d.settle < d.feedback) d.settle = d.feedback;
  return d;
}

std::string EffectiveDeadline(const Problem& p) {
  if (p.status == ProblemStatus::kPlanned && p.plan_date) return *p.plan_date;
  return p.settle_due;
}

bool IsProblemOverdue(const Problem& p, const std::string& today) {
  if (p.status == ProblemStatus::kSolved || p.status == ProblemStatus::kClosed) return false;
  return today > EffectiveDeadline(p);
}

std::vector<EscalationStep> DueEscalations(const Problem& p, const Date& today,
                                           const WorkingCalendar& calendar,
                                           const DeadlineTemplate& t) {
  std::vector<EscalationStep> steps;
  if (p.status == ProblemStatus::kSolved || p.status == ProblemStatus::kClosed) return steps;
  auto deadline = Date::Parse(EffectiveDeadline(p));
  if (!deadline.ok()) return steps;
  Date deputy = calendar.AddWorkingDays(*deadline, 1);
  Date principal = calendar.AddWorkingDays(deputy, t.escalate_days);
  int current = static_cast<int>(p.level);
  if (current < 1 && today >= deputy) steps.push_back({EscalationLevel::kDeputyLeader, deputy});
  if (current < 2 && today >= principal) {
    steps.push_back({EscalationLevel::kPrincipalLeader, principal});
  }
  return steps;
}

Date OrderAnswerDue(const DeadlineTemplate& t, const Date& issued_on,
                    const WorkingCalendar& calendar) {
  return calendar.AddWorkingDays(issued_on, t.answer_days);
}

Date WorkingDayOnOrBefore(const Date& date, const WorkingCalendar& calendar) {
  int64_t day = date.ToDays();
  for (int guard = 0; guard < 60 && !calendar.IsWorkingDay(Date::FromDays(day)); ++guard) --day;
  return Date::FromDays(day);
}

}  // namespace keyline
