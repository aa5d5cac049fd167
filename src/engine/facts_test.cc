// Facts: incremental changes (what LiveFacts applies after each committed write) leave the
// facts equal to facts built from scratch.
#include "engine/facts.h"

#include <gtest/gtest.h>

#include <map>

#include "engine/evaluate.h"
#include "engine/indicator_sets.h"
#include "engine/test_fixture.h"

namespace keyline::engine {
namespace {

using testing::kWan;
using testing::MakeFacts;

// Every shipped indicator by unit for 2026-06, as "key=percent" strings.
std::vector<std::string> Snapshot(const Facts& f) {
  std::vector<std::string> out;
  for (auto set : {FengxiIndicators(), ShaanxiIndicators()}) {
    for (auto& def : set) {
      auto ind = CompileIndicator(def);
      EXPECT_TRUE(ind.ok());
      EvalOptions o;
      o.period = 202606;
      o.grouping.by = GroupBy::kUnit;
      auto v = EvaluateIndicator(f, *ind, o);
      EXPECT_TRUE(v.ok());
      for (const auto& g : *v) {
        std::string ids;
        for (auto id : g.numerator_projects) ids += std::to_string(id) + ",";
        out.push_back(def.code + "/" + g.key + "=" + g.percent + "[" + ids + "]");
      }
    }
  }
  return out;
}

TEST(FactsChanges, ReplacingReportsMovesRowsAndKeepsEveryOtherProjectIntact) {
  Facts f = MakeFacts();
  auto before = Snapshot(f);
  size_t n = f.reports.size();
  // P101's reports replaced by the same reports: nothing changes but the row order.
  std::vector<ReportFact> p1;
  for (int32_t r : f.ReportRowsOf(f.project_row.at(101))) {
    p1.push_back({101, f.reports.period[r], f.reports.amount[r],
                  static_cast<ReportStatus>(f.reports.status[r]), f.reports.submitted_on[r],
                  f.reports.late[r] != 0});
  }
  ASSERT_EQ(p1.size(), 6u);
  ASSERT_TRUE(f.ReplaceReports(101, p1).ok());
  EXPECT_EQ(f.reports.size(), n);
  EXPECT_EQ(Snapshot(f), before);
  // Every project's index still points at its own rows.
  for (int64_t id : {101, 102, 103, 104}) {
    for (int32_t r : f.ReportRowsOf(f.project_row.at(id))) {
      EXPECT_EQ(f.projects.id[f.reports.project[r]], id);
    }
  }
  EXPECT_GE(f.FindReport(104, 202606), 0);
  EXPECT_EQ(f.reports.amount[f.FindReport(104, 202606)], 100 * kWan);
  EXPECT_EQ(f.FindReport(104, 202607), -1);
}

TEST(FactsChanges, ReturnedReportStopsCountingAndApprovalCountsItAgain) {
  Facts f = MakeFacts();
  auto before = Snapshot(f);
  int32_t r = f.FindReport(102, 202606);
  ASSERT_GE(r, 0);
  ReportFact rep{102, 202606, f.reports.amount[r], ReportStatus::kReturned, 20260705, false};
  ASSERT_TRUE(f.ReplaceReports(102, {rep}).ok());
  EXPECT_NE(Snapshot(f), before);
  rep.status = ReportStatus::kApproved;
  ASSERT_TRUE(f.ReplaceReports(102, {rep}).ok());
  EXPECT_EQ(Snapshot(f), before);
}

TEST(FactsChanges, SetProjectOverwritesInPlaceAndUnknownProjectsAreRefused) {
  Facts f = MakeFacts();
  ProjectFact p{103,
                Stage::kConstruction,
                ProjectLevel::kDistrict,
                1,
                "610111001",
                "C3011",
                3000 * kWan,
                20260615,
                0,
                20260616,
                0,
                StatsStatus::kNotApplicable,
                0,
                7};
  int32_t row = f.SetProject(p);
  EXPECT_EQ(row, f.project_row.at(103));
  EXPECT_EQ(f.projects.unit[row], 1);
  EXPECT_EQ(f.projects.leader[row], 7);
  EXPECT_EQ(f.projects.size(), 5u);
  EXPECT_EQ(f.ReplaceReports(999, {}).code(), ErrorCode::kNotFound);
  ASSERT_TRUE(f.ReplaceProcedures(101, {}).ok());
  for (size_t i = 0; i < f.procedures.size(); ++i) {
    EXPECT_NE(f.projects.id[f.procedures.project[i]], 101);
  }
}

TEST(FactsChanges, LeadsAreUpsertedAndRemovedById) {
  Facts f = MakeFacts();
  size_t n = f.leads.size();
  LeadFact l{9001, 2, "C", LeadStage::kSigned, 100 * kWan, 20260301, 0, std::nullopt};
  ASSERT_TRUE(f.SetLead(l).ok());
  EXPECT_EQ(f.leads.size(), n + 1);
  l.landed_on = 20260401;
  ASSERT_TRUE(f.SetLead(l).ok());
  EXPECT_EQ(f.leads.size(), n + 1);
  EXPECT_EQ(f.leads.landed_on.back(), 20260401);
  if (n > 0) {
    int64_t first = f.leads.id[0];
    f.RemoveLead(first);
    EXPECT_EQ(f.leads.size(), n);
    l.stage = LeadStage::kLanded;
    ASSERT_TRUE(f.SetLead(l).ok());  // the moved row is still found by id
    EXPECT_EQ(f.leads.size(), n);
  }
  f.RemoveLead(424242);
  l.project_id = 999;
  EXPECT_EQ(f.SetLead(l).code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace keyline::engine

namespace keyline::engine {
namespace {

// The investment completion (Fengxi) on the fixture for 2026-06, by `by`, as key → percent.
std::map<std::string, std::string> Completion(const Facts& f, EvalOptions o) {
  auto ind = CompileIndicator(FengxiIndicators()[4]);
  EXPECT_TRUE(ind.ok());
  EXPECT_EQ(ind->def.code, "fengxi.investment_completion");
  auto v = EvaluateIndicator(f, *ind, o);
  EXPECT_TRUE(v.ok());
  std::map<std::string, std::string> out;
  for (const auto& g : *v) out[g.key] = g.percent;
  return out;
}

TEST(EvaluateScope, MaskWindowStatusAndLeader) {
  Facts f = MakeFacts();
  EvalOptions o;
  o.period = 202606;
  // Whole area: (4500 + 300 + 150) ÷ (6000 + 1200 + 900 + 300) = 4950 ÷ 8400 = 58.9%.
  EXPECT_EQ(Completion(f, o)["area"], "58.9");
  // Only P101 visible: 4500 ÷ 6000.
  std::vector<char> mask(f.projects.size(), 0);
  mask[f.project_row.at(101)] = 1;
  o.project_mask = &mask;
  EXPECT_EQ(Completion(f, o)["area"], "75.0");
  // The month window: June alone, 800 ÷ 6000; the quarter: April–June, 3500 ÷ 6000.
  o.window = Window::kMonth;
  EXPECT_EQ(Completion(f, o)["area"], "13.3");
  o.window = Window::kQuarter;
  EXPECT_EQ(Completion(f, o)["area"], "58.3");
  o.window = Window::kYtd;
  // A draft June report does not count: 3700 ÷ 6000.
  ASSERT_TRUE(
      f.ReplaceReports(101, {{101, 202512, 999 * testing::kWan},
                             {101, 202603, 1000 * testing::kWan},
                             {101, 202604, 1500 * testing::kWan},
                             {101, 202605, 1200 * testing::kWan},
                             {101, 202606, 800 * testing::kWan, ReportStatus::kDraft, 0, false},
                             {101, 202607, 700 * testing::kWan}})
          .ok());
  EXPECT_EQ(Completion(f, o)["area"], "61.7");
  // Grouped by 包抓领导: P101's leader 7, everyone else "none".
  ProjectFact p{101,
                Stage::kConstruction,
                ProjectLevel::kProvincial,
                1,
                "610104001",
                "C3011",
                20000 * testing::kWan,
                20260310,
                20261130,
                20260315,
                0,
                StatsStatus::kIncluded,
                20260420,
                7};
  f.SetProject(p);
  o.project_mask = nullptr;
  o.grouping.by = GroupBy::kLeader;
  auto by_leader = Completion(f, o);
  EXPECT_EQ(by_leader.size(), 2u);
  EXPECT_EQ(by_leader["7"], "61.7");
  EXPECT_EQ(by_leader["none"], "18.8");  // 450 ÷ 2400
}

}  // namespace
}  // namespace keyline::engine

namespace keyline::engine {
namespace {

// The report-series fast path (period range, status set, project predicates) gives what the
// row scan gives: `late = 0` (true for every fixture report) forces the scan.
TEST(EvaluateScope, ReportSeriesAgreesWithTheScan) {
  Facts f = MakeFacts();
  ASSERT_TRUE(
      f.ReplaceReports(
           102, {{102, 202606, 300 * testing::kWan, ReportStatus::kReturned, 20260705, false},
                 {102, 202603, 7 * testing::kWan, ReportStatus::kSubmitted, 20260405, false}})
          .ok());
  for (const char* where :
       {"period between year_start and period and status in (submitted, approved)",
        "period between quarter_start and period",
        "period = period and status != draft and project.stage = construction",
        "period > 202512 and period < 202606 and status not in (returned)",
        "period >= 202604 and project.unit = 1"}) {
    std::string fast = std::string("sum(reports.completed_investment where ") + where + ")";
    std::string scan =
        std::string("sum(reports.completed_investment where ") + where + " and late = 0)";
    auto a = ParseExpression(fast), b = ParseExpression(scan);
    ASSERT_TRUE(a.ok() && b.ok()) << where;
    for (auto by : {GroupBy::kArea, GroupBy::kUnit}) {
      for (int period : {202603, 202606, 202607}) {
        EvalOptions o;
        o.period = period;
        o.grouping.by = by;
        auto x = EvaluateExpression(f, a.expression(), o);
        auto y = EvaluateExpression(f, b.expression(), o);
        ASSERT_TRUE(x.ok() && y.ok());
        ASSERT_EQ(x->size(), y->size());
        for (size_t i = 0; i < x->size(); ++i) {
          EXPECT_EQ((*x)[i].value, (*y)[i].value) << where << " " << period << " " << (*x)[i].key;
          EXPECT_EQ((*x)[i].projects, (*y)[i].projects) << where << " " << period;
        }
      }
    }
  }
}

}  // namespace
}  // namespace keyline::engine
