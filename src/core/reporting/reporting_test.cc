// Pure reporting rules: plan splits, report windows, submit checks and derived figures.
#include <gtest/gtest.h>

#include "core/reporting/figures.h"
#include "core/reporting/plan_split.h"
#include "core/reporting/report_checks.h"
#include "core/reporting/report_window.h"

namespace keyline {
namespace {

int64_t Sum(const std::array<Money, 12>& months) {
  int64_t s = 0;
  for (Money m : months) s += m.cents;
  return s;
}

TEST(PlanSplitTest, EvenSplitIsExactToTheCent) {
  auto months = SplitPlan(Money{1000}, PlanSplit::kEven, {1, 12});
  ASSERT_TRUE(months.ok());
  EXPECT_EQ(Sum(*months), 1000);
  EXPECT_EQ((*months)[0].cents, 83);   // 1000 = 12 × 83 + 4
  EXPECT_EQ((*months)[11].cents, 84);  // the remainder goes to the last months
  EXPECT_EQ((*months)[7].cents, 83);
  EXPECT_EQ((*months)[8].cents, 84);
}

TEST(PlanSplitTest, SCurveStartsSlowPeaksMidwayAndAddsUp) {
  for (int64_t total : {1LL, 999LL, 12000010000LL, 987654321987LL}) {
    auto months = SplitPlan(Money{total}, PlanSplit::kSCurve, {3, 12});
    ASSERT_TRUE(months.ok());
    EXPECT_EQ(Sum(*months), total);
    EXPECT_EQ((*months)[0].cents, 0);  // before the range
  }
  auto months = *SplitPlan(Money::FromWan(10000), PlanSplit::kSCurve, {1, 12});
  EXPECT_LT(months[0], months[3]);
  EXPECT_LT(months[3], months[5]);
  EXPECT_EQ(months[5], months[6]);  // symmetric around the middle
  EXPECT_GT(months[6], months[9]);
  EXPECT_GT(months[9], months[11]);
}

TEST(PlanSplitTest, PlanMonthsFollowTheDatesInsideTheYear) {
  auto r = PlanMonths(2026, std::string("2026-03-15"), std::string("2027-06-30"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first, 3);
  EXPECT_EQ(r->last, 12);
  r = PlanMonths(2026, std::string("2025-01-01"), std::string("2026-09-30"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->first, 1);
  EXPECT_EQ(r->last, 9);
  EXPECT_FALSE(PlanMonths(2026, std::string("2026-09-01"), std::string("2026-03-01")).ok());
  EXPECT_FALSE(PlanMonths(2026, std::string("2027-01-01"), std::nullopt).ok());
  EXPECT_FALSE(PlanMonths(2026, std::string("2026-02-30"), std::nullopt).ok());
  EXPECT_FALSE(SplitPlan(Money{1}, PlanSplit::kCustom, {1, 12}).ok());
}

TEST(ReportWindowTest, RuleOnTheWorkingDayCalendar) {
  WorkingCalendar cal = *WorkingCalendar::ParseCsv(
      "2026-10-01,holiday,国庆节\n2026-10-02,holiday,国庆节\n2026-10-05,holiday,国庆节\n"
      "2026-10-06,holiday,国庆节\n2026-10-07,holiday,国庆节\n2026-10-10,workday,国庆节调休\n");
  ReportWindow w = WindowFor(202609, ReportWindowRule{}, cal);
  EXPECT_EQ(w.opens_on, "2026-09-25");
  EXPECT_EQ(w.due_on, "2026-10-13");
  EXPECT_EQ(w.locks_after, "2026-10-20");
  ReportWindow december = WindowFor(202612, ReportWindowRule{20, 1, 1}, cal);
  EXPECT_EQ(december.opens_on, "2026-12-20");
  EXPECT_EQ(december.due_on, "2027-01-01");  // the 2027 notice is not loaded: a Friday
  EXPECT_EQ(PhaseOn(w, "2026-09-24"), WindowPhase::kNotOpen);
  EXPECT_EQ(PhaseOn(w, "2026-09-25"), WindowPhase::kOpen);
  EXPECT_EQ(PhaseOn(w, "2026-10-13"), WindowPhase::kOpen);
  EXPECT_EQ(PhaseOn(w, "2026-10-14"), WindowPhase::kOverdue);
  EXPECT_EQ(PhaseOn(w, "2026-10-20"), WindowPhase::kOverdue);
  EXPECT_EQ(PhaseOn(w, "2026-10-21"), WindowPhase::kLocked);
  EXPECT_FALSE(ValidateWindowRule({0, 5, 10}).ok());
  EXPECT_FALSE(ValidateWindowRule({25, 5, 4}).ok());
  EXPECT_FALSE(ValidateWindowRule({25, 21, 22}).ok());
  EXPECT_TRUE(ValidateWindowRule({28, 20, 23}).ok());
  EXPECT_FALSE(ValidateWindow({202609, "2026-08-31", "2026-10-01", "2026-10-02"}).ok());
  EXPECT_FALSE(ValidateWindow({202609, "2026-09-25", "2026-09-24", "2026-10-02"}).ok());
  EXPECT_FALSE(ValidateWindow({202609, "2026-09-25", "2026-10-09", "2026-10-08"}).ok());
  EXPECT_FALSE(ValidateWindow({202609, "2026-09-25", "x", "2026-10-08"}).ok());
  EXPECT_TRUE(ValidateWindow({202609, "2026-09-01", "2026-10-09", "2026-10-09"}).ok());
}

MonthlyReport Report(int64_t wan, int percent = 50) {
  MonthlyReport r;
  r.period = 202610;
  r.completed_investment = Money::FromWan(wan);
  r.progress_percent = percent;
  return r;
}

ReportCheckContext Started(int64_t total_wan, int64_t before_wan) {
  ReportCheckContext c;
  c.total_investment = Money::FromWan(total_wan);
  c.has_actual_start = true;
  c.cumulative_before = Money::FromWan(before_wan);
  return c;
}

TEST(ReportChecksTest, CumulativeMayReachButNotPassTheTotal) {
  ReportRules rules;
  EXPECT_TRUE(CheckReport(Report(100), Started(1000, 900), rules).errors.empty());
  auto over = CheckReport(Report(101), Started(1000, 900), rules);
  ASSERT_EQ(over.errors.size(), 1u);
  EXPECT_EQ(over.errors[0].field, "completed_investment");
  rules.cumulative_over_total_is_error = false;
  EXPECT_TRUE(CheckReport(Report(101), Started(1000, 900), rules).errors.empty());
}

TEST(ReportChecksTest, NoInvestmentBeforeTheStart) {
  ReportCheckContext c = Started(1000, 0);
  c.has_actual_start = false;
  EXPECT_EQ(CheckReport(Report(1), c, ReportRules{}).errors.size(), 1u);
  EXPECT_TRUE(CheckReport(Report(0), c, ReportRules{}).errors.empty());
}

TEST(ReportChecksTest, LargeMonthsAreFlaggedNotBlockedAndConfirmationsClearThem) {
  ReportRules rules;
  ReportCheckContext c = Started(100000, 0);
  c.plan_month = Money::FromWan(1000);
  c.recent_months = {Money::FromWan(900), Money::FromWan(1100)};
  c.previous_percent = 60;
  EXPECT_TRUE(CheckReport(Report(3000, 60), c, rules).warnings.empty());  // exactly 3×: fine
  MonthlyReport big = Report(3001, 55);
  auto out = CheckReport(big, c, rules);
  EXPECT_TRUE(out.errors.empty());
  ASSERT_EQ(out.warnings.size(), 3u);
  EXPECT_EQ(out.warnings[0].code, "large_vs_plan");
  EXPECT_EQ(out.warnings[1].code, "large_vs_history");
  EXPECT_EQ(out.warnings[2].code, "progress_regressed");
  EXPECT_NE(out.warnings[0].message_zh.find("3 倍"), std::string::npos)
      << out.warnings[0].message_zh;
  EXPECT_EQ(out.unconfirmed.size(), 3u);
  big.confirmed_warnings = {"large_vs_plan", "progress_regressed"};
  out = CheckReport(big, c, rules);
  ASSERT_EQ(out.unconfirmed.size(), 1u);
  EXPECT_EQ(out.unconfirmed[0].code, "large_vs_history");
  // Small amounts are never flagged.
  c.plan_month = Money::FromWan(1);
  EXPECT_TRUE(CheckReport(Report(99, 60), c, rules).warnings.empty());
}

TEST(ReportChecksTest, FieldLimits) {
  EXPECT_FALSE(ValidateReportFields(Report(-1)).ok());
  EXPECT_FALSE(ValidateReportFields(Report(1, 101)).ok());
  MonthlyReport r = Report(1);
  r.workers = -1;
  EXPECT_FALSE(ValidateReportFields(r).ok());
  r.workers = 10;
  r.main_works = std::string(10001, 'x');
  Status st = ValidateReportFields(r);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.details()[0].field, "main_works");
  EXPECT_TRUE(ValidateReportFields(Report(0, 0)).ok());
  EXPECT_FALSE(ValidateReportRules({true, 0.5, 3, Money{0}, true}).ok());
  EXPECT_FALSE(ValidateReportRules({true, 3, 101, Money{0}, true}).ok());
  EXPECT_FALSE(ValidateReportRules({true, 3, 3, Money{-1}, true}).ok());
}

// The four published "超序时进度" figures (research-china.md §2.6), to two decimals.
TEST(FiguresTest, GapMatchesPublishedBulletins) {
  struct Case {
    int period;
    int64_t ytd_permille;  // completion rate × 1000 of a 1000-万元 plan
    double gap;
  };
  const Case cases[] = {
      {201008, 740, 7.33}, {202510, 972, 13.87}, {202508, 926, 25.93}, {202509, 933, 18.3}};
  for (const Case& c : cases) {
    ProjectFigures f;
    f.period = c.period;
    f.annual_plan = Money::FromWan(1000);
    f.year_to_date = Money::FromWan(c.ytd_permille);
    DeriveRates(&f);
    ASSERT_TRUE(f.gap_points.has_value());
    EXPECT_NEAR(*f.gap_points, c.gap, 0.005) << c.period;
  }
  ProjectFigures none;
  none.period = 202603;
  DeriveRates(&none);
  EXPECT_FALSE(none.annual_completion_rate.has_value());
  EXPECT_FALSE(none.share_of_total.has_value());
  EXPECT_DOUBLE_EQ(none.elapsed_share, 0.25);
}

}  // namespace
}  // namespace keyline
