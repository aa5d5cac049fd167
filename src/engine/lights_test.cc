// Traffic lights over the hand-made fact set (test_fixture.h) and small edge-case sets. Every
// expected colour and number is worked out by hand in the comments.
#include "engine/lights.h"

#include <gtest/gtest.h>

#include "engine/dispatch.h"
#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::Even;
using testing::kWan;
using testing::MakeFacts;

LightContext June() {
  LightContext c;
  c.period = 202606;
  c.as_of = 20260630;
  c.report_due = 20260605;  // the 2026-05 report is due on 5 June
  return c;
}

const DimensionLight& Dim(const ProjectLights& p, LightDimension d) {
  for (const auto& l : p.dimensions) {
    if (l.dimension == d) return l;
  }
  static DimensionLight none;
  ADD_FAILURE() << "dimension missing";
  return none;
}

ProjectLights Of(const Facts& f, int64_t id, const LightContext& c,
                 const LightRuleSet& rules = DefaultLightRules()) {
  FactsIndex ix = FactsIndex::Build(f);
  return EvaluateProjectLights(f, ix, f.project_row.at(id), rules, c);
}

TEST(LightRulesTest, DefaultsValidateAndBadSetsNameTheField) {
  EXPECT_TRUE(ValidateLightRules(DefaultLightRules()).ok());
  LightRuleSet s = DefaultLightRules();
  s.rule(LightDimension::kProgress).red = 5;  // red below yellow (10)
  Status st = ValidateLightRules(s);
  ASSERT_EQ(st.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(st.details().front().field, "rules[progress].red");
  s = DefaultLightRules();
  s.rule(LightDimension::kFunds).red = 90;  // funds: red must be below yellow (80)
  EXPECT_EQ(ValidateLightRules(s).details().front().field, "rules[funds].red");
  s = DefaultLightRules();
  s.rule(LightDimension::kStart).red = 1000;
  EXPECT_EQ(ValidateLightRules(s).details().front().field, "rules[start].red.months_after_planned");
  s = DefaultLightRules();
  s.forecast_warning_percent = 0;
  EXPECT_FALSE(ValidateLightRules(s).ok());
}

TEST(LightsTest, FixtureProjectsInJune) {
  Facts f = MakeFacts();
  LightContext c = June();
  // P101: started 03-15; plan 6000万 (500/month) → schedule 3000 = 50%; reports 2026-03..06:
  // 1000 + 1500 + 1200 + 800 = 4500 = 75% → 25 points ahead; included 04-20; May report in.
  ProjectLights p1 = Of(f, 101, c);
  EXPECT_EQ(p1.overall, LightColour::kGreen);
  EXPECT_EQ(Dim(p1, LightDimension::kProgress).reason_zh,
            "投资完成率 75.0%（计划进度 50.0%），超计划进度 25.0 个百分点");
  EXPECT_EQ(Dim(p1, LightDimension::kStatistics).reason_zh, "已于 2026-04-20 入库");
  EXPECT_FALSE(Dim(p1, LightDimension::kFunds).assessed);

  // P102: plan 1200 (100/month) → schedule 600 = 50%; reported 300 = 25% → 25 behind → yellow.
  // The May report is missing 25 days after its due day → red; the procedure due 06-10 is 20
  // calendar days overdue (> 10) → red. Started 06-30: inclusion not due yet → green.
  ProjectLights p2 = Of(f, 102, c);
  EXPECT_EQ(Dim(p2, LightDimension::kProgress).colour, LightColour::kYellow);
  EXPECT_EQ(Dim(p2, LightDimension::kProgress).reason_zh,
            "投资完成率 25.0%（计划进度 50.0%），落后计划进度 25.0 个百分点");
  EXPECT_EQ(Dim(p2, LightDimension::kProgress).reason_en,
            "investment completion 25.0% (plan to date 50.0%), 25.0 points behind schedule");
  EXPECT_EQ(Dim(p2, LightDimension::kReporting).colour, LightColour::kRed);
  EXPECT_EQ(Dim(p2, LightDimension::kReporting).reason_zh,
            "2026年5月月报应于 2026-06-05 前报送，截至 2026-06-30 仍未报送");
  EXPECT_EQ(Dim(p2, LightDimension::kProcedures).colour, LightColour::kRed);
  EXPECT_EQ(Dim(p2, LightDimension::kProcedures).reason_zh, "1 项审批手续逾期，最长逾期 20 天");
  EXPECT_EQ(Dim(p2, LightDimension::kStatistics).colour, LightColour::kGreen);
  EXPECT_EQ(p2.overall, LightColour::kRed);

  // P103: planned start 06-15 this month, not started → yellow; nothing reported against a
  // 900 plan with 450 scheduled → 50 points behind (> 30) → red.
  ProjectLights p3 = Of(f, 103, c);
  EXPECT_EQ(Dim(p3, LightDimension::kStart).colour, LightColour::kYellow);
  EXPECT_EQ(Dim(p3, LightDimension::kStart).reason_zh, "计划本月（2026-06-15）开工，尚未开工");
  EXPECT_EQ(Dim(p3, LightDimension::kProgress).colour, LightColour::kRed);
  EXPECT_EQ(Dim(p3, LightDimension::kProgress).points_behind, 50.0);

  // P104: 150 of 300 reported = 50% against 50% scheduled → on schedule.
  EXPECT_EQ(Dim(Of(f, 104, c), LightDimension::kProgress).colour, LightColour::kGreen);
  // P105 is withdrawn: no lights.
  EXPECT_FALSE(HasLights(f, f.project_row.at(105)));
}

TEST(LightsTest, StartTurnsRedThreeMonthsAfterThePlannedMonth) {
  Facts f = MakeFacts();
  LightContext c = June();
  c.period = 202608;  // P103 planned 2026-06: 2 months late → yellow
  c.as_of = 20260831;
  EXPECT_EQ(Dim(Of(f, 103, c), LightDimension::kStart).colour, LightColour::kYellow);
  EXPECT_EQ(Dim(Of(f, 103, c), LightDimension::kStart).reason_zh,
            "计划 2026-06-15 开工，逾期 2 个月仍未开工");
  c.period = 202609;  // 3 months → red
  c.as_of = 20260930;
  EXPECT_EQ(Dim(Of(f, 103, c), LightDimension::kStart).colour, LightColour::kRed);
  c.period = 202605;  // before the planned month → green
  c.as_of = 20260531;
  EXPECT_EQ(Dim(Of(f, 103, c), LightDimension::kStart).colour, LightColour::kGreen);
}

// One project, plan 1200万 evenly (100/month), reports of `wan` in 2026-06.
Facts OneProject(int64_t wan) {
  Facts f;
  EXPECT_TRUE(f.AddProject({1, Stage::kConstruction, ProjectLevel::kCity, 7, "", "", 5000 * kWan,
                            20260115, 0, 20260115, 0, StatsStatus::kIncluded, 20260201})
                  .ok());
  EXPECT_TRUE(f.AddPlan({1, 2026, 1200 * kWan, Even(1200), 20260115, 0}).ok());
  EXPECT_TRUE(f.AddReport({1, 202605, 0, ReportStatus::kApproved, 20260603, false}).ok());
  EXPECT_TRUE(f.AddReport({1, 202606, wan * kWan, ReportStatus::kApproved, 20260703}).ok());
  return f;
}

TEST(LightsTest, ProgressBandBoundaries) {
  // Schedule after June = 600/1200 = 50%.
  auto colour = [](int64_t wan) {
    return Dim(Of(OneProject(wan), 1, June()), LightDimension::kProgress).colour;
  };
  EXPECT_EQ(colour(481), LightColour::kGreen);   // 40.08% → 9.92 behind
  EXPECT_EQ(colour(480), LightColour::kYellow);  // 40% → exactly 10 behind (inclusive)
  EXPECT_EQ(colour(240), LightColour::kYellow);  // 20% → exactly 30 behind (inclusive)
  EXPECT_EQ(colour(239), LightColour::kRed);     // 19.92% → 30.08 behind
  // Drafts and returned reports do not count: only submitted and approved ones.
  Facts f = OneProject(0);
  ASSERT_TRUE(f.AddReport({1, 202604, 600 * kWan, ReportStatus::kReturned, 20260503}).ok());
  EXPECT_EQ(Dim(Of(f, 1, June()), LightDimension::kProgress).colour, LightColour::kRed);
}

TEST(LightsTest, StatisticsFundsAndProcedureThresholds) {
  Facts f;
  ASSERT_TRUE(f.AddProject({1, Stage::kConstruction, ProjectLevel::kCity, 7, "", "", 5000 * kWan,
                            20260301, 0, 20260315, 0, StatsStatus::kPending, 0})
                  .ok());
  LightContext c;
  c.period = 202604;
  c.as_of = 20260414;  // started 03-15: 0 full months → green
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kStatistics).colour, LightColour::kGreen);
  c.as_of = 20260430;  // 1 full month → yellow
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kStatistics).colour, LightColour::kYellow);
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kStatistics).reason_zh,
            "2026-03-15 开工，已满 1 个月仍未入库");
  c.period = 202605;
  c.as_of = 20260531;  // 2 full months → red
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kStatistics).colour, LightColour::kRed);

  // Funds: 1000万 arrived; paid 450 → 45% < 50 → red; 600 → 60% < 80 → yellow; 800 → green.
  auto funds = [&](int64_t paid) {
    Facts g = f;
    EXPECT_TRUE(
        g.AddFund({1, FundingSource::kCentralBudget, 2026, 0, 0, 1000 * kWan, paid * kWan}).ok());
    return Dim(Of(g, 1, c), LightDimension::kFunds);
  };
  EXPECT_EQ(funds(450).colour, LightColour::kRed);
  EXPECT_EQ(funds(450).reason_zh,
            "资金支付率 45.0%（已支付 450.00 万元 / 到位 1,000.00 万元），低于 50%");
  EXPECT_EQ(funds(600).colour, LightColour::kYellow);
  EXPECT_EQ(funds(800).colour, LightColour::kGreen);

  // Procedures, counted in working days through the context: one overdue by 3 → yellow;
  // three overdue → red (overdue_items 3).
  c.working_days = [](int32_t from, int32_t to) { return (to - from) / 2; };  // any function
  ASSERT_TRUE(f.AddProcedure({1, ProcedureStatus::kInProgress, 20260525, 0}).ok());
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kProcedures).colour, LightColour::kYellow);
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kProcedures).reason_zh,
            "1 项审批手续逾期，最长逾期 3 个工作日");
  ASSERT_TRUE(f.AddProcedure({1, ProcedureStatus::kNotStarted, 20260529, 0}).ok());
  ASSERT_TRUE(f.AddProcedure({1, ProcedureStatus::kNotStarted, 20260530, 0}).ok());
  EXPECT_EQ(Dim(Of(f, 1, c), LightDimension::kProcedures).colour, LightColour::kRed);
}

