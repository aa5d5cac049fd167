// ReportService beside the service (no HTTP): the monthly report's life (draft → submitted →
// approved, or returned and submitted again), the reporting window of a period (not open yet,
// on time, late after an unlock, locked), the submit checks, the scope (another company's or
// department's project is kNotFound) and the roles that fill and review.
//
// Today is Friday 2026-10-09. On the official calendar the window of 2026-09 opens on 09-25,
// is due on the 5th working day of October (10-13, after the National Day holiday and the
// 10-10 调休 workday) and locks after the 10th (10-20); 2026-08 locked after 09-14; 2026-10
// opens on 10-25.
#include "core/service/report_service.h"

#include <gtest/gtest.h>

#include "core/service/service_test_base.h"

namespace keyline {
namespace {

using service_test::ServiceTest;

constexpr int kSeptember = 202609;

class ReportServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (!store_) return;
    SetToday("2026-10-09");
    settings_ = std::make_unique<ReportingSettings>(*r().tx, *store_->reporting().settings, *audit_,
                                                    calendar_, clock_);
    service_ =
        std::make_unique<ReportService>(r(), store_->reporting(), *settings_, *audit_, clock_);
  }

  static ReportInput Filled(int64_t wan = 120) {
    ReportInput in;
    in.completed_investment = Money{wan * Money::kCentsPerWan};
    in.progress_text = "主体结构施工";
    in.progress_percent = 40;
    in.workers = 85;
    return in;
  }

  std::unique_ptr<ReportingSettings> settings_;
  std::unique_ptr<ReportService> service_;
};

TEST_P(ReportServiceTest, DraftSubmitApproveAndTheApprovedReportIsReadOnly) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(MonthlyReport draft,
                          service_->Save(ReporterA(), project_a_, kSeptember, 0, Filled()));
  EXPECT_EQ(draft.status, ReportStatus::kDraft);
  EXPECT_EQ(draft.version, 1);

  KL_ASSERT_OK_AND_ASSIGN(SubmitResult submitted,
                          service_->Submit(ReporterA(), project_a_, kSeptember, 1, ReportInput{}));
  EXPECT_EQ(submitted.report.status, ReportStatus::kSubmitted);
  EXPECT_FALSE(submitted.report.late);  // before the due day 10-13
  EXPECT_EQ(submitted.report.completed_investment, Money{120 * Money::kCentsPerWan});

  // Submitted: the reporter waits for the review.
  EXPECT_EQ(service_->Save(ReporterA(), project_a_, kSeptember, 2, Filled(130)).status().code(),
            ErrorCode::kConflict);
  KL_ASSERT_OK_AND_ASSIGN(MonthlyReport approved,
                          service_->Approve(DeptA(), project_a_, kSeptember, 2, "同意"));
  EXPECT_EQ(approved.status, ReportStatus::kApproved);
  EXPECT_EQ(approved.reviewed_by, DeptA().user_id);
  EXPECT_EQ(service_->Save(ReporterA(), project_a_, kSeptember, 3, Filled(130)).status().code(),
            ErrorCode::kConflict);

  KL_ASSERT_OK_AND_ASSIGN(ReportView view, service_->Get(ReporterA(), project_a_, kSeptember));
  EXPECT_FALSE(view.editable);
  EXPECT_EQ(view.window.due_on, "2026-10-13");
  EXPECT_EQ(view.window.locks_after, "2026-10-20");

  std::vector<std::string> actions;
  for (const AuditEvent& e : AuditEntries()) {
    if (e.entity == "monthly_report") actions.push_back(e.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "approve"}));
}

TEST_P(ReportServiceTest, ReturnNeedsACommentAndTheReporterSubmitsAgain) {
  if (!store_) return;
  ASSERT_TRUE(service_->Submit(ReporterA(), project_a_, kSeptember, 0, Filled()).ok());
  Status no_comment = service_->Return(DeptA(), project_a_, kSeptember, 1, "").status();
  EXPECT_EQ(no_comment.code(), ErrorCode::kInvalidArgument);
  KL_ASSERT_OK_AND_ASSIGN(MonthlyReport returned,
                          service_->Return(DeptA(), project_a_, kSeptember, 1, "人数有误"));
  EXPECT_EQ(returned.status, ReportStatus::kReturned);
  EXPECT_EQ(returned.return_count, 1);
  EXPECT_EQ(returned.review_comment, "人数有误");

  ReportInput fix;
  fix.workers = 60;
  KL_ASSERT_OK_AND_ASSIGN(SubmitResult again,
                          service_->Submit(ReporterA(), project_a_, kSeptember, 2, fix));
  EXPECT_EQ(again.report.status, ReportStatus::kSubmitted);
  EXPECT_EQ(again.report.workers, 60);
  // Only a submitted report is reviewed: approving twice is a conflict.
  ASSERT_TRUE(service_->Approve(Office(), project_a_, kSeptember, 3, "").ok());
  EXPECT_EQ(service_->Approve(Office(), project_a_, kSeptember, 4, "").status().code(),
            ErrorCode::kConflict);
}

