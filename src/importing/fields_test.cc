#include "importing/fields.h"

#include <gtest/gtest.h>

namespace keyline::importing {
namespace {

std::optional<std::string> Suggest(std::string_view header) {
  auto f = SuggestField(ImportKind::kLedger, header);
  if (!f) return std::nullopt;
  return std::string(*f);
}

TEST(FieldsTest, SynonymsMapToProjectFields) {
  EXPECT_EQ(Suggest("项目名称"), "name");
  EXPECT_EQ(Suggest("项目全称"), "name");
  EXPECT_EQ(Suggest("总投资(万元)"), "total_investment");
  EXPECT_EQ(Suggest("计划总投资（亿元）"), "total_investment");
  EXPECT_EQ(Suggest("项目业主"), "owner");
  EXPECT_EQ(Suggest("业主单位"), "owner");
  EXPECT_EQ(Suggest("项目编码"), "code");
  EXPECT_EQ(Suggest("建设内容及规模"), "scale_content");
  EXPECT_EQ(Suggest("计划开工"), "planned_start");
  EXPECT_EQ(Suggest("项目状态"), "stage");
  EXPECT_EQ(Suggest("项目建设单位"), "owner");  // containment
  EXPECT_EQ(Suggest("序号"), std::nullopt);
  EXPECT_EQ(Suggest("自开工累计完成投资"), std::nullopt);
  EXPECT_EQ(Suggest("备注"), std::nullopt);
}

TEST(FieldsTest, MultiRowHeaders) {
  EXPECT_EQ(Suggest("总投资（万元）/其中：中央预算内"), std::nullopt);
  EXPECT_EQ(Suggest("总投资（万元）/合计"), "total_investment");
  EXPECT_EQ(Suggest("项目基本情况/项目名称"), "name");
  EXPECT_EQ(Suggest("时间安排/计划开工时间"), "planned_start");
}

TEST(FieldsTest, MappingUsesEachFieldOnce) {
  auto m = SuggestMapping(ImportKind::kLedger, {"序号", "项目名称", "总投资", "计划总投资"});
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0], std::nullopt);
  EXPECT_EQ(m[1], "name");
  EXPECT_EQ(m[2], "total_investment");
  EXPECT_EQ(m[3], std::nullopt);
}

TEST(FieldsTest, TheYearsFiguresAsOfficesWriteThem) {
  EXPECT_EQ(Suggest("年度计划投资"), "annual_plan");
  EXPECT_EQ(Suggest("2023年计划投资（万元）"), "annual_plan");
  EXPECT_EQ(Suggest("２０２３年度计划投资"), "annual_plan");
  EXPECT_EQ(Suggest("本年计划投资"), "annual_plan");
  EXPECT_EQ(Suggest("计划投资"), std::nullopt);  // alone it may be the total
  EXPECT_EQ(Suggest("1-12月完成投资/金额"), "ytd_completed");
  EXPECT_EQ(Suggest("1-12月完成投资（万元）/占年度计划(%)"), "ytd_percent");
  EXPECT_EQ(Suggest("1—11月完成投资"), "ytd_completed");
  EXPECT_EQ(Suggest("截至11月底累计完成投资"), "ytd_completed");
  EXPECT_EQ(Suggest("累计完成投资"), "ytd_completed");
  EXPECT_EQ(Suggest("完成投资"), std::nullopt);  // alone it may be the month's
  EXPECT_EQ(Suggest("形象进度"), "progress");
  EXPECT_EQ(Suggest("包抓领导"), "leader");
  EXPECT_EQ(Suggest("包抓区级领导"), "leader");
  EXPECT_EQ(Suggest("建设单位统一社会信用代码"), "owner_credit_code");
  EXPECT_EQ(Suggest("项目单位统一社会信用代码"), "owner_credit_code");
}

TEST(FieldsTest, PeriodsInHeadersAndTitles) {
  HeaderPeriod a = PeriodInText("雁塔区2023年重点项目建设进度台账（截至12月底）");
  EXPECT_EQ(a.year, 2023);
  EXPECT_EQ(a.month, 12);
  HeaderPeriod b = PeriodInText("1-11月完成投资");
  EXPECT_EQ(b.year, std::nullopt);
  EXPECT_EQ(b.month, 11);
  HeaderPeriod c = PeriodInText("２０２４年１～３月");
  EXPECT_EQ(c.year, 2024);
  EXPECT_EQ(c.month, 3);
  HeaderPeriod d = PeriodInText("总投资12345万元");  // no period
  EXPECT_EQ(d.year, std::nullopt);
  EXPECT_EQ(d.month, std::nullopt);
  HeaderPeriod e = PeriodInText("1-13月");
  EXPECT_EQ(e.month, std::nullopt);
}

TEST(FieldsTest, ReportsTakeTheYearToDateAsCumulative) {
  EXPECT_EQ(SuggestField(ImportKind::kReports, "1-10月累计完成投资"), "cumulative");
  EXPECT_EQ(SuggestField(ImportKind::kReports, "1-10月完成投资"), "cumulative");
  EXPECT_EQ(SuggestField(ImportKind::kReports, "自开工累计完成投资"), std::nullopt);
  EXPECT_EQ(SuggestField(ImportKind::kReports, "本月完成投资（万元）"), "month_investment");
  EXPECT_EQ(SuggestField(ImportKind::kReports, "形象进度"), "progress");
}

}  // namespace
}  // namespace keyline::importing
