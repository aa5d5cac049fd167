// Deadline rules on the official calendar: 13710 across 国庆/中秋 2026 and 调休 working
// weekends, major problems, escalation levels and the battle-chart and procedure schedules.
#include "core/supervision/deadlines.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/supervision/schedule.h"

namespace keyline {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

const WorkingCalendar& Official() {
  static const WorkingCalendar cal = [] {
    std::ifstream in(std::string(KEYLINE_SOURCE_DIR) + "/reference/holidays-cn.csv");
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = WorkingCalendar::ParseCsv(ss.str());
    EXPECT_TRUE(parsed.ok());
    return parsed.ok() ? *parsed : WorkingCalendar();
  }();
  return cal;
}

struct DeadlineCase {
  const char* raised;
  ProblemSeverity severity;
  const char* deploy;
  const char* feedback;
  const char* settle;
  const char* why;
};

TEST(ProblemDeadlinesTest, Template13710OnTheOfficialCalendar) {
  const DeadlineCase cases[] = {
      // Wednesday before 国庆 (10-01..10-07 off, Saturday 10-10 worked).
      {"2026-09-30", ProblemSeverity::kOrdinary, "2026-10-08", "2026-10-10", "2026-10-15",
       "raised the day before 国庆: the week off does not count, 调休 Saturday 10-10 does"},
      // Raised during the holiday itself: counting starts after it.
      {"2026-10-03", ProblemSeverity::kOrdinary, "2026-10-08", "2026-10-10", "2026-10-15",
       "raised on a holiday"},
      // Raised on the 调休 Saturday 10-10 (a working day).
      {"2026-10-10", ProblemSeverity::kOrdinary, "2026-10-12", "2026-10-14", "2026-10-20",
       "raised on a 调休 working Saturday"},
      // Before 中秋 (09-25..09-27 off) with 调休 Sunday 09-20 worked.
      {"2026-09-18", ProblemSeverity::kOrdinary, "2026-09-20", "2026-09-22", "2026-09-29",
       "Friday before the 调休 Sunday and 中秋"},
      // An ordinary week.
      {"2026-03-16", ProblemSeverity::kOrdinary, "2026-03-17", "2026-03-19", "2026-03-25",
       "plain Monday"},
      // Major problems: one calendar month, moved to the next working day.
      {"2026-09-30", ProblemSeverity::kMajor, "2026-10-08", "2026-10-10", "2026-10-30",
       "major, 1 month from 09-30"},
      {"2026-09-05", ProblemSeverity::kMajor, "2026-09-07", "2026-09-09", "2026-10-08",
       "major due 10-05 falls in 国庆: moved to 10-08"},
      {"2026-01-31", ProblemSeverity::kMajor, "2026-02-02", "2026-02-04", "2026-02-28",
       "major from 01-31: clamped to 02-28, a Saturday worked for 春节 (调休)"},
      {"2026-01-16", ProblemSeverity::kMajor, "2026-01-19", "2026-01-21", "2026-02-24",
       "major due 02-16 falls in 春节 (02-15..02-23): moved to 02-24"},
  };
  DeadlineTemplate t = Template13710();
  for (const DeadlineCase& c : cases) {
    ProblemDeadlines d = ComputeProblemDeadlines(t, c.severity, D(c.raised), Official());
    EXPECT_EQ(d.deploy.ToString(), c.deploy) << c.why;
    EXPECT_EQ(d.feedback.ToString(), c.feedback) << c.why;
    EXPECT_EQ(d.settle.ToString(), c.settle) << c.why;
  }
}

TEST(ProblemDeadlinesTest, MajorLimitInWorkingDaysWhenConfigured) {
  DeadlineTemplate t = Template13710();
  t.major_days = 10;  // the "1/3/7/10" reading of 13710
  ProblemDeadlines d =
      ComputeProblemDeadlines(t, ProblemSeverity::kMajor, D("2026-09-30"), Official());
  // 10-08, 09, 10(调休), 12, 13, 14, 15, 16, 19, 20.
  EXPECT_EQ(d.settle.ToString(), "2026-10-20");
}

TEST(ProblemDeadlinesTest, TemplateValidation) {
  EXPECT_TRUE(ValidateDeadlineTemplate(Template13710()).ok());
  DeadlineTemplate t = Template13710();
  t.settle_days = 2;  // before feedback
  EXPECT_FALSE(ValidateDeadlineTemplate(t).ok());
  t = Template13710();
  t.major_days = 0;
  t.major_months = 0;
  EXPECT_FALSE(ValidateDeadlineTemplate(t).ok());
  t = Template13710();
  t.deploy_days = -1;
  Status st = ValidateDeadlineTemplate(t);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.details().at(0).field, "deploy_days");
}

