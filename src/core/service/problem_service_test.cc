// ProblemService beside the service (no HTTP): raising a problem with 13710 deadlines counted
// in working days on the official calendar, its life (deploy → feedback → solve → close, with
// a timestamped event for each step), who may act or confirm, the scope, and the escalation
// sweep (once per due step, orders to each responsible unit).
//
// Today starts on Wednesday 2026-09-30, the eve of the National Day holiday (10-01..10-07;
// Saturday 10-10 is a 调休 workday): a problem raised that day is due to be deployed on the 1st
// working day after it (10-08), fed back on the 3rd (10-10) and settled on the 7th (10-15).
#include "core/service/problem_service.h"

#include <gtest/gtest.h>

#include "core/service/service_test_base.h"

namespace keyline {
namespace {

using service_test::ServiceTest;

class ProblemServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (!store_) return;
    service_ = std::make_unique<ProblemService>(r(), *audit_, clock_, calendar_);
    ASSERT_OK_S(service_->EnsureBuiltinTemplates());
  }

  Problem Draft(int64_t project, std::vector<int64_t> units) const {
    Problem p;
    p.project_id = project;
    p.title = "用地指标未落实";
    p.category = ProblemCategory::kLand;
    p.unit_ids = std::move(units);
    p.leader_person_id = leader_person_;
    return p;
  }

  static ProblemActionInput Do(ProblemAction action, std::string text = "") {
    ProblemActionInput in;
    in.action = action;
    in.text = std::move(text);
    return in;
  }

  std::vector<std::string> EventKinds(int64_t id) {
    std::vector<std::string> out;
    auto events = service_->Events(Office(), id);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    if (events.ok()) {
      for (const ProblemEvent& e : *events) out.push_back(e.kind);
    }
    return out;
  }

  std::unique_ptr<ProblemService> service_;
};

TEST_P(ProblemServiceTest, DeadlinesCountWorkingDaysOverTheHoliday) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(Problem p, service_->Raise(DeptA(), Draft(project_a_, {dept_a_})));
  EXPECT_EQ(p.raised_on, "2026-09-30");
  EXPECT_EQ(p.template_code, "13710");
  EXPECT_EQ(p.deploy_due, "2026-10-08");
  EXPECT_EQ(p.feedback_due, "2026-10-10");
  EXPECT_EQ(p.settle_due, "2026-10-15");
  EXPECT_EQ(p.status, ProblemStatus::kOpen);
  EXPECT_EQ(p.level, EscalationLevel::kUnit);
  EXPECT_EQ(p.raised_by, DeptA().user_id);

  // A major problem has a month to be settled, moved to a working day: 10-30 is a Friday.
  Problem major = Draft(project_a_, {dept_a_});
  major.severity = ProblemSeverity::kMajor;
  KL_ASSERT_OK_AND_ASSIGN(Problem m, service_->Raise(Office(), major));
  EXPECT_EQ(m.settle_due, "2026-10-30");

  // Raised on a Saturday, the count starts on the next working day.
  SetToday("2026-10-17");
  KL_ASSERT_OK_AND_ASSIGN(Problem weekend, service_->Raise(DeptA(), Draft(project_a_, {dept_a_})));
  EXPECT_EQ(weekend.deploy_due, "2026-10-19");
}

