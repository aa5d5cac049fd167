#include "engine/evaluate.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::kWan;
using testing::MakeFacts;
using Ids = std::vector<int64_t>;

// Evaluates `text` at `period`; returns key → value (nullopt printed as "null"), with `decimals`.
std::map<std::string, std::string> Values(const Facts& f, std::string_view text, int period,
                                          Grouping g = {}, int decimals = 2) {
  auto parsed = ParseExpression(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error().message_en;
  if (!parsed.ok()) return {};
  auto r = EvaluateExpression(f, parsed.expression(), {period, g, false});
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  std::map<std::string, std::string> out;
  if (!r.ok()) return out;
  for (const auto& v : *r) out[v.key] = v.value ? FormatFixed(*v.value, decimals) : "null";
  return out;
}

std::string Area(const Facts& f, std::string_view text, int period, int decimals = 2) {
  return Values(f, text, period, {}, decimals)["area"];
}

TEST(Evaluate, CountsAndSumsOverTheWholeArea) {
  Facts f = MakeFacts();
  EXPECT_EQ(Area(f, "count(projects)", 202606, 0), "5");
  EXPECT_EQ(Area(f, "count(projects) - count(projects where stage = withdrawn)", 202606, 0), "4");
  // Plans: only the period's year (P1's 2025 plan is ignored): 6000 + 1200 + 900 + 300 万.
  EXPECT_EQ(Area(f, "sum(plans.planned_investment) / 1万", 202606, 0), "8400");
  // Plan to date (even breakdowns, months 1..6): 3000 + 600 + 450 + 150 万.
  EXPECT_EQ(Area(f, "sum(plans.planned_to_date) / 1万", 202606, 0), "4200");
  EXPECT_EQ(Area(f, "sum(plans.planned_to_date) / 1万", 202601, 0), "700");
  // Reports up to the period only: 2026-01..06 = 1000+1500+1200+800 + 300 + 50+100 = 4950 万;
  // without a filter the 2025 report counts, the 2026-07 one never does before July.
  EXPECT_EQ(Area(f,
                 "sum(reports.completed_investment where period between year_start and period)"
                 " / 1万",
                 202606, 0),
            "4950");
  EXPECT_EQ(Area(f, "sum(reports.completed_investment) / 1万", 202606, 0), "5949");
  EXPECT_EQ(Area(f, "sum(reports.completed_investment) / 1万", 202607, 0), "6649");
  // Completed against the plan to date, as a percentage: 4950 / 4200 = 117.857...
  EXPECT_EQ(Area(f,
                 "sum(reports.completed_investment where period between year_start and period)"
                 " / sum(plans.planned_to_date) * 100",
                 202606, 3),
            "117.857");
  // Quarter start: Q2 = April..June: 1500+1200+800 + 300 + 50+100 = 3950 万.
  EXPECT_EQ(Area(f,
                 "sum(reports.completed_investment where period between quarter_start and period)"
                 " / 1万",
                 202606, 0),
            "3950");
}

TEST(Evaluate, ConditionsNullsAndProjectFields) {
  Facts f = MakeFacts();
  EXPECT_EQ(Area(f, "count(projects where actual_start is null)", 202606, 0), "2");
  EXPECT_EQ(Area(f, "count(projects where actual_start <= period_end)", 202606, 0), "3");
  EXPECT_EQ(Area(f, "count(projects where actual_start <= period_end)", 202605, 0), "2");
  EXPECT_EQ(Area(f, "count(projects where actual_start > 2026-01-01)", 202606, 0), "3");
  EXPECT_EQ(Area(f, "count(projects where not actual_start > 2026-01-01)", 202606, 0), "2");
  EXPECT_EQ(Area(f, "count(projects where total_investment >= 500万)", 202606, 0), "4");
  EXPECT_EQ(Area(f, "count(projects where total_investment between 800万 and 3000万)", 202606, 0),
            "3");
  EXPECT_EQ(Area(f, "count(projects where region starts_with '610104')", 202606, 0), "2");
  EXPECT_EQ(Area(f, "count(projects where region != '610111001')", 202606, 0), "2");  // null ≠
  EXPECT_EQ(Area(f, "count(projects where region is null or industry in ('P8331'))", 202606, 0),
            "2");
  EXPECT_EQ(
      Area(f, "count(projects where unit = 2 and stage in (preliminary, completed))", 202606, 0),
      "2");
  EXPECT_EQ(Area(f, "count(procedures where project.level = provincial)", 202606, 0), "3");
  EXPECT_EQ(Area(f, "count(problems where status not in (solved, closed) and due < period_end)",
                 202606, 0),
            "1");
  // A lead without a project has no project fields: only `is null` matches.
  EXPECT_EQ(Area(f, "count(leads where project.stage = construction)", 202606, 0), "1");
  EXPECT_EQ(Area(f, "count(leads where project.region is null)", 202606, 0), "4");
  EXPECT_EQ(
      Area(f, "count(projects where stats_date between period_start and period_end)", 202604, 0),
      "1");
}

TEST(Evaluate, DivisionByZeroIsNullAndOverflowIsAnError) {
  Facts f = MakeFacts();
  EXPECT_EQ(Area(f, "count(projects) / count(problems where severity = major and status = closed)",
                 202606),
            "null");
  EXPECT_EQ(Area(f, "-(count(projects) / (count(projects) - 5))", 202606), "null");
  auto e = ParseExpression(
      "sum(projects.total_investment) * 999999999999999 * 999999999999999 * 999999999999999");
  ASSERT_TRUE(e.ok());
  auto r = EvaluateExpression(f, e.expression(), {202606});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  for (int bad : {0, 202600, 202613, 99999, 220001}) {
    EXPECT_FALSE(EvaluateExpression(f, e.expression(), {bad}).ok()) << bad;
  }
}

// 投资完成率 = Σ completed this year ÷ annual plan, worked by hand from test_fixture.h.
CompiledIndicator InvestmentCompletion() {
  auto c = CompileIndicator(
      {"t.investment", "投资完成率", "Investment completion",
       "sum(reports.completed_investment where period between year_start and period)",
       "sum(plans.planned_investment)", 1});
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c).value();
}

