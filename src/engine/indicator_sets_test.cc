#include "engine/indicator_sets.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::MakeFacts;
using Ids = std::vector<int64_t>;

Rational Percent(int64_t tenths) { return *Rational::Make(tenths, 1000); }  // 97.2% = 972/1000

// research-china.md §2.6: the four published "超序时进度" figures, to the published decimals.
TEST(ScheduleGap, MatchesTheFourPublishedCases) {
  // Sanming 2010, months 1–8, 74%: 74 − 66.67 = 7.33.
  EXPECT_EQ(*ScheduleGapPoints(Percent(740), 8, 2), "7.33");
  // A city DRC report, months 1–10, 629.0 ÷ 647.4 亿 (97.2%): 13.8.
  constexpr int64_t kYi = 10'000'000'000;  // cents in 1 亿元
  EXPECT_EQ(*ScheduleGapPointsFromAmounts(6290 * kYi / 10, 6474 * kYi / 10, 10, 1), "13.8");
  // Guang'an, months 1–8, 92.6%: 25.9.
  EXPECT_EQ(*ScheduleGapPoints(Percent(926), 8, 1), "25.9");
  // Changzhou, months 1–9, 93.3%: 18.3.
  EXPECT_EQ(*ScheduleGapPoints(Percent(933), 9, 1), "18.3");
}

TEST(ScheduleGap, TheRoundedRateAloneWouldMissTheDrcFigure) {
  // 97.2 − 83.33 = 13.87 → 13.9: the report worked from the amounts (97.158 − 83.333 = 13.825).
  EXPECT_EQ(*ScheduleGapPoints(Percent(972), 10, 1), "13.9");
  EXPECT_EQ(*ScheduleGapPoints(Percent(972), 10, 2), "13.87");
  EXPECT_EQ(*ScheduleGapPointsFromAmounts(6290, 6474, 10, 3), "13.825");
}

TEST(ScheduleGap, ElapsedShareBehindScheduleAndErrors) {
  EXPECT_EQ(*ElapsedShare(6), *Rational::Make(1, 2));
  EXPECT_EQ(*ElapsedShare(12), Rational::Of(1));
  EXPECT_FALSE(ElapsedShare(0));
  EXPECT_FALSE(ElapsedShare(13));
  EXPECT_EQ(*ScheduleGapPoints(Percent(200), 6, 1), "-30.0");  // 30 points behind: Yinchuan yellow
  EXPECT_EQ(*ScheduleGapPoints(Percent(500), 6, 1), "0.0");
  EXPECT_EQ(*ScheduleGapPoints(Percent(1000), 12, 0), "0");
  EXPECT_FALSE(ScheduleGapPoints(Percent(500), 0, 1).ok());
  EXPECT_FALSE(ScheduleGapPoints(Percent(500), 13, 1).ok());
  EXPECT_FALSE(ScheduleGapPoints(Percent(500), 6, 7).ok());
  EXPECT_FALSE(ScheduleGapPointsFromAmounts(1, 0, 6, 1).ok());
  EXPECT_FALSE(ScheduleGapPointsFromAmounts(1, -5, 6, 1).ok());
  // The fixture's area: 4950 ÷ 8400 万 after June = 58.93 − 50 = 8.9 points ahead.
  EXPECT_EQ(*ScheduleGapPointsFromAmounts(4950, 8400, 6, 1), "8.9");
}

TEST(IndicatorSets, ShipTenDistinctIndicatorsThatCompile) {
  std::set<std::string> codes;
  auto fengxi = FengxiIndicators();
  auto shaanxi = ShaanxiIndicators();
  EXPECT_EQ(fengxi.size(), 6u);  // 项目开工率 twice: against the plan to date and the annual plan
  EXPECT_EQ(shaanxi.size(), 5u);
  for (const auto& set : {fengxi, shaanxi}) {
    for (const auto& def : set) {
      EXPECT_TRUE(codes.insert(def.code).second) << def.code;
      EXPECT_FALSE(def.name_zh.empty());
      EXPECT_FALSE(def.name_en.empty());
      auto c = CompileIndicator(def);
      EXPECT_TRUE(c.ok()) << def.code << ": " << c.status().ToString();
    }
  }
}

// Every shipped indicator on the hand-made facts (test_fixture.h), June 2026, whole area and by
// unit; the expected figures are worked out in the comments.
std::map<std::string, std::map<std::string, IndicatorValue>> EvaluateAll(int period) {
  Facts f = MakeFacts();
  std::map<std::string, std::map<std::string, IndicatorValue>> out;
  auto all = FengxiIndicators();
  for (auto& d : ShaanxiIndicators()) all.push_back(d);
  for (auto& def : all) {
    auto c = CompileIndicator(def);
    EXPECT_TRUE(c.ok());
    for (GroupBy by : {GroupBy::kArea, GroupBy::kUnit}) {
      auto r = EvaluateIndicator(f, *c, {period, {by}});
      EXPECT_TRUE(r.ok()) << def.code << " " << r.status().ToString();
      for (auto& v : *r) out[def.code][v.key] = v;
    }
  }
  return out;
}