TEST_P(ProblemServiceTest, DeployFeedbackSolveCloseWithEventsAndAudit) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(Problem p, service_->Raise(Office(), Draft(project_a_, {dept_a_})));
  KL_ASSERT_OK_AND_ASSIGN(Problem deployed,
                          service_->Act(DeptA(), p.id, Do(ProblemAction::kDeploy)));
  EXPECT_EQ(deployed.status, ProblemStatus::kDeployed);
  EXPECT_TRUE(deployed.deployed_at.has_value());
  // Deploying twice does not fit the status.
  EXPECT_EQ(service_->Act(DeptA(), p.id, Do(ProblemAction::kDeploy)).status().code(),
            ErrorCode::kConflict);
  // Feedback needs its text.
  EXPECT_EQ(service_->Act(DeptA(), p.id, Do(ProblemAction::kFeedback)).status().code(),
            ErrorCode::kInvalidArgument);
  KL_ASSERT_OK_AND_ASSIGN(
      Problem fed, service_->Act(DeptA(), p.id, Do(ProblemAction::kFeedback, "已对接自然资源局")));
  EXPECT_EQ(fed.status, ProblemStatus::kFeedback);
  EXPECT_EQ(fed.progress, "已对接自然资源局");
  // Closing needs a solved problem.
  EXPECT_EQ(service_->Act(Office(), p.id, Do(ProblemAction::kClose, "好")).status().code(),
            ErrorCode::kConflict);
  KL_ASSERT_OK_AND_ASSIGN(Problem solved,
                          service_->Act(DeptA(), p.id, Do(ProblemAction::kSolve, "指标已下达")));
  EXPECT_EQ(solved.status, ProblemStatus::kSolved);
  // The responsible unit does not confirm its own work: the raiser, the office or a leader do.
  EXPECT_EQ(service_->Act(DeptA(), p.id, Do(ProblemAction::kClose, "办结")).status().code(),
            ErrorCode::kForbidden);
  ProblemActionInput close = Do(ProblemAction::kClose, "办理及时");
  close.rating = 5;
  close.expected_version = solved.version;
  KL_ASSERT_OK_AND_ASSIGN(Problem closed, service_->Act(Leader(), p.id, close));
  EXPECT_EQ(closed.status, ProblemStatus::kClosed);
  EXPECT_EQ(closed.rating, 5);
  EXPECT_EQ(closed.closed_by, Leader().user_id);
  EXPECT_EQ(closed.evaluation, "办理及时");
  // Closed is final.
  EXPECT_EQ(service_->Act(DeptA(), p.id, Do(ProblemAction::kFeedback, "补充")).status().code(),
            ErrorCode::kConflict);

  EXPECT_EQ(EventKinds(p.id),
            (std::vector<std::string>{"raised", "deployed", "feedback", "solved", "closed"}));
  std::vector<std::string> audited;
  for (const AuditEvent& e : AuditEntries()) {
    if (e.entity == "problem") audited.push_back(e.action);
  }
  EXPECT_EQ(audited,
            (std::vector<std::string>{"create", "deployed", "feedback", "solved", "closed"}));
}

TEST_P(ProblemServiceTest, PlanNeedsAFutureDateAndReopenSendsItBack) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(Problem p, service_->Raise(Office(), Draft(project_a_, {dept_a_})));
  ProblemActionInput plan = Do(ProblemAction::kPlan, "待省厅批复后解决");
  plan.plan_date = "2026-09-30";  // today: not after today
  EXPECT_EQ(service_->Act(DeptA(), p.id, plan).status().code(), ErrorCode::kInvalidArgument);
  plan.plan_date = "2026-12-31";
  KL_ASSERT_OK_AND_ASSIGN(Problem planned, service_->Act(DeptA(), p.id, plan));
  EXPECT_EQ(planned.status, ProblemStatus::kPlanned);
  EXPECT_EQ(planned.plan_date, "2026-12-31");
  KL_ASSERT_OK_AND_ASSIGN(Problem reopened,
                          service_->Act(Office(), p.id, Do(ProblemAction::kReopen, "方案不可行")));
  EXPECT_EQ(reopened.status, ProblemStatus::kFeedback);
  EXPECT_FALSE(reopened.plan_date.has_value());
}