Problem OpenProblem(const char* settle_due) {
  Problem p;
  p.status = ProblemStatus::kFeedback;
  p.settle_due = settle_due;
  return p;
}

TEST(EscalationTest, ClimbsLevelByLevelOnWorkingDaysAfterTheDeadline) {
  DeadlineTemplate t = Template13710();  // escalate_days = 5
  // Raised 09-30, settle due 10-15 (Thursday).
  Problem p = OpenProblem("2026-10-15");
  EXPECT_TRUE(DueEscalations(p, D("2026-10-15"), Official(), t).empty()) << "due day itself";
  auto steps = DueEscalations(p, D("2026-10-16"), Official(), t);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].level, EscalationLevel::kDeputyLeader);
  EXPECT_EQ(steps[0].due_on.ToString(), "2026-10-16");
  // Five working days after 10-16: 19, 20, 21, 22, 23.
  EXPECT_EQ(DueEscalations(p, D("2026-10-22"), Official(), t).size(), 1u);
  steps = DueEscalations(p, D("2026-10-23"), Official(), t);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].level, EscalationLevel::kPrincipalLeader);
  EXPECT_EQ(steps[1].due_on.ToString(), "2026-10-23");
  // Applied levels are not due again (idempotent sweep).
  p.level = EscalationLevel::kDeputyLeader;
  EXPECT_EQ(DueEscalations(p, D("2026-10-22"), Official(), t).size(), 0u);
  p.level = EscalationLevel::kPrincipalLeader;
  EXPECT_TRUE(DueEscalations(p, D("2027-01-01"), Official(), t).empty());
}

TEST(EscalationTest, HolidaysDelayEscalation) {
  DeadlineTemplate t = Template13710();
  Problem p = OpenProblem("2026-09-30");  // due the day before 国庆
  EXPECT_TRUE(DueEscalations(p, D("2026-10-05"), Official(), t).empty()) << "nobody works";
  auto steps = DueEscalations(p, D("2026-10-08"), Official(), t);
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].due_on.ToString(), "2026-10-08");
  // 10-09, 10-10 (调休), 10-12, 10-13, 10-14.
  EXPECT_EQ(DueEscalations(p, D("2026-10-13"), Official(), t).size(), 1u);
  EXPECT_EQ(DueEscalations(p, D("2026-10-14"), Official(), t).size(), 2u);
  EXPECT_TRUE(IsProblemOverdue(p, "2026-10-01"));
  EXPECT_FALSE(IsProblemOverdue(p, "2026-09-30"));
}