std::map<std::string, IndicatorValue> ByKey(const std::vector<IndicatorValue>& v) {
  std::map<std::string, IndicatorValue> out;
  for (const auto& x : v) out[x.key] = x;
  return out;
}

TEST(EvaluateIndicator, GroupsByUnitWithDrilldown) {
  Facts f = MakeFacts();
  auto r = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kUnit}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].key, "1");  // sorted by key
  EXPECT_EQ((*r)[1].key, "2");
  EXPECT_EQ((*r)[2].key, "none");
  auto m = ByKey(*r);
  // Unit 1: (1000+1500+1200+800 + 300) / (6000 + 1200) = 4800 / 7200.
  EXPECT_EQ(m["1"].percent, "66.7");
  EXPECT_EQ(*m["1"].numerator, Rational::Of(4800 * kWan));
  EXPECT_EQ(*m["1"].denominator, Rational::Of(7200 * kWan));
  EXPECT_EQ(m["1"].numerator_projects, (Ids{101, 102}));
  EXPECT_EQ(m["1"].denominator_projects, (Ids{101, 102}));
  // Unit 2: (50 + 100) / (900 + 300) = 12.5%; P103 has a plan but no report.
  EXPECT_EQ(m["2"].percent, "12.5");
  EXPECT_EQ(m["2"].numerator_projects, (Ids{104}));
  EXPECT_EQ(m["2"].denominator_projects, (Ids{103, 104}));
  // No unit: the withdrawn P105 has neither plan nor report: no rate, but the group is listed.
  EXPECT_FALSE(m["none"].rate);
  EXPECT_EQ(m["none"].percent, "");
  EXPECT_EQ(*m["none"].denominator, Rational::Of(0));
  EXPECT_TRUE(m["none"].numerator_projects.empty());

  // Whole area: 4950 / 8400 = 58.93%.
  auto area = EvaluateIndicator(f, InvestmentCompletion(), {202606});
  ASSERT_TRUE(area.ok());
  ASSERT_EQ(area->size(), 1u);
  EXPECT_EQ((*area)[0].key, "area");
  EXPECT_EQ((*area)[0].percent, "58.9");
  EXPECT_EQ((*area)[0].numerator_projects, (Ids{101, 102, 104}));
  EXPECT_EQ(*(*area)[0].rate, *Rational::Make(4950, 8400));

  // Without drill-down the lists stay empty and the numbers are the same.
  auto lean = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kUnit}, false});
  ASSERT_TRUE(lean.ok());
  EXPECT_TRUE((*lean)[0].numerator_projects.empty());
  EXPECT_EQ((*lean)[0].percent, "66.7");
}

TEST(EvaluateIndicator, GroupsByRegionLevelAndIndustry) {
  Facts f = MakeFacts();
  auto county = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kRegion}});
  ASSERT_TRUE(county.ok());
  auto c = ByKey(*county);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c["610104"].percent, "66.7");
  EXPECT_EQ(c["610111"].percent, "12.5");
  EXPECT_FALSE(c["none"].rate);

  auto town = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kRegion, 9}});
  ASSERT_TRUE(town.ok());
  auto t = ByKey(*town);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t["610104001"].percent, "75.0");  // 4500 / 6000
  EXPECT_EQ(t["610104002"].percent, "25.0");  // 300 / 1200
  EXPECT_EQ(t["610111001"].percent, "12.5");

  auto level = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kLevel}});
  ASSERT_TRUE(level.ok());
  auto l = ByKey(*level);
  ASSERT_EQ(l.size(), 4u);
  EXPECT_EQ(l["provincial"].percent, "75.0");
  EXPECT_EQ(l["city"].percent, "25.0");
  EXPECT_EQ(l["district"].percent, "12.5");
  EXPECT_EQ(l["district"].denominator_projects, (Ids{103, 104}));

  auto industry = EvaluateIndicator(f, InvestmentCompletion(), {202606, {GroupBy::kIndustry}});
  ASSERT_TRUE(industry.ok());
  auto i = ByKey(*industry);
  EXPECT_EQ(i["C"].percent, "65.2");  // 4500 / (6000 + 900)
  EXPECT_EQ(i["E"].percent, "25.0");
  EXPECT_EQ(i["P"].percent, "50.0");  // 150 / 300
  EXPECT_EQ(i["C"].denominator_projects, (Ids{101, 103}));
}

