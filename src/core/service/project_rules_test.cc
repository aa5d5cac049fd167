#include "core/service/project_rules.h"

#include <gtest/gtest.h>

namespace keyline {
namespace {

constexpr const char* kToday = "2026-11-24";

Project ValidProject() {
  Project p;
  p.name = "雁塔区第四中学建设项目";
  p.code = "2024-610113-83-01-123456";
  p.industry_code = "P8334";
  p.total_investment = *Money::ParseWan("32000");
  p.funding = {{FundingSource::kLocalFiscal, *Money::ParseWan("12000")},
               {FundingSource::kSpecialBond, *Money::ParseWan("20000")}};
  p.planned_start = "2024-03-01";
  p.planned_completion = "2026-08-31";
  p.longitude = 108.94;
  p.latitude = 34.21;
  return p;
}

bool HasFieldError(const Status& st, const std::string& field) {
  for (const auto& d : st.details()) {
    if (d.field == field) return true;
  }
  return false;
}

TEST(ProjectRulesTest, AcceptsAValidProject) {
  Project p = ValidProject();
  Status st = ValidateProject(&p, kToday);
  EXPECT_TRUE(st.ok()) << st.ToString();
}

TEST(ProjectRulesTest, NormalisesTheProjectCode) {
  Project p = ValidProject();
  p.code = " ２０２４－610113-83-01-123456 ";
  ASSERT_TRUE(ValidateProject(&p, kToday).ok());
  EXPECT_EQ(*p.code, "2024-610113-83-01-123456");
}

TEST(ProjectRulesTest, ReportsEachBadField) {
  struct Case {
    const char* field;
    void (*mutate)(Project&);
  } cases[] = {
      {"name", [](Project& p) { p.name = "  "; }},
      {"name", [](Project& p) { p.name = std::string(201 * 3, 'x'); }},
      {"code", [](Project& p) { p.code = "2024-610113"; }},
      {"industry_code", [](Project& p) { p.industry_code = "P0111"; }},
      {"total_investment",
       [](Project& p) {
         p.total_investment = Money{-1};
         p.funding.clear();
       }},
      {"funding", [](Project& p) { p.funding[0].amount = *Money::ParseWan("1"); }},
      {"funding", [](Project& p) { p.funding[1].source = FundingSource::kLocalFiscal; }},
      {"planned_completion", [](Project& p) { p.planned_completion = "2023-01-01"; }},
      {"planned_start", [](Project& p) { p.planned_start = "2024-02-30"; }},
      {"actual_start", [](Project& p) { p.actual_start = "2027-01-01"; }},
      {"actual_completion", [](Project& p) { p.actual_completion = "2025-01-01"; }},
      {"actual_completion",
       [](Project& p) {
         p.actual_start = "2025-01-01";
         p.actual_completion = "2024-12-31";
       }},
      {"stats_date",
       [](Project& p) {
         p.actual_start = "2025-01-01";
         p.stats_status = StatsStatus::kIncluded;
       }},
      {"stats_status",
       [](Project& p) {
         p.stats_status = StatsStatus::kIncluded;
         p.stats_date = "2025-02-01";
       }},
      {"latitude", [](Project& p) { p.latitude = 80; }},
      {"longitude", [](Project& p) { p.longitude.reset(); }},
      {"actual_start", [](Project& p) { p.stage = Stage::kConstruction; }},
  };
  for (const auto& c : cases) {
    Project p = ValidProject();
    c.mutate(p);
    Status st = ValidateProject(&p, kToday);
    EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument) << c.field;
    EXPECT_TRUE(HasFieldError(st, c.field)) << c.field << ": " << st.ToString();
    EXPECT_FALSE(st.message_zh().empty());
  }
}

TEST(ProjectRulesTest, WarnsWhenAStartedProjectIsNotInTheStatistics) {
  Project p = ValidProject();
  p.stage = Stage::kConstruction;
  p.actual_start = "2025-03-01";
  p.stats_status = StatsStatus::kPending;
  ASSERT_TRUE(ValidateProject(&p, kToday).ok());
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("入库"), std::string::npos);
}