TEST_P(ReportServiceTest, OfTwoSubmissionsWithTheSameVersionOnlyOneWins) {
  if (!store_) return;
  ASSERT_TRUE(service_->Submit(ReporterA(), project_a_, kSeptember, 0, Filled()).ok());
  EXPECT_EQ(service_->Submit(Office(), project_a_, kSeptember, 0, Filled(90)).status().code(),
            ErrorCode::kConflict);
}

TEST_P(ReportServiceTest, ScopeAndRolesOfFillingAndReviewing) {
  if (!store_) return;
  // Another company's or department's project does not exist for the caller.
  EXPECT_EQ(service_->Save(ReporterB(), project_a_, kSeptember, 0, Filled()).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Get(DeptB(), project_a_, kSeptember).status().code(), ErrorCode::kNotFound);
  // A department reviews but does not fill; a company fills but does not review; a leader reads.
  EXPECT_EQ(service_->Save(DeptA(), project_a_, kSeptember, 0, Filled()).status().code(),
            ErrorCode::kForbidden);
  ASSERT_TRUE(service_->Submit(ReporterA(), project_a_, kSeptember, 0, Filled()).ok());
  EXPECT_EQ(service_->Approve(ReporterA(), project_a_, kSeptember, 1, "").status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Approve(Leader(), project_a_, kSeptember, 1, "").status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Approve(DeptB(), project_a_, kSeptember, 1, "").status().code(),
            ErrorCode::kNotFound);
  EXPECT_TRUE(service_->Get(Leader(), project_a_, kSeptember).ok());

  // A department's review queue lists its own projects' submitted reports only.
  ASSERT_TRUE(service_->Submit(ReporterB(), project_b_, kSeptember, 0, Filled()).ok());
  ReportQuery queue;
  queue.statuses = {ReportStatus::kSubmitted};
  KL_ASSERT_OK_AND_ASSIGN(PageOf<ReportListItem> mine, service_->List(DeptA(), queue));
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.items[0].report.project_id, project_a_);
}

TEST_P(ReportServiceTest, PeriodChecks) {
  if (!store_) return;
  // Not a month: as if the report did not exist.
  EXPECT_EQ(service_->Get(ReporterA(), project_a_, 202613).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(service_->Save(ReporterA(), project_a_, 199912, 0, Filled()).status().code(),
            ErrorCode::kNotFound);
  // October's window opens on 10-25.
  Status not_open = service_->Save(ReporterA(), project_a_, 202610, 0, Filled()).status();
  EXPECT_EQ(not_open.code(), ErrorCode::kConflict);
  // August locked after 09-14: only the office's audited unlock reopens it, and a first
  // submission after the due day is marked late.
  EXPECT_EQ(service_->Submit(ReporterA(), project_a_, 202608, 0, Filled()).status().code(),
            ErrorCode::kConflict);
  EXPECT_EQ(service_->Unlock(DeptA(), project_a_, 202608, "补报").status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Unlock(Office(), project_a_, 202608, "").status().code(),
            ErrorCode::kInvalidArgument);
  KL_ASSERT_OK_AND_ASSIGN(MonthlyReport unlocked,
                          service_->Unlock(Office(), project_a_, 202608, "企业补报"));
  EXPECT_TRUE(unlocked.unlocked);
  KL_ASSERT_OK_AND_ASSIGN(SubmitResult late, service_->Submit(ReporterA(), project_a_, 202608,
                                                              unlocked.version, Filled()));
  EXPECT_EQ(late.report.status, ReportStatus::kSubmitted);
  EXPECT_TRUE(late.report.late);
  EXPECT_FALSE(late.report.unlocked);  // the unlock lasts until the next submission
}

TEST_P(ReportServiceTest, InvestmentBeforeTheActualStartIsRefusedOnSubmit) {
  if (!store_) return;
  ASSERT_OK_S(Write([&](Tx& tx) -> Status {
    KL_ASSIGN_OR_RETURN(Project p, r().projects->Get(tx, project_a_));
    p.actual_start.reset();
    p.stage = Stage::kPreliminary;
    return r().projects->Update(tx, p, p.version);
  }));
  Status st = service_->Submit(ReporterA(), project_a_, kSeptember, 0, Filled()).status();
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(st.details().empty());
  EXPECT_EQ(st.details()[0].field, "completed_investment");
  // Nothing was stored.
  KL_ASSERT_OK_AND_ASSIGN(ReportView view, service_->Get(ReporterA(), project_a_, kSeptember));
  EXPECT_EQ(view.report.id, 0);
  // With no investment the same report goes through.
  EXPECT_TRUE(service_->Submit(ReporterA(), project_a_, kSeptember, 0, Filled(0)).ok());
}

KL_INSTANTIATE_STORE_BACKENDS(ReportServiceTest);

}  // namespace
}  // namespace keyline