TEST(IndicatorSets, FengxiOnTheFixture) {
  auto r = EvaluateAll(202606);
  // 手续办结率: required = P101 ×2 (one not needed), P102 ×2, P103 ×1 (withdrawn P105 left out) =
  // 5; done by 06-30: P101 ×2, P102 (06-01) = 3 → 60.0%.
  EXPECT_EQ(r["fengxi.procedures_done"]["area"].percent, "60.0");
  EXPECT_EQ(r["fengxi.procedures_done"]["2"].percent, "0.0");
  EXPECT_EQ(r["fengxi.procedures_done"]["area"].denominator_projects, (Ids{101, 102, 103}));
  // 项目开工率: the 2026 new-start plan is P101..P104; started by 06-30: P101, P102 (06-30),
  // P104 (early, planned for September) = 3. Planned to date: P101, P102, P103 = 3 → 100.0%;
  // against the annual plan 3 / 4 = 75.0%.
  EXPECT_EQ(r["fengxi.start_rate_to_date"]["area"].percent, "100.0");
  EXPECT_EQ(r["fengxi.start_rate_annual"]["area"].percent, "75.0");
  EXPECT_EQ(r["fengxi.start_rate_annual"]["area"].numerator_projects, (Ids{101, 102, 104}));
  EXPECT_EQ(r["fengxi.start_rate_annual"]["2"].percent, "50.0");  // P104 of P103, P104
  // 入库纳统率: started by 06-30 with ≥ 500万: P101, P102 (P104 is 400万); included: P101 → 50.0%.
  EXPECT_EQ(r["fengxi.stats_inclusion"]["area"].percent, "50.0");
  EXPECT_EQ(r["fengxi.stats_inclusion"]["area"].denominator_projects, (Ids{101, 102}));
  EXPECT_FALSE(r["fengxi.stats_inclusion"]["2"].rate);  // nothing due in unit 2
  // 投资完成率: 4950 / 8400 → 58.9%.
  EXPECT_EQ(r["fengxi.investment_completion"]["area"].percent, "58.9");
  EXPECT_EQ(r["fengxi.investment_completion"]["1"].percent, "66.7");
  // 季度贡献率: unit 1 3800 / 3950 = 96.2%; the area is 100%.
  EXPECT_EQ(r["fengxi.quarterly_contribution"]["1"].percent, "96.2");
  EXPECT_EQ(r["fengxi.quarterly_contribution"]["area"].percent, "100.0");
}

TEST(IndicatorSets, FengxiEarlierPeriods) {
  auto may = EvaluateAll(202605);
  // Started by 05-31: P101, P104; planned to date: P101, P102 → 100.0%; annual 2 / 4 = 50.0%.
  EXPECT_EQ(may["fengxi.start_rate_to_date"]["area"].percent, "100.0");
  EXPECT_EQ(may["fengxi.start_rate_annual"]["area"].percent, "50.0");
  auto april = EvaluateAll(202604);
  // Only P101 due for statistics, included on 04-20 → 100.0%; in March not yet → 0.0%.
  EXPECT_EQ(april["fengxi.stats_inclusion"]["area"].percent, "100.0");
  EXPECT_EQ(EvaluateAll(202603)["fengxi.stats_inclusion"]["area"].percent, "0.0");
  // April: 1000 + 1500 = 2500 of 8400 → 29.8%.
  EXPECT_EQ(april["fengxi.investment_completion"]["area"].percent, "29.8");
}

TEST(IndicatorSets, ShaanxiOnTheFixture) {
  auto r = EvaluateAll(202606);
  // 招商引资落地率: signed by 06-30: leads 1, 2, 4; landed: 1, 4 → 66.7%.
  EXPECT_EQ(r["shaanxi.attraction_landing"]["area"].percent, "66.7");
  EXPECT_EQ(r["shaanxi.attraction_landing"]["1"].percent, "50.0");
  // 前期手续办结率: due by 06-30: P101 (02-01, 03-01), P102 (06-10, in progress) = 3; done: 2.
  EXPECT_EQ(r["shaanxi.preliminary_procedures"]["area"].percent, "66.7");
  // 储备项目开工率: pooled, due to start in 2026: P101..P104; started: P101, P102, P104 → 75.0%.
  EXPECT_EQ(r["shaanxi.reserve_start"]["area"].percent, "75.0");
  // 计划投资完成率 = 投资完成率.
  EXPECT_EQ(r["shaanxi.plan_investment_completion"]["area"].percent, "58.9");
  // 竣工投产达效率: planned to complete in 2026: P101 (11-30), P104 (06-30); done: P104 → 50.0%.
  EXPECT_EQ(r["shaanxi.completion_production"]["area"].percent, "50.0");
  EXPECT_EQ(r["shaanxi.completion_production"]["area"].numerator_projects, (Ids{104}));
}

}  // namespace
}  // namespace keyline::engine