TEST(EscalationTest, SolvedClosedAndPlannedProblems) {
  DeadlineTemplate t = Template13710();
  Problem p = OpenProblem("2026-10-15");
  p.status = ProblemStatus::kSolved;
  EXPECT_TRUE(DueEscalations(p, D("2026-12-01"), Official(), t).empty());
  EXPECT_FALSE(IsProblemOverdue(p, "2026-12-01"));
  p.status = ProblemStatus::kClosed;
  EXPECT_TRUE(DueEscalations(p, D("2026-12-01"), Official(), t).empty());
  // A recorded plan moves the deadline to its date.
  p.status = ProblemStatus::kPlanned;
  p.plan_date = "2026-11-30";
  EXPECT_EQ(EffectiveDeadline(p), "2026-11-30");
  EXPECT_TRUE(DueEscalations(p, D("2026-11-30"), Official(), t).empty());
  EXPECT_FALSE(IsProblemOverdue(p, "2026-11-30"));
  EXPECT_EQ(DueEscalations(p, D("2026-12-01"), Official(), t).size(), 1u);
}

TEST(EscalationTest, OrderAnswerDueCountsWorkingDays) {
  // Issued on 2026-09-30: 10-08, 10-09, 10-10 (调休).
  EXPECT_EQ(OrderAnswerDue(Template13710(), D("2026-09-30"), Official()).ToString(), "2026-10-10");
}

TEST(ScheduleTest, ProceduresChainAndRunInParallel) {
  std::vector<ProjectProcedure> items(4);
  items[0].limit_days = 1;   // filing
  items[1].limit_days = 20;  // site and land pre-review
  items[2].limit_days = 7;   // EIA, parallel with the pre-review
  items[2].parallel = true;
  items[3].limit_days = 5;  // after the longer of the two
  PlanProcedures(items, D("2026-09-28"), Official());
  EXPECT_EQ(*items[0].planned_start, "2026-09-28");
  EXPECT_EQ(*items[0].planned_due, "2026-09-29");
  EXPECT_EQ(*items[1].planned_start, "2026-09-29");
  EXPECT_EQ(*items[2].planned_start, "2026-09-29");
  EXPECT_EQ(*items[2].planned_due, "2026-10-14");  // 09-30, 10-08, 09, 10 (调休), 12, 13, 14
  EXPECT_EQ(*items[3].planned_start, *items[1].planned_due);
  ProjectProcedure done = items[0];
  done.status = ProcedureStatus::kDone;
  EXPECT_FALSE(IsProcedureOverdue(done, "2027-01-01"));
  EXPECT_TRUE(IsProcedureOverdue(items[0], "2026-09-30"));
  EXPECT_FALSE(IsProcedureOverdue(items[0], "2026-09-29"));
}

TEST(ScheduleTest, BattleChartWorksBackAndFlagsTasks) {
  // Three months before 2027-01-04 is 2026-10-04 (国庆): moved back to 09-30.
  EXPECT_EQ(WorkBackFrom(D("2027-01-04"), 3, Official()).ToString(), "2026-09-30");
  EXPECT_EQ(WorkBackFrom(D("2026-12-15"), 0, Official()).ToString(), "2026-12-15");
  Milestone m;
  m.planned_date = "2026-10-15";
  EXPECT_EQ(MilestoneStateOf(m, "2026-10-15"), MilestoneState::kPending);
  EXPECT_EQ(MilestoneStateOf(m, "2026-10-16"), MilestoneState::kOverdue);
  m.done_on = "2026-10-15";
  EXPECT_EQ(MilestoneStateOf(m, "2026-12-01"), MilestoneState::kDoneOnTime);
  m.done_on = "2026-10-16";
  EXPECT_EQ(MilestoneStateOf(m, "2026-12-01"), MilestoneState::kDoneLate);
}

TEST(ScheduleTest, BuiltinTemplatesCoverTheThreeRegimes) {
  auto templates = BuiltinProcedureTemplates();
  ASSERT_EQ(templates.size(), 3u);
  for (const auto& t : templates) {
    EXPECT_GE(t.items.size(), 10u) << t.name;
    EXPECT_EQ(t.items.back().code, "completion_acceptance");
  }
  EXPECT_EQ(templates[0].regime, ApprovalRegime::kApproval);
  EXPECT_EQ(templates[0].items[1].code, "feasibility_study");
}

}  // namespace
}  // namespace keyline
