// Forecast: series where the lag is hidden by a back-loaded plan (the warning comes months
// before the light turns), an even plan, and plans with nothing due to date.
#include "engine/forecast.h"

#include <gtest/gtest.h>

#include "engine/lights.h"
#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::kWan;

// One project with a 2026 plan of `monthly` (万元) and approved reports of 40万 a month (or
// `reported`) for 2026-01 .. 2026-06.
Facts Project(std::array<int64_t, 12> monthly_wan, int64_t per_month_wan) {
  Facts f;
  EXPECT_TRUE(f.AddProject({1, Stage::kConstruction, ProjectLevel::kCity, 7, "", "", 9000 * kWan,
                            20260101, 0, 20260101, 0, StatsStatus::kIncluded, 20260110})
                  .ok());
  std::array<int64_t, 12> cents{};
  int64_t total = 0;
  for (int i = 0; i < 12; ++i) {
    cents[i] = monthly_wan[i] * kWan;
    total += cents[i];
  }
  EXPECT_TRUE(f.AddPlan({1, 2026, total, cents, 20260101, 0}).ok());
  for (int m = 1; m <= 6; ++m) {
    EXPECT_TRUE(f.AddReport({1, 202600 + m, per_month_wan * kWan}).ok());
  }
  return f;
}

ProjectForecast Forecast(const Facts& f, int period = 202606) {
  FactsIndex ix = FactsIndex::Build(f);
  return ForecastProject(f, ix, 0, {period, 90, 10});
}

TEST(ForecastTest, BackLoadedPlanWarnsWhileTheLightIsStillGreen) {
  // Plan 1200: 50 a month Jan–Jun (300 to date), 150 a month Jul–Dec. Reported 40 a month →
  // 240 to date. SPI = 240 ÷ 300 = 0.8 → year-end = 240 ÷ 300 × 1200 = 960 = 80% < 90%.
  Facts f = Project({50, 50, 50, 50, 50, 50, 150, 150, 150, 150, 150, 150}, 40);
  ProjectForecast p = Forecast(f);
  EXPECT_EQ(p.planned_year, 1200 * kWan);
  EXPECT_EQ(p.planned_to_date, 300 * kWan);
  EXPECT_EQ(p.completed_to_date, 240 * kWan);
  EXPECT_EQ(p.forecast_year_end, 960 * kWan);
  EXPECT_EQ(p.method, "spi");
  // The curve: June 240 (reported); July 240 + (450 − 300) × 0.8 = 360; December 960.
  EXPECT_EQ(p.forecast[5], 240 * kWan);
  EXPECT_EQ(p.forecast[6], 360 * kWan);
  EXPECT_EQ(p.forecast[11], 960 * kWan);
  EXPECT_TRUE(p.warning);
  // The current gap: 300 − 240 = 60 of 1200 = 5 points: still green.
  EXPECT_EQ(p.warning_reason_zh,
            "预计年底完成投资 960.00 万元，为年度计划 1,200.00 万元的 80.0%，低于 90%"
            "（当前仅落后计划进度 5.0 个百分点，尚未达到黄灯）");
  FactsIndex ix = FactsIndex::Build(f);
  LightContext c;
  c.period = 202606;
  c.as_of = 20260630;
  ProjectLights l = EvaluateProjectLights(f, ix, 0, DefaultLightRules(), c);
  EXPECT_EQ(l.dimensions[1].dimension, LightDimension::kProgress);
  EXPECT_EQ(l.dimensions[1].colour, LightColour::kGreen);

  // Three months later, at the same pace, the light has turned: by September the plan to date
  // is 750, reported 40 × 9 = 360 → 30% vs 62.5% → 32.5 points behind → red.
  for (int m = 7; m <= 9; ++m) ASSERT_TRUE(f.AddReport({1, 202600 + m, 40 * kWan}).ok());
  FactsIndex ix2 = FactsIndex::Build(f);
  c.period = 202609;
  c.as_of = 20260930;
  EXPECT_EQ(EvaluateProjectLights(f, ix2, 0, DefaultLightRules(), c).dimensions[1].colour,
            LightColour::kRed);
}

TEST(ForecastTest, EvenPlanThresholdIsExclusive) {
  // Even plan 100 a month: 600 to date. 90 a month → 540 → 540 ÷ 600 × 1200 = 1080 = 90.0%:
  // not below 90 → no warning. 88 a month → 528 → 1056 = 88.0% → warning.
  std::array<int64_t, 12> even;
  even.fill(100);
  EXPECT_FALSE(Forecast(Project(even, 90)).warning);
  ProjectForecast p = Forecast(Project(even, 88));
  EXPECT_EQ(p.forecast_year_end, 1056 * kWan);
  EXPECT_TRUE(p.warning);
  EXPECT_EQ(ForecastPercent(p.forecast_year_end, p.planned_year), "88.0");
}

TEST(ForecastTest, NoPlanToDateAssumesTheRestOfThePlan) {
  // The whole plan falls in Oct–Dec (400 each): nothing planned to date, SPI taken as 1 →
  // forecast = reported + whole plan. With 0 reported: 1200 (100%, no warning).
  Facts f = Project({0, 0, 0, 0, 0, 0, 0, 0, 0, 400, 400, 400}, 0);
  ProjectForecast p = Forecast(f);
  EXPECT_EQ(p.method, "no_plan_to_date");
  EXPECT_EQ(p.forecast_year_end, 1200 * kWan);
  EXPECT_FALSE(p.warning);
  EXPECT_EQ(p.forecast[9], 400 * kWan);  // October: 0 + (400 − 0)
  // With 10 a month reported in advance: 60 + 1200 = 1260.
  EXPECT_EQ(Forecast(Project({0, 0, 0, 0, 0, 0, 0, 0, 0, 400, 400, 400}, 10)).forecast_year_end,
            1260 * kWan);
}

TEST(ForecastTest, RoundingAndTotals) {
  // Plan 1000 evenly is 83.333333万 a month in cents: the breakdown 83333333 × 12 = 999999996
  // cents; June to date 499999998 cents; reported 100 × 6 = 600 → 600 ÷ 499999998 × 1000万
  // = 1200.0000048万 → rounded to the cent: 1200000005 cents.
  Facts f = Project({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 100);
  f.plans.planned[0] = 1000 * kWan;
  f.plans.monthly[0] = testing::Even(1000);
  ProjectForecast p = Forecast(f);
  EXPECT_EQ(p.forecast_year_end, 1200000005);
  ForecastTotal t;
  AddToTotal(&t, p);
  AddToTotal(&t, Forecast(Project({50, 50, 50, 50, 50, 50, 150, 150, 150, 150, 150, 150}, 40)));
  FinishTotal(&t, {202606, 90, 10});
  // 1200000005 + 960万 = 2160000005 cents of 2200万 planned = 98.2% → no warning.
  EXPECT_EQ(t.forecast_year_end, 2160000005);
  EXPECT_EQ(t.planned_year, 2200 * kWan);
  EXPECT_EQ(t.projects, 2);
  EXPECT_FALSE(t.warning);
}

}  // namespace
}  // namespace keyline::engine
