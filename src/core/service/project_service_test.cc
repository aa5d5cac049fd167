// ProjectService beside the service (no HTTP): who may create and change a project, the scope
// by unit (a project outside it is kNotFound, not kForbidden), optimistic versions, the stage
// that only moves through MoveStage, and the audit entry and stage history of every write.
#include "core/service/project_service.h"

#include <gtest/gtest.h>

#include "core/service/service_test_base.h"

namespace keyline {
namespace {

using service_test::ServiceTest;

class ProjectServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (!store_) return;
    service_ = std::make_unique<ProjectService>(r(), *audit_, clock_);
  }

  static Project Draft(const char* name) {
    Project p;
    p.name = name;
    p.stage = Stage::kConceived;
    p.total_investment = Money{800 * Money::kCentsPerWan};
    return p;
  }

  std::unique_ptr<ProjectService> service_;
};

TEST_P(ProjectServiceTest, DepartmentCreatesForItsOwnUnitWithStageHistoryAndAudit) {
  if (!store_) return;
  size_t audit_before = AuditEntries().size();
  KL_ASSERT_OK_AND_ASSIGN(Project created, service_->Create(DeptA(), Draft("三号项目"), ""));
  EXPECT_GT(created.id, 0);
  EXPECT_EQ(created.version, 1);
  ASSERT_TRUE(created.responsible_unit_id.has_value());
  EXPECT_EQ(*created.responsible_unit_id, dept_a_);  // defaults to the department's own unit

  KL_ASSERT_OK_AND_ASSIGN(std::vector<StageChange> history,
                          service_->StageHistory(DeptA(), created.id));
  ASSERT_EQ(history.size(), 1u);
  EXPECT_FALSE(history[0].from.has_value());
  EXPECT_EQ(history[0].to, Stage::kConceived);
  EXPECT_EQ(history[0].reason, "新建项目");

  std::vector<AuditEvent> audit = AuditEntries();
  ASSERT_EQ(audit.size(), audit_before + 1);
  EXPECT_EQ(audit.back().action, "create");
  EXPECT_EQ(audit.back().entity, "project");
  EXPECT_EQ(audit.back().entity_id, std::to_string(created.id));
}