TEST(StageMachineTest, FollowsTheLifecycle) {
  EXPECT_TRUE(StageEdgeExists(Stage::kConceived, Stage::kReserve));
  EXPECT_TRUE(StageEdgeExists(Stage::kReserve, Stage::kPreliminary));
  EXPECT_TRUE(StageEdgeExists(Stage::kPreliminary, Stage::kConstruction));
  EXPECT_TRUE(StageEdgeExists(Stage::kConstruction, Stage::kCompleted));
  EXPECT_TRUE(StageEdgeExists(Stage::kCompleted, Stage::kProduction));
  EXPECT_TRUE(StageEdgeExists(Stage::kConstruction, Stage::kSuspended));
  EXPECT_TRUE(StageEdgeExists(Stage::kSuspended, Stage::kConstruction));
  EXPECT_FALSE(StageEdgeExists(Stage::kConceived, Stage::kConstruction));
  EXPECT_FALSE(StageEdgeExists(Stage::kConstruction, Stage::kProduction));  // 投产 follows 竣工
  EXPECT_FALSE(StageEdgeExists(Stage::kProduction, Stage::kConstruction));
  EXPECT_FALSE(StageEdgeExists(Stage::kConstruction, Stage::kWithdrawn));
}

TEST(StageMachineTest, StartingNeedsAnActualStartDate) {
  Project p = ValidProject();
  p.stage = Stage::kPreliminary;
  Status st = CheckStageTransition(p, Stage::kConstruction, "", kToday);
  EXPECT_EQ(st.code(), ErrorCode::kConflict);
  EXPECT_NE(st.message_zh().find("实际开工日期"), std::string::npos);
  p.actual_start = "2026-12-01";  // in the future
  EXPECT_EQ(CheckStageTransition(p, Stage::kConstruction, "", kToday).code(), ErrorCode::kConflict);
  p.actual_start = "2026-11-01";
  EXPECT_TRUE(CheckStageTransition(p, Stage::kConstruction, "", kToday).ok());
}

TEST(StageMachineTest, CompletionNeedsAnActualCompletionDate) {
  Project p = ValidProject();
  p.stage = Stage::kConstruction;
  p.actual_start = "2025-01-01";
  EXPECT_EQ(CheckStageTransition(p, Stage::kCompleted, "", kToday).code(), ErrorCode::kConflict);
  p.actual_completion = "2026-10-30";
  EXPECT_TRUE(CheckStageTransition(p, Stage::kCompleted, "", kToday).ok());
}

TEST(StageMachineTest, SuspensionAndWithdrawalNeedAReason) {
  Project p = ValidProject();
  p.stage = Stage::kConstruction;
  p.actual_start = "2025-01-01";
  Status st = CheckStageTransition(p, Stage::kSuspended, " ", kToday);
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(st, "reason"));
  EXPECT_TRUE(CheckStageTransition(p, Stage::kSuspended, "资金未到位", kToday).ok());
  p.stage = Stage::kReserve;
  EXPECT_EQ(CheckStageTransition(p, Stage::kWithdrawn, "", kToday).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(CheckStageTransition(p, Stage::kReserve, "x", kToday).code(), ErrorCode::kConflict);
}

TEST(AssignmentRulesTest, PersonRolesTakePeopleAndUnitRolesTakeUnits) {
  Assignment a;
  a.role = AssignmentRole::kLeadLeader;
  a.person_id = 3;
  EXPECT_TRUE(ValidateAssignment(a).ok());
  a.unit_id = 4;
  EXPECT_FALSE(ValidateAssignment(a).ok());
  Assignment u;
  u.role = AssignmentRole::kResponsibleUnit;
  EXPECT_FALSE(ValidateAssignment(u).ok());
  u.unit_id = 4;
  EXPECT_TRUE(ValidateAssignment(u).ok());
  u.valid_from = "2026-01-01";
  u.valid_to = "2025-12-31";
  EXPECT_FALSE(ValidateAssignment(u).ok());
}

}  // namespace
}  // namespace keyline