TEST(LightsTest, ReportingLateIsYellowAndDisabledRulesAreLeftOut) {
  Facts f = OneProject(600);
  // The May report was submitted on time (06-03): green; mark another project's late.
  EXPECT_EQ(Dim(Of(f, 1, June()), LightDimension::kReporting).colour, LightColour::kGreen);
  Facts g;
  ASSERT_TRUE(g.AddProject({2, Stage::kConstruction}).ok());
  ASSERT_TRUE(g.AddReport({2, 202605, kWan, ReportStatus::kSubmitted, 20260609, true}).ok());
  EXPECT_EQ(Dim(Of(g, 2, June()), LightDimension::kReporting).reason_zh,
            "2026年5月月报逾期报送（2026-06-09 报送）");
  LightRuleSet rules = DefaultLightRules();
  rules.rule(LightDimension::kFunds).enabled = false;
  EXPECT_EQ(Of(f, 1, June(), rules).dimensions.size(), 5u);
}

// Correct reporting wording: a submitted or approved report is never "未报送"; a
// returned one says it was returned and not resubmitted; a draft is "not submitted".
TEST(LightsTest, ReportingWordingFollowsTheReportsState) {
  auto reporting = [](ReportStatus status) {
    Facts f;
    EXPECT_TRUE(f.AddProject({3, Stage::kConstruction}).ok());
    EXPECT_TRUE(f.AddReport({3, 202605, kWan, status, 20260603}).ok());
    return Dim(Of(f, 3, June()), LightDimension::kReporting);
  };
  for (ReportStatus counted : {ReportStatus::kSubmitted, ReportStatus::kApproved}) {
    DimensionLight l = reporting(counted);
    EXPECT_EQ(l.colour, LightColour::kGreen);
    EXPECT_EQ(l.reason_zh, "2026年5月月报已报送");
    EXPECT_EQ(l.reason_zh.find("未报送"), std::string::npos);
  }
  DimensionLight returned = reporting(ReportStatus::kReturned);
  EXPECT_EQ(returned.colour, LightColour::kRed);
  EXPECT_EQ(returned.reason_zh,
            "2026年5月月报已退回，截至 2026-06-30 尚未重新报送（应于 2026-06-05 前报送）");
  EXPECT_EQ(returned.reason_zh.find("未报送"), std::string::npos);
  EXPECT_NE(returned.reason_en.find("returned"), std::string::npos);
  DimensionLight draft = reporting(ReportStatus::kDraft);
  EXPECT_EQ(draft.reason_zh, "2026年5月月报应于 2026-06-05 前报送，截至 2026-06-30 仍未报送");
  // Before the due day a returned report is still "returned", not "not submitted".
  Facts f;
  ASSERT_TRUE(f.AddProject({3, Stage::kConstruction}).ok());
  ASSERT_TRUE(f.AddReport({3, 202605, kWan, ReportStatus::kReturned, 20260603}).ok());
  LightContext early = June();
  early.as_of = 20260604;
  EXPECT_EQ(Dim(Of(f, 3, early), LightDimension::kReporting).reason_zh,
            "2026年5月月报已退回，尚未重新报送，未过截止日");
}