TEST_P(ProjectServiceTest, CreateRefusesOtherUnitsAndRolesThatMayNotCreate) {
  if (!store_) return;
  Project for_b = Draft("越权项目");
  for_b.responsible_unit_id = dept_b_;
  EXPECT_EQ(service_->Create(DeptA(), for_b, "").status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(service_->Create(ReporterA(), Draft("企业项目"), "").status().code(),
            ErrorCode::kForbidden);
  EXPECT_EQ(service_->Create(Leader(), Draft("领导项目"), "").status().code(),
            ErrorCode::kForbidden);
  // The office creates for any unit; a company cannot be the responsible unit.
  Project bad = Draft("企业负责");
  bad.responsible_unit_id = company_a_;
  Status st = service_->Create(Office(), bad, "").status();
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(st.details().empty());
  EXPECT_EQ(st.details()[0].field, "responsible_unit_id");
  EXPECT_TRUE(service_->Create(Office(), for_b, "").ok());
}

TEST_P(ProjectServiceTest, ScopeByUnitHidesOtherUnitsProjects) {
  if (!store_) return;
  EXPECT_TRUE(service_->Get(DeptA(), project_a_).ok());
  EXPECT_EQ(service_->Get(DeptA(), project_b_).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(service_->Get(ReporterA(), project_b_).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(service_->Get(Leader(), project_b_).ok());

  KL_ASSERT_OK_AND_ASSIGN(PageOf<Project> mine, service_->List(DeptA(), ProjectQuery{}));
  ASSERT_EQ(mine.total, 1);
  EXPECT_EQ(mine.items[0].id, project_a_);
  KL_ASSERT_OK_AND_ASSIGN(PageOf<Project> owned, service_->List(ReporterB(), ProjectQuery{}));
  ASSERT_EQ(owned.total, 1);
  EXPECT_EQ(owned.items[0].id, project_b_);
  KL_ASSERT_OK_AND_ASSIGN(PageOf<Project> all, service_->List(Office(), ProjectQuery{}));
  EXPECT_EQ(all.total, 2);
}

TEST_P(ProjectServiceTest, EditBumpsTheVersionAndRefusesStaleOrOutOfScopeWrites) {
  if (!store_) return;
  auto set_scale = [](Project& p) {
    p.scale_content = "新建厂房 2 万平方米";
    return Status::Ok();
  };
  KL_ASSERT_OK_AND_ASSIGN(Project edited, service_->Update(ReporterA(), project_a_, 1, set_scale));
  EXPECT_EQ(edited.version, 2);
  EXPECT_EQ(edited.scale_content, "新建厂房 2 万平方米");
  KL_ASSERT_OK_AND_ASSIGN(Project reread, service_->Get(DeptA(), project_a_));
  EXPECT_EQ(reread.scale_content, "新建厂房 2 万平方米");

  // The version read before the edit is stale now.
  EXPECT_EQ(service_->Update(DeptA(), project_a_, 1, set_scale).status().code(),
            ErrorCode::kConflict);
  // Another unit's project does not exist for the caller; a leader sees it but may not write.
  EXPECT_EQ(service_->Update(DeptB(), project_a_, 2, set_scale).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Update(ReporterB(), project_a_, 2, set_scale).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(service_->Update(Leader(), project_a_, 2, set_scale).status().code(),
            ErrorCode::kForbidden);
}

TEST_P(ProjectServiceTest, OnlyTheOfficeMovesOwnerAndResponsibleUnit) {
  if (!store_) return;
  auto move_to_b = [&](Project& p) {
    p.responsible_unit_id = dept_b_;
    return Status::Ok();
  };
  EXPECT_EQ(service_->Update(DeptA(), project_a_, 1, move_to_b).status().code(),
            ErrorCode::kForbidden);
  KL_ASSERT_OK_AND_ASSIGN(Project moved, service_->Update(Office(), project_a_, 1, move_to_b));
  EXPECT_EQ(moved.responsible_unit_id, dept_b_);
  // The project left dept_a's scope and entered dept_b's.
  EXPECT_EQ(service_->Get(DeptA(), project_a_).status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(service_->Get(DeptB(), project_a_).ok());
}

TEST_P(ProjectServiceTest, StageChangesOnlyThroughMoveStage) {
  if (!store_) return;
  auto complete = [](Project& p) {
    p.stage = Stage::kCompleted;
    return Status::Ok();
  };
  Status st = service_->Update(Office(), project_a_, 1, complete).status();
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  ASSERT_FALSE(st.details().empty());
  EXPECT_EQ(st.details()[0].field, "stage");

  StageMove suspend;
  suspend.to = Stage::kSuspended;
  suspend.reason = "资金未到位";
  suspend.expected_version = 1;
  EXPECT_EQ(service_->MoveStage(ReporterA(), project_a_, suspend).status().code(),
            ErrorCode::kForbidden);
  KL_ASSERT_OK_AND_ASSIGN(Project suspended, service_->MoveStage(DeptA(), project_a_, suspend));
  EXPECT_EQ(suspended.stage, Stage::kSuspended);
  KL_ASSERT_OK_AND_ASSIGN(std::vector<StageChange> history,
                          service_->StageHistory(Office(), project_a_));
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history.back().from, Stage::kConstruction);
  EXPECT_EQ(history.back().to, Stage::kSuspended);
  EXPECT_EQ(history.back().reason, "资金未到位");
  // The same version again is stale.
  EXPECT_EQ(service_->MoveStage(DeptA(), project_a_, suspend).status().code(),
            ErrorCode::kConflict);
}

KL_INSTANTIATE_STORE_BACKENDS(ProjectServiceTest);

}  // namespace
}  // namespace keyline