TEST(EvaluateIndicator, AreaMeasuresIgnoreTheGrouping) {
  Facts f = MakeFacts();
  auto c = CompileIndicator(
      {"t.share", "季度贡献率", "Quarterly contribution",
       "sum(reports.completed_investment where period between quarter_start and period)",
       "area(sum(reports.completed_investment where period between quarter_start and period))", 1});
  ASSERT_TRUE(c.ok());
  auto r = EvaluateIndicator(f, *c, {202606, {GroupBy::kUnit}});
  ASSERT_TRUE(r.ok());
  auto m = ByKey(*r);
  EXPECT_EQ(m["1"].percent, "96.2");  // 3800 / 3950
  EXPECT_EQ(m["2"].percent, "3.8");   // 150 / 3950
  EXPECT_EQ(m["none"].percent, "0.0");
  EXPECT_TRUE(m["none"].denominator_projects.empty());  // area(...) is not a drill-down
  // A viewer who sees only unit 2's projects gets the same share: area(...) is the whole area's
  // figure whatever the scope, the numerator is the unit's own.
  std::vector<char> mask(f.projects.size(), 0);
  for (size_t row = 0; row < f.projects.size(); ++row) mask[row] = f.projects.unit[row] == 2;
  EvalOptions scoped{202606, {GroupBy::kUnit}};
  scoped.project_mask = &mask;
  auto s = EvaluateIndicator(f, *c, scoped);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(ByKey(*s)["2"].percent, "3.8");  // 150 / 3950, not 150 / 150
}

TEST(EvaluateIndicator, LeadsGroupByTheirOwnUnit) {
  Facts f = MakeFacts();
  auto c = CompileIndicator({"t.landing", "落地率", "Landing",
                             "count(leads where signed <= period_end and landed <= period_end)",
                             "count(leads where signed <= period_end)", 1});
  ASSERT_TRUE(c.ok());
  auto r = EvaluateIndicator(f, *c, {202606, {GroupBy::kUnit}});
  ASSERT_TRUE(r.ok());
  auto m = ByKey(*r);
  EXPECT_EQ(m["1"].percent, "50.0");                 // leads 1 and 2 signed, lead 1 landed
  EXPECT_EQ(m["2"].percent, "100.0");                // lead 4 (lead 3 signed in July)
  EXPECT_EQ(m["1"].numerator_projects, (Ids{101}));  // lead 1 became project 101
  // By region a lead follows its project; leads without one are "none".
  auto by_region = EvaluateIndicator(f, *c, {202606, {GroupBy::kRegion}});
  ASSERT_TRUE(by_region.ok());
  auto g = ByKey(*by_region);
  EXPECT_EQ(g["610104"].percent, "100.0");  // lead 1
  EXPECT_EQ(g["none"].percent, "50.0");     // leads 2 and 4, lead 4 landed
  EXPECT_FALSE(g["610111"].rate);           // projects, but no leads
}

TEST(CompileIndicator, ReportsWhichSideFailed) {
  auto bad = CompileIndicator({"x", "x", "x", "count(projects)", "count(project)", 1});
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.status().details().size(), 1u);
  EXPECT_EQ(bad.status().details()[0].field, "denominator");
  EXPECT_EQ(bad.status().message_en(),
            "at 6: unknown source 'project' "
            "(projects|plans|reports|procedures|problems|leads)");
  auto mixed =
      CompileIndicator({"x", "x", "x", "count(projects)", "sum(plans.planned_investment)", 1});
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(CompileIndicator({"x", "x", "x", "count(projects)", "count(projects)", 9}).ok());
}

TEST(Facts, RejectsUnknownAndDuplicateProjects) {
  Facts f = MakeFacts();
  EXPECT_EQ(f.AddReport({999, 202606, 1}).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(f.AddProject({101}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(f.AddLead({9, 1, "", LeadStage::kLead, 0, 0, 0, 999}).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(DateKey("2026-06-30"), 20260630);
  EXPECT_EQ(DateKey(""), 0);
  EXPECT_EQ(DateKey("2026-6-30"), 0);
  EXPECT_EQ(DateKey("2026-06-3x"), 0);
}

}  // namespace
}  // namespace keyline::engine