TEST(LightsTest, JudgementsOnlyLower) {
  Facts f = MakeFacts();
  ProjectLights p2 = Of(f, 102, June());  // progress yellow, reporting and procedures red
  EXPECT_EQ(CheckJudgement(LightColour::kYellow, LightColour::kRed).code(),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(CheckJudgement(LightColour::kRed, LightColour::kGreen).ok());
  std::vector<LightJudgement> js;
  js.push_back({1, 102, 202606, LightDimension::kReporting, LightColour::kGreen, "系统故障"});
  js.push_back({2, 102, 202606, LightDimension::kProcedures, LightColour::kYellow, "已受理"});
  ApplyJudgements(&p2, js);
  EXPECT_EQ(Dim(p2, LightDimension::kReporting).colour, LightColour::kGreen);
  EXPECT_EQ(Dim(p2, LightDimension::kReporting).computed_colour, LightColour::kRed);
  EXPECT_TRUE(Dim(p2, LightDimension::kReporting).judged);
  EXPECT_EQ(p2.overall, LightColour::kYellow);  // the worst after judgements
  EXPECT_EQ(p2.computed_overall, LightColour::kRed);
  // A judgement saying red on a dimension now green does not raise it.
  js.push_back({3, 102, 202606, LightDimension::kStatistics, LightColour::kRed, "x"});
  js.push_back({4, 102, 202606, std::nullopt, LightColour::kGreen, "领导研判"});
  ApplyJudgements(&p2, js);
  EXPECT_EQ(Dim(p2, LightDimension::kStatistics).colour, LightColour::kGreen);
  EXPECT_EQ(p2.overall, LightColour::kGreen);
  EXPECT_TRUE(p2.overall_judged);
}

TEST(DispatchTest, RedFirstThenLongYellowThenForecastWarnings) {
  Facts f = MakeFacts();
  FactsIndex ix = FactsIndex::Build(f);
  std::vector<ProjectLights> lights;
  for (int64_t id : {101, 102, 103, 104}) lights.push_back(Of(f, id, June()));
  std::map<int64_t, int> streak{{102, 1}, {103, 1}};
  std::map<int64_t, ProjectForecast> forecasts;
  ProjectForecast warn;
  warn.warning = true;
  warn.warning_reason_zh = "预计年底完成不足";
  forecasts[104] = warn;
  auto list = BuildDispatchList(lights, streak, forecasts, DefaultLightRules());
  // P102: red (reporting, procedures) + yellow progress → 300 + 20 + 1 = 321, 25 behind.
  // P103: red (progress, reporting) + yellow start → 321, 50 behind → listed first.
  // P104: forecast warning only → 100. P101: nothing.
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].project_id, 103);
  EXPECT_EQ(list[0].severity, 321);
  EXPECT_EQ(list[1].project_id, 102);
  EXPECT_EQ(list[1].reasons[0].zh, "综合红灯");
  EXPECT_EQ(list[1].reasons[1].zh,
            "月报报送红灯：2026年5月月报应于 2026-06-05 前报送，截至 2026-06-30 仍未报送");
  EXPECT_EQ(list[2].project_id, 104);
  EXPECT_EQ(list[2].severity, 100);

  // A project yellow for two months in a row is listed (dispatch_yellow_months = 2).
  Facts g = OneProject(480);  // exactly 10 behind → yellow
  ProjectLights y = Of(g, 1, June());
  ASSERT_EQ(y.overall, LightColour::kYellow);
  EXPECT_TRUE(BuildDispatchList({y}, {{1, 1}}, {}, DefaultLightRules()).empty());
  auto two = BuildDispatchList({y}, {{1, 2}}, {}, DefaultLightRules());
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].reasons[0].zh, "连续 2 个月黄灯");
  EXPECT_EQ(two[0].severity, 201);
}

}  // namespace
}  // namespace keyline::engine