TEST_P(ProblemServiceTest, ScopeAndWhoMayRaiseOrAct) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(Problem p, service_->Raise(DeptA(), Draft(project_a_, {dept_a_})));
  // Another department or company does not see the problem or the project.
  EXPECT_EQ(service_->Get(DeptB(), p.id).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(service_->Act(DeptB(), p.id, Do(ProblemAction::kDeploy)).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Raise(ReporterB(), Draft(project_a_, {dept_a_})).status().code(),
            ErrorCode::kNotFound);
  // The owner company raises for its own project but does not act for the unit.
  KL_ASSERT_OK_AND_ASSIGN(Problem by_company,
                          service_->Raise(ReporterA(), Draft(project_a_, {dept_a_})));
  EXPECT_EQ(service_->Act(ReporterA(), by_company.id, Do(ProblemAction::kDeploy)).status().code(),
            ErrorCode::kForbidden);
  // Leaders read and confirm, they do not raise; a company is no responsible unit.
  EXPECT_EQ(service_->Raise(Leader(), Draft(project_a_, {dept_a_})).status().code(),
            ErrorCode::kForbidden);
  Status company_unit = service_->Raise(Office(), Draft(project_a_, {company_a_})).status();
  EXPECT_EQ(company_unit.code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(company_unit.details().empty());
  EXPECT_EQ(company_unit.details()[0].field, "unit_ids");

  // A department assigned to a problem of another unit's project sees and works that problem.
  KL_ASSERT_OK_AND_ASSIGN(Problem assigned,
                          service_->Raise(Office(), Draft(project_b_, {dept_a_})));
  EXPECT_TRUE(service_->Get(DeptA(), assigned.id).ok());
  EXPECT_TRUE(service_->Act(DeptA(), assigned.id, Do(ProblemAction::kDeploy)).ok());
  KL_ASSERT_OK_AND_ASSIGN(PageOf<Problem> dept_b_list, service_->List(DeptB(), ProblemQuery{}));
  ASSERT_EQ(dept_b_list.total, 1);  // its project's problem, though dept_a works it
  EXPECT_EQ(dept_b_list.items[0].id, assigned.id);
}

TEST_P(ProblemServiceTest, SweepEscalatesOverdueProblemsOncePerStep) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(Problem p,
                          service_->Raise(Office(), Draft(project_a_, {dept_a_, dept_b_})));
  EXPECT_EQ(service_->Sweep(DeptA()).status().code(), ErrorCode::kForbidden);
  // On the settle day it is not overdue yet.
  SetToday("2026-10-15");
  KL_ASSERT_OK_AND_ASSIGN(SweepReport none, service_->Sweep(Office()));
  EXPECT_EQ(none.escalated, 0);
  // The next working day it climbs to the leader in charge, one order per responsible unit.
  SetToday("2026-10-16");
  KL_ASSERT_OK_AND_ASSIGN(SweepReport first, service_->Sweep(Office()));
  EXPECT_EQ(first.escalated, 1);
  EXPECT_EQ(first.orders, 2);
  KL_ASSERT_OK_AND_ASSIGN(Problem escalated, service_->Get(Office(), p.id));
  EXPECT_EQ(escalated.level, EscalationLevel::kDeputyLeader);
  // The same day again: nothing more.
  KL_ASSERT_OK_AND_ASSIGN(SweepReport again, service_->Sweep(Office()));
  EXPECT_EQ(again.escalated, 0);
  EXPECT_EQ(again.orders, 0);
  // Each unit sees the order issued to it and answers it once.
  KL_ASSERT_OK_AND_ASSIGN(PageOf<SupervisionOrder> orders, service_->Orders(DeptA(), {}));
  ASSERT_GE(orders.total, 1);
  int64_t order_a = 0;
  for (const SupervisionOrder& o : orders.items) {
    if (o.unit_id == dept_a_) order_a = o.id;
  }
  ASSERT_GT(order_a, 0);
  EXPECT_TRUE(service_->AnswerOrder(DeptA(), order_a, "已制定整改方案", std::nullopt).ok());
  EXPECT_EQ(service_->AnswerOrder(DeptA(), order_a, "再次答复", std::nullopt).status().code(),
            ErrorCode::kConflict);
}

KL_INSTANTIATE_STORE_BACKENDS(ProblemServiceTest);

}  // namespace
}  // namespace keyline
