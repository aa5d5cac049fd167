#include "importing/ledger_plan.h"

#include <gtest/gtest.h>

#include "importing/test_table.h"

namespace keyline::importing {
namespace {

constexpr const char* kToday = "2025-06-01";

Project Stored() {
  Project p;
  p.id = 7;
  p.version = 3;
  p.name = "城东污水处理厂";
  p.code = "2501-610103-04-01-000001";
  p.owner_unit_id = 20;
  p.total_investment = Money::FromWan(30000);
  p.stage = Stage::kPreliminary;
  return p;
}

struct Fixture {
  LedgerIndex index{
      {{7, "城东污水处理厂", "2501-610103-04-01-000001", 20}, {8, "同名项目", std::nullopt, 21}},
      {{20, "城投公司", UnitKind::kCompany},
       {21, "乙公司", UnitKind::kCompany},
       {30, "区住建局", UnitKind::kDepartment}}};
  std::function<Result<Project>(int64_t)> load = [](int64_t id) -> Result<Project> {
    if (id == 7) return Stored();
    Project p;
    p.id = id;
    p.version = 1;
    p.name = "同名项目";
    p.owner_unit_id = 21;
    p.total_investment = Money::FromWan(100);
    return p;
  };
  LedgerPlan Plan(const SheetTable& t) {
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    return PlanLedger(t, SuggestMapping(ImportKind::kLedger, headers), index, load, kToday);
  }
};

TEST(LedgerPlanTest, CreatesWithNormalisedValues) {
  Fixture f;
  auto t = TestTable(
      {"序号", "项目名称", "总投资（亿元）", "建设单位", "责任单位", "计划开工", "项目阶段"},
      {{"1", "新区学校", "１.２", "新公司", "区住建局", "2025年9月", "储备"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 1u);
  const PlanRow& r = plan.rows[0];
  ASSERT_EQ(r.action, RowAction::kCreate) << (r.reasons.empty() ? "" : r.reasons[0].zh);
  EXPECT_EQ(r.project.total_investment, Money::FromWan(12000));
  EXPECT_EQ(r.project.planned_start, "2025-09-01");
  EXPECT_EQ(r.project.responsible_unit_id, 30);
  EXPECT_EQ(r.project.stage, Stage::kReserve);
  EXPECT_EQ(r.new_owner, "新公司");
  EXPECT_EQ(plan.new_owners, std::vector<std::string>{"新公司"});
  EXPECT_EQ(plan.summary.create, 1);
}

TEST(LedgerPlanTest, MatchesByCodeThenNameOwnerAndListsFieldChanges) {
  Fixture f;
  auto t = TestTable({"项目代码", "项目名称", "总投资(万元)", "项目业主"},
                     {{"2501-610103-04-01-000001", "城东污水处理厂", "32000", "城投公司"},
                      {"", "同名项目", "100", "乙公司"},
                      {"", "城东污水处理厂", "30000", "城投公司"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 3u);
  EXPECT_EQ(plan.rows[0].action, RowAction::kUpdate);
  EXPECT_EQ(plan.rows[0].project_id, 7);
  ASSERT_EQ(plan.rows[0].changes.size(), 1u);
  EXPECT_EQ(plan.rows[0].changes[0].field, "total_investment");
  EXPECT_EQ(plan.rows[0].changes[0].old_value, "30000");
  EXPECT_EQ(plan.rows[0].changes[0].new_value, "32000");
  EXPECT_EQ(plan.rows[0].project.version, 3);
  EXPECT_EQ(plan.rows[1].action, RowAction::kUnchanged);
  EXPECT_EQ(plan.rows[1].project_id, 8);
  // The third row is project 7 again (by name + owner): a duplicate within the file.
  EXPECT_EQ(plan.rows[2].action, RowAction::kError);
  EXPECT_EQ(plan.summary.update, 1);
  EXPECT_EQ(plan.summary.unchanged, 1);
  EXPECT_EQ(plan.summary.errors, 1);
}

TEST(LedgerPlanTest, RowErrorsCarryReasonsInBothLanguages) {
  Fixture f;
  auto t = TestTable({"项目名称", "总投资", "计划开工", "责任单位", "项目代码", "项目阶段"},
                     {{"", "100", "", "", "", ""},
                      {"甲", "约3亿", "", "", "", ""},
                      {"乙", "100", "下半年", "", "", ""},
                      {"丙", "100", "", "城投公司", "", ""},
                      {"丁", "100", "", "不存在的局", "", ""},
                      {"戊", "100", "", "", "12-34", ""},
                      {"己", "100", "", "", "", "在建"},
                      {"庚", "", "", "", "", ""},
                      {"城东污水处理厂", "1", "", "", "2501-610103-04-01-000001", "在建"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 9u);
  for (const PlanRow& r : plan.rows) {
    EXPECT_EQ(r.action, RowAction::kError) << "row " << r.row;
    ASSERT_FALSE(r.reasons.empty()) << "row " << r.row;
    EXPECT_FALSE(r.reasons[0].zh.empty());
    EXPECT_FALSE(r.reasons[0].en.empty());
  }
  EXPECT_NE(plan.rows[0].reasons[0].zh.find("项目名称"), std::string::npos);
  EXPECT_NE(plan.rows[1].reasons[0].zh.find("B列"), std::string::npos);
  EXPECT_NE(plan.rows[2].reasons[0].zh.find("日期"), std::string::npos);
  EXPECT_NE(plan.rows[3].reasons[0].zh.find("企业"), std::string::npos);
  EXPECT_NE(plan.rows[4].reasons[0].zh.find("未登记"), std::string::npos);
  EXPECT_NE(plan.rows[5].reasons[0].zh.find("项目代码"), std::string::npos);
  EXPECT_NE(plan.rows[6].reasons[0].en.find("start"), std::string::npos);  // 在建 needs a start
  EXPECT_NE(plan.rows[7].reasons[0].zh.find("总投资"), std::string::npos);
  EXPECT_NE(plan.rows[8].reasons[0].zh.find("阶段"), std::string::npos);
  EXPECT_EQ(plan.summary.errors, 9);
}

TEST(LedgerPlanTest, UnitNamesAreMatchedAndUnknownOnesListedOnce) {
  Fixture f;
  auto t = TestTable({"项目名称", "总投资", "责任单位"}, {{"甲", "100", "住房和城乡建设局"},
                                                          {"乙", "100", "不存在的局"},
                                                          {"丙", "100", "不存在的局"}});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 3u);
  EXPECT_EQ(plan.rows[0].action, RowAction::kCreate);  // 住房和城乡建设局 ↔ 区住建局
  EXPECT_EQ(plan.rows[0].project.responsible_unit_id.value_or(0), 30);
  EXPECT_EQ(plan.rows[1].action, RowAction::kError);
  ASSERT_EQ(plan.unresolved.size(), 1u);
  EXPECT_EQ(plan.unresolved[0].field, "responsible_unit");
  EXPECT_EQ(plan.unresolved[0].value, "不存在的局");
  EXPECT_EQ(plan.unresolved[0].rows.size(), 2u);
}

TEST(LedgerPlanTest, SkippedRowsAreListed) {
  Fixture f;
  auto t = TestTable({"项目名称", "总投资"}, {{"甲", "1"}});
  t.skipped.push_back({5, "合计/小计行", "totals row"});
  LedgerPlan plan = f.Plan(t);
  ASSERT_EQ(plan.rows.size(), 2u);
  EXPECT_EQ(plan.rows[1].action, RowAction::kSkip);
  EXPECT_EQ(plan.summary.skipped, 1);
}

// A dry-run view keeps at most N rows of each kind and no projects; the summary
// still counts every row (the plan a confirmation applies keeps them all).
TEST(LedgerPlanTest, AViewKeepsBoundedRowsAndCountsAll) {
  Fixture f;
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 7; ++i) rows.push_back({"项目" + std::to_string(i), "1"});
  rows.push_back({"", "1"});  // no name: an error row
  rows.push_back({"", "2"});
  rows.push_back({"", "3"});
  auto t = TestTable({"项目名称", "总投资"}, rows);
  for (int i = 0; i < 4; ++i) t.skipped.push_back({100 + i, "合计/小计行", "totals row"});
  std::vector<std::string> headers = {"项目名称", "总投资"};
  auto fields = SuggestMapping(ImportKind::kLedger, headers);
  LedgerPlan view = PlanLedger(t, fields, f.index, f.load, kToday, nullptr, nullptr, 2);
  EXPECT_EQ(view.summary.create, 7);
  EXPECT_EQ(view.summary.errors, 3);
  EXPECT_EQ(view.summary.skipped, 4);
  ASSERT_EQ(view.rows.size(), 6u);  // 2 creates, 2 errors, 2 skipped
  int creates = 0;
  for (const PlanRow& r : view.rows) {
    if (r.action != RowAction::kCreate) continue;
    ++creates;
    EXPECT_TRUE(r.project.name.empty());
  }
  EXPECT_EQ(creates, 2);
  LedgerPlan full = PlanLedger(t, fields, f.index, f.load, kToday);
  ASSERT_EQ(full.rows.size(), 14u);
  for (const PlanRow& r : full.rows) {
    if (r.action == RowAction::kCreate) {
      EXPECT_FALSE(r.project.name.empty());
    }
  }
}

}  // namespace
}  // namespace keyline::importing