namespace keyline::engine {
namespace {

TEST(LightsTest, ColoursOnlyGiveTheSameColoursWithoutWords) {
  Facts f = testing::MakeFacts();
  FactsIndex ix = FactsIndex::Build(f);
  LightContext words;
  words.period = 202606;
  words.as_of = 20260630;
  words.report_due = 20260605;
  LightContext bare = words;
  bare.reasons = false;
  for (int64_t id : {101, 102, 103, 104}) {
    int32_t row = f.project_row.at(id);
    ProjectLights a = EvaluateProjectLights(f, ix, row, DefaultLightRules(), words);
    ProjectLights b = EvaluateProjectLights(f, ix, row, DefaultLightRules(), bare);
    ASSERT_EQ(a.dimensions.size(), b.dimensions.size());
    EXPECT_EQ(a.overall, b.overall) << id;
    for (size_t i = 0; i < a.dimensions.size(); ++i) {
      EXPECT_EQ(a.dimensions[i].colour, b.dimensions[i].colour) << id << " " << i;
      EXPECT_EQ(a.dimensions[i].points_behind, b.dimensions[i].points_behind);
      EXPECT_FALSE(a.dimensions[i].reason_zh.empty());
      EXPECT_TRUE(b.dimensions[i].reason_zh.empty());
    }
  }
}

}  // namespace
}  // namespace keyline::engine
