// ProcedureService beside the service (no HTTP): the office applies the built-in template of a
// project's approval regime once, planned on working days; the project's departments and owner
// company update the procedures (done needs its date, not in the future; versions are
// checked); overdue lists stay within the caller's scope. Today is 2026-09-30.
#include "core/service/procedure_service.h"

#include <gtest/gtest.h>

#include "core/service/service_test_base.h"

namespace keyline {
namespace {

using service_test::ServiceTest;

class ProcedureServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (!store_) return;
    service_ = std::make_unique<ProcedureService>(r(), *audit_, clock_, calendar_);
    ASSERT_OK_S(service_->EnsureBuiltinTemplates());
  }

  static ProcedurePatch Done(std::optional<std::string> on) {
    return [on](ProjectProcedure& p) {
      p.status = ProcedureStatus::kDone;
      p.actual_done = on;
      return Status::Ok();
    };
  }

  std::unique_ptr<ProcedureService> service_;
};

TEST_P(ProcedureServiceTest, TheOfficeAppliesTheRegimesTemplateOncePlannedOnWorkingDays) {
  if (!store_) return;
  EXPECT_EQ(service_->Apply(DeptA(), project_a_, std::nullopt, "2026-09-01").status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Apply(DeptB(), project_a_, std::nullopt, "2026-09-01").status().code(),
            ErrorCode::kNotFound);
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> list,
                          service_->Apply(Office(), project_a_, std::nullopt, "2026-09-01"));
  ASSERT_FALSE(list.empty());
  for (size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].seq, static_cast<int>(i) + 1);
    EXPECT_EQ(list[i].status, ProcedureStatus::kNotStarted);
    ASSERT_TRUE(list[i].planned_due.has_value()) << list[i].name;
    auto due = Date::Parse(*list[i].planned_due);
    ASSERT_TRUE(due.ok());
    EXPECT_TRUE(calendar_.IsWorkingDay(*due)) << list[i].name << " due " << *list[i].planned_due;
  }
  EXPECT_EQ(service_->Apply(Office(), project_a_, std::nullopt, "2026-09-01").status().code(),
            ErrorCode::kConflict);
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> read, service_->List(DeptA(), project_a_));
  EXPECT_EQ(read.size(), list.size());
  EXPECT_EQ(service_->List(ReporterB(), project_a_).status().code(), ErrorCode::kNotFound);
}

TEST_P(ProcedureServiceTest, UpdatesByTheProjectsUnitsWithDatesAndVersionsChecked) {
  if (!store_) return;
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> list,
                          service_->Apply(Office(), project_a_, std::nullopt, "2026-09-01"));
  const ProjectProcedure& first = list.front();
  Status no_date =
      service_->Update(ReporterA(), project_a_, first.id, first.version, Done(std::nullopt))
          .status();
  EXPECT_EQ(no_date.code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(no_date.details().empty());
  EXPECT_EQ(no_date.details()[0].field, "actual_done");
  EXPECT_EQ(service_->Update(ReporterA(), project_a_, first.id, first.version, Done("2026-10-01"))
                .status()
                .code(),
            ErrorCode::kInvalidArgument);  // tomorrow
  EXPECT_EQ(service_->Update(ReporterB(), project_a_, first.id, first.version, Done("2026-09-29"))
                .status()
                .code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Update(Leader(), project_a_, first.id, first.version, Done("2026-09-29"))
                .status()
                .code(),
            ErrorCode::kForbidden);
  KL_ASSERT_OK_AND_ASSIGN(
      ProjectProcedure done,
      service_->Update(ReporterA(), project_a_, first.id, first.version, Done("2026-09-29")));
  EXPECT_EQ(done.status, ProcedureStatus::kDone);
  EXPECT_EQ(done.actual_done, "2026-09-29");
  EXPECT_EQ(service_->Update(DeptA(), project_a_, first.id, first.version, Done("2026-09-28"))
                .status()
                .code(),
            ErrorCode::kConflict);  // stale version
}

TEST_P(ProcedureServiceTest, OverdueStaysWithinTheCallersScope) {
  if (!store_) return;
  // Planned from January: by the end of September every procedure is past its due day.
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> a,
                          service_->Apply(Office(), project_a_, std::nullopt, "2026-01-05"));
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> b,
                          service_->Apply(Office(), project_b_, std::nullopt, "2026-01-05"));
  size_t overdue_a = 0;
  for (const ProjectProcedure& p : a) overdue_a += *p.planned_due < "2026-09-30" ? 1 : 0;
  ASSERT_GT(overdue_a, 0u);

  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> mine,
                          service_->Overdue(DeptA(), std::nullopt));
  EXPECT_EQ(mine.size(), overdue_a);
  for (const ProjectProcedure& p : mine) EXPECT_EQ(p.project_id, project_a_);
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> all,
                          service_->Overdue(Office(), std::nullopt));
  EXPECT_GT(all.size(), mine.size());

  // A procedure done is no longer overdue, and the per-authority counts add up.
  ASSERT_TRUE(
      service_->Update(DeptA(), project_a_, mine[0].id, mine[0].version, Done("2026-09-30")).ok());
  KL_ASSERT_OK_AND_ASSIGN(std::vector<ProjectProcedure> after,
                          service_->Overdue(DeptA(), std::nullopt));
  EXPECT_EQ(after.size(), overdue_a - 1);
  KL_ASSERT_OK_AND_ASSIGN(std::vector<AuthorityOverdue> by_authority,
                          service_->OverdueByAuthority(DeptA()));
  int64_t sum = 0;
  for (const AuthorityOverdue& x : by_authority) sum += x.overdue;
  EXPECT_EQ(sum, static_cast<int64_t>(after.size()));
}

KL_INSTANTIATE_STORE_BACKENDS(ProcedureServiceTest);

}  // namespace
}  // namespace keyline
