#include "engine/expr_reading.h"

#include <gtest/gtest.h>

namespace keyline::engine {
namespace {

TEST(ExprReadingTest, SumsAndRatios) {
  EXPECT_EQ(ReadExpressionZh("sum(reports.completed_investment)"), "合计（月报·完成投资）");
  EXPECT_EQ(ReadExpressionZh("sum(plans.planned_investment)"), "合计（年度计划·年度计划投资）");
  EXPECT_EQ(ReadExpressionZh("sum(reports.completed_investment) / sum(plans.planned_investment)"),
            "合计（月报·完成投资）÷ 合计（年度计划·年度计划投资）");
}

TEST(ExprReadingTest, ConditionsTimeVariablesAndEnumCodes) {
  EXPECT_EQ(
      ReadExpressionZh("sum(reports.completed_investment where period between window_start "
                       "and period and status in (submitted, approved))"),
      "合计（月报·完成投资 其中 报告期 介于 统计起点 至 本期 且 报送状态 属于（已报送、已审核））");
  EXPECT_EQ(ReadExpressionZh("count(plans where planned_start between year_start and year_end"
                             " and project.actual_start between year_start and period_end)"),
            "计数（年度计划 其中 计划开工日期 介于 本年初 至 本年末 且 项目·实际开工日期 介于 "
            "本年初 至 本期末）");
  EXPECT_EQ(
      ReadExpressionZh("count(projects where stage != withdrawn and total_investment >= 500万)"),
      "计数（项目 其中 阶段 ≠ 退出 且 总投资 ≥ 500万）");
}

TEST(ExprReadingTest, UnknownWordsAndBadTextStayAsWritten) {
  EXPECT_EQ(ReadExpressionZh(""), "");
  EXPECT_EQ(ReadExpressionZh("count(widgets)"), "计数（widgets）");
  // area(...): the same aggregate over the whole area, whatever the grouping.
  EXPECT_EQ(ReadExpressionZh("area(sum(reports.completed_investment))"),
            "全区（合计（月报·完成投资））");
  // The lexer stops at a character it cannot read; the rest is kept verbatim.
  EXPECT_EQ(ReadExpressionZh("count(projects) # x"), "计数（项目） # x");
}

}  // namespace
}  // namespace keyline::engine
